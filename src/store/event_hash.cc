#include "store/event_hash.h"

#include "store/dossier_event_codec.h"
#include "store/sha256.h"

namespace motcua::store {

std::string CanonicalEventText(const DossierEvent& event) {
  nlohmann::json json = EncodeDossierEvent(event);
  json.erase("hash");
  // nlohmann's default object is a std::map, so keys come out sorted; `replace` keeps dump() from throwing.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string EventHash(const DossierEvent& event) { return Sha256Hex(CanonicalEventText(event)); }

}  // namespace motcua::store
