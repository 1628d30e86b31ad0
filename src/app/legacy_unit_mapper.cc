#include "app/legacy_unit_mapper.h"

#include <algorithm>

#include "domain/legacy_resolution.h"

namespace motcua::app {
namespace {

// The 2025 arrangement took effect on 1 July 2025 (Resolution 202/2025/QH15): unit codes in events before
// then name pre-2025 communes.
const Instant kArrangementInForce = ToInstant(LocalTime(LocalDate(std::chrono::year{2025} / 7 / 1)));

Error NamedIn(Error error, const char* field) {
  error.field = field;
  return error;
}

// Where the event names units, as (code, field) pairs.
std::vector<std::pair<std::string*, const char*>> UnitFields(DossierEvent& event) {
  std::vector<std::pair<std::string*, const char*>> fields;
  if (auto* p = std::get_if<Submitted>(&event.payload)) {
    fields = {{&p->receiving_unit, "payload.receiving_unit"}, {&p->competent_unit, "payload.competent_unit"}};
  } else if (auto* r = std::get_if<Received>(&event.payload)) {
    fields = {{&r->receiving_unit, "payload.receiving_unit"}, {&r->competent_unit, "payload.competent_unit"}};
  } else if (auto* t = std::get_if<Transferred>(&event.payload)) {
    fields = {{&t->to_unit, "payload.to_unit"}};
  }
  fields.emplace_back(&event.actor.unit, "actor.unit");
  return fields;
}

}  // namespace

Result<std::optional<ImportHold>> LegacyUnitMapper::Map(DossierEvent& event) {
  for (auto [code, field] : UnitFields(event)) {
    if (code->size() != 5) continue;  // provinces and empty units keep their codes
    auto hold = MapOne(event, *code, field);
    if (!hold || *hold) return hold;
  }
  return std::optional<ImportHold>();
}

Result<std::optional<ImportHold>> LegacyUnitMapper::MapOne(const DossierEvent& event, std::string& code,
                                                           const char* field) {
  auto links = store_.LegacyLinksOf(code);
  if (!links) return Fail(links.error());
  auto current = store_.FindCommune(code);
  if (!current) return Fail(current.error());
  if (*current && (event.occurred_at >= kArrangementInForce || links->empty())) return std::optional<ImportHold>();
  if (links->empty()) {
    return Fail(Error::NotFound(field, "mã xã '" + code + "' không có trong danh mục hiện hành hay phương án 2025",
                                "commune code '" + code + "' is neither current nor in the 2025 arrangement"));
  }
  const LegacyResolution resolution = ResolveLegacyCommune(*links);
  if (resolution.outcome == LegacyOutcome::kUnique) {
    code = resolution.candidates.front().commune_code;
    return std::optional<ImportHold>();
  }
  const std::optional<std::string> chosen = choices_.Resolve(event.dossier_code, code);
  if (!chosen)
    return std::optional<ImportHold>(ImportHold{event.dossier_code, 0, field, code, resolution.candidates, {}});
  if (std::ranges::none_of(resolution.candidates, [&](const LegacyLink& l) { return l.commune_code == *chosen; })) {
    return Fail(NamedIn(
        Error::InvalidArgument("", "xã " + *chosen + " được chọn không phải nơi xã cũ " + code + " được sắp xếp vào",
                               "the chosen commune " + *chosen + " is not one old commune " + code + " went into"),
        field));
  }
  code = *chosen;
  return std::optional<ImportHold>();
}

}  // namespace motcua::app
