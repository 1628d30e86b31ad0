#include "app/event_difference.h"

#include <nlohmann/json.hpp>

#include "store/dossier_event_codec.h"

namespace motcua::app {
namespace {

// The fields an import sets or the store computes: two copies of one event differ there by design.
const char* const kNotCompared[] = {"recorded_at", "imported", "imported_by", "prev_hash", "hash"};

std::string Text(const nlohmann::json* value) { return value == nullptr ? "" : value->dump(); }

void Compare(std::int64_t seq, const std::string& path, const nlohmann::json* a, const nlohmann::json* b,
             std::vector<EventDifference>& out) {
  if (a != nullptr && b != nullptr && a->is_object() && b->is_object()) {
    nlohmann::json keys = nlohmann::json::object();  // sorted union of both objects' keys
    for (const auto& [key, value] : a->items()) keys[key] = true;
    for (const auto& [key, value] : b->items()) keys[key] = true;
    for (const auto& [key, unused] : keys.items()) {
      const auto in_a = a->find(key);
      const auto in_b = b->find(key);
      Compare(seq, path.empty() ? key : path + "." + key, in_a == a->end() ? nullptr : &*in_a,
              in_b == b->end() ? nullptr : &*in_b, out);
    }
    return;
  }
  if (a == nullptr || b == nullptr || *a != *b) out.push_back({seq, path, Text(a), Text(b)});
}

}  // namespace

std::vector<EventDifference> DifferencesBetween(const DossierEvent& stored, const DossierEvent& imported) {
  nlohmann::json a = store::EncodeDossierEvent(stored);
  nlohmann::json b = store::EncodeDossierEvent(imported);
  for (const char* field : kNotCompared) {
    a.erase(field);
    b.erase(field);
  }
  std::vector<EventDifference> differences;
  Compare(stored.seq, "", &a, &b, differences);
  return differences;
}

}  // namespace motcua::app
