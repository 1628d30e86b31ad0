#pragma once
// The options that turn on the assistant's language model (issue 14), shared by `motcua serve` and `motcua ask`,
// and the one place the rephraser is chosen from them. Off by default: without --assistant-endpoint the answers
// are the catalogue's alone.
//
//   --assistant-endpoint URL   an OpenAI-compatible API the province runs, "http://host[:port][/path]"
//                              (adapters/openai/openai_rephraser.h; https is refused)
//   --assistant-model NAME     the model it serves (default "default")
//
// The API key, if the endpoint wants one, is read from MOTCUA_ASSISTANT_API_KEY, never from the command line.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "app/answer_rephraser.h"
#include "domain/error.h"

namespace motcua::cli {

struct AssistantModelOptions {
  std::string endpoint;  // empty: off
  std::string model = "default";
};

void AddAssistantModelOptions(CLI::App& command, AssistantModelOptions& options);

// nullptr when no endpoint is given; the rephraser over it otherwise; InvalidArgument naming
// "assistant_endpoint" or "assistant_model" when they are unusable.
Result<std::unique_ptr<app::AnswerRephraser>> OpenAssistantRephraser(const AssistantModelOptions& options);

}  // namespace motcua::cli
