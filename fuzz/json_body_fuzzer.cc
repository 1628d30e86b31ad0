// Fuzzes the JSON body reader (src/http/json_body.h) through the real parsers of the dossier endpoints
// (src/http/dossier_requests.h): each input is read as the body of the intake, of the acceptance and of every
// other action, as the server reads a POST body, so that every kind of field read (strings, integers, numbers,
// booleans, nested objects, arrays of objects and of strings) meets it.
//
// A failure: a crash, a sanitizer report, an exception escaping a parser (they promise never to throw), or a
// refusal that is not an InvalidArgument naming its field (the promise of dossier_requests.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "http/dossier_requests.h"

namespace {

using motcua::DossierAction;
using motcua::fuzz::CheckRefusal;

// Reads `body` as the endpoint of `action` does; a refusal must keep the promise of the parsers.
void ReadAs(DossierAction action, std::string_view body) {
  namespace http = motcua::http;
  if (action == DossierAction::kAccept) {
    if (auto request = http::ParseAcceptRequest(body); !request) CheckRefusal(request.error());
  } else if (auto payload = http::ParseActionRequest(action, body); !payload) {
    CheckRefusal(payload.error());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  if (auto intake = motcua::http::ParseIntakeRequest(body); !intake) CheckRefusal(intake.error());
  for (DossierAction action : motcua::http::ActionsWithPathSegment()) ReadAs(action, body);
  return 0;
}
