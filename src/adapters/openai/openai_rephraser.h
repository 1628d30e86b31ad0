#pragma once
// The rewording of an assistant's answer by a language model a province runs itself, behind an OpenAI-compatible
// chat-completions API (llama.cpp's server, vLLM, Ollama, LocalAI…): one POST {endpoint}/chat/completions per
// answer, {"model", "messages": [system, user], "temperature": 0}, the system prompt (Vietnamese) telling the
// model to reword the given answer only, keep every number, code and name, and add nothing. The reply's
// choices[0].message.content is then checked by AddsNoFacts (domain/rephrasing_check.h); anything else — no
// connection, a timeout, a status other than 200, a body over the cap, malformed JSON, a refusal, a reply cut
// short, a reply that adds a fact — is Unavailable naming "assistant", and the asker gets the extracted answer
// alone. Each failure is logged as one warning line with its kind; never the question, the answer, the reply
// or the key.
//
// Plain HTTP/1.1 over TCP only: an https:// endpoint is refused by Create() (a start-up error). Run the model
// on the same host or the province's own network, or behind a TLS-terminating proxy listening on loopback.
//
// The timeout bounds the whole exchange (connect, send, receive); a host name is resolved within it too, though
// a resolver that hangs is waited for: prefer an IP address or a name in /etc/hosts.
//
// Thread-safety: Rephrase() may be called from any number of threads at once. Each call opens its own
// connection on its own io_context; the object holds only settings fixed by Create().
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "app/answer_rephraser.h"
#include "domain/error.h"

namespace motcua::adapters {

// The environment variable holding the API key, if the endpoint wants one (read at start-up, never logged).
inline constexpr const char* kAssistantApiKeyVariable = "MOTCUA_ASSISTANT_API_KEY";

struct OpenAiRephraserOptions {
  std::string endpoint;                        // the API's base URL, "http://host[:port][/path]" (port 80 by
                                               // default), e.g. "http://127.0.0.1:8000/v1"
  std::string model = "default";               // the request's "model"
  std::chrono::milliseconds timeout{8000};     // for the whole exchange
  std::size_t max_response_bytes = 64 * 1024;  // a longer reply body is a failure
  std::string api_key;                         // sent as "Authorization: Bearer …" when not empty
};

// The value of MOTCUA_ASSISTANT_API_KEY, or "" when it is unset.
std::string AssistantApiKeyFromEnvironment();

class OpenAiRephraser final : public app::AnswerRephraser {
 public:
  // InvalidArgument naming "assistant_endpoint" for an endpoint that is not "http://host[:port][/path]": an
  // https:// one (not supported, see above), another scheme, no host, a port outside 1–65535, a user or password
  // in the URL (the key belongs in MOTCUA_ASSISTANT_API_KEY), a query or fragment; "assistant_model" for an
  // empty model; "assistant_timeout" for a timeout that is not positive.
  static Result<std::unique_ptr<OpenAiRephraser>> Create(OpenAiRephraserOptions options);

  Result<std::string> Rephrase(std::string_view question, const ProcedureAnswer& answer) const override;

 private:
  struct Endpoint {
    std::string host;         // a name or an IP address (an IPv6 one without its brackets)
    std::string port;         // "80" unless given
    std::string host_header;  // host[:port] as written in the URL
    std::string target;       // the URL's path without its trailing '/', then "/chat/completions"
  };
  OpenAiRephraser(OpenAiRephraserOptions options, Endpoint endpoint)
      : options_(std::move(options)), endpoint_(std::move(endpoint)) {}
  static Result<Endpoint> ParseEndpoint(std::string_view url);
  // The body of a 200 reply, or why there is none.
  Result<std::string> Exchange(std::string request_body) const;

  OpenAiRephraserOptions options_;
  Endpoint endpoint_;
};

}  // namespace motcua::adapters
