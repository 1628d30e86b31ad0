// Fuzzes the reading of dossier events as JSON Lines (docs/events-jsonl.md): each input is the text of an import
// file, whose lines are read as ReadLines in src/app/event_transfer.cc reads them — blank lines skipped, each
// line parsed by nlohmann-json without exceptions, then decoded by store::DecodeDossierEvent — after which each
// decoded event is hashed as the store would hash it and the events, in order, are folded by the dossier state
// machine (FoldEvents), as the store does before it appends them.
//
// A failure: a crash, a sanitizer report, an exception escaping, a refusal of an object that is not an
// InvalidArgument naming its field, or an event that does not survive the round trip the store and the export
// rely on: Encode(Decode(line)) must decode again, to the same JSON.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/dossier_state.h"
#include "fuzz_check.h"
#include "store/dossier_event_codec.h"
#include "store/event_hash.h"

namespace {

using motcua::DossierEvent;
using motcua::fuzz::Check;
using nlohmann::json;

// Encoding a decoded event gives JSON that decodes to an event encoding to the same JSON: what an export
// writes, an import reads back, and the hash over the canonical text stays the same.
void CheckRoundTrip(const DossierEvent& event) {
  const json encoded = motcua::store::EncodeDossierEvent(event);
  const auto again = motcua::store::DecodeDossierEvent(encoded);
  if (!again) std::fprintf(stderr, "re-decoding %s: %s\n", encoded.dump().c_str(), again.error().message_en.c_str());
  Check(again.has_value(), "an encoded event decodes");
  Check(motcua::store::EncodeDossierEvent(*again) == encoded, "an encoded event decodes to the same event");
  Check(motcua::store::EventHash(*again) == motcua::store::EventHash(event), "the hash survives the round trip");
}

// One line, read as the importer reads it: nullopt for a blank line or one that does not decode.
std::optional<DossierEvent> ReadLine(std::string_view text) {
  if (text.find_first_not_of(" \t\r") == std::string_view::npos) return std::nullopt;
  const json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  auto event = motcua::store::DecodeDossierEvent(parsed);
  if (!event) {
    // A line that is not an object is refused as a whole ("each event must be a JSON object"), without a path.
    if (parsed.is_object()) motcua::fuzz::CheckRefusal(event.error());
    return std::nullopt;
  }
  CheckRoundTrip(*event);
  return std::move(*event);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<DossierEvent> events;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (auto event = ReadLine(text.substr(0, end))) events.push_back(std::move(*event));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  (void)motcua::FoldEvents(events);
  return 0;
}
