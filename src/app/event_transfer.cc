#include "app/event_transfer.h"

#include <nlohmann/json.hpp>

#include <istream>
#include <map>
#include <ostream>

#include "domain/legacy_resolution.h"
#include "store/dossier_event_codec.h"

namespace motcua::app {
namespace {

// The 2025 arrangement took effect on 1 July 2025 (Resolution 202/2025/QH15): unit codes in events before
// then name pre-2025 communes.
const Instant kArrangementInForce = ToInstant(LocalTime(LocalDate(std::chrono::year{2025} / 7 / 1)));

struct ParsedLine {
  int line = 0;
  std::string text;
  std::optional<DossierEvent> event;
};

struct PendingDossier {
  std::vector<ParsedLine> lines;
  bool bad = false;
};

// The dossier a line belongs to, even when the line does not decode: read from the JSON if it parses.
std::string DossierCodeOf(const nlohmann::json& json) {
  if (json.is_object() && json.contains("dossier_code") && json["dossier_code"].is_string()) {
    return json["dossier_code"].get<std::string>();
  }
  return "";
}

// Rewrites the unit codes of one event to the current map, or says why it cannot.
class UnitMapper {
 public:
  explicit UnitMapper(store::Store& store) : store_(store) {}

  // nullopt when every code is current or mapped; otherwise the hold (with candidates) or an error.
  Result<std::optional<ImportHold>> Map(DossierEvent& event) {
    const bool old_codes = event.occurred_at < kArrangementInForce;
    std::optional<ImportHold> hold;
    auto fix = [&](std::string& code, const char* field) -> Result<void> {
      if (code.size() != 5 || hold) return {};
      auto outcome = MapOne(code, old_codes);
      if (!outcome)
        return Fail(Error{outcome.error().code, field, outcome.error().message_vi, outcome.error().message_en});
      if (outcome->outcome == LegacyOutcome::kNeedsDecision) {
        hold = ImportHold{event.dossier_code, 0, field, code, outcome->candidates, {}};
      } else if (outcome->outcome == LegacyOutcome::kUnique) {
        code = outcome->candidates.front().commune_code;
      }
      return {};
    };
    Result<void> ok = std::visit([&](auto& p) { return FixPayload(p, fix); }, event.payload);
    if (ok) ok = fix(event.actor.unit, "actor.unit");
    if (!ok) return Fail(ok.error());
    return hold;
  }

 private:
  template <typename Fix>
  static Result<void> FixPayload(Submitted& p, Fix& fix) {
    if (auto ok = fix(p.receiving_unit, "payload.receiving_unit"); !ok) return ok;
    return fix(p.competent_unit, "payload.competent_unit");
  }
  template <typename Fix>
  static Result<void> FixPayload(Received& p, Fix& fix) {
    if (auto ok = fix(p.receiving_unit, "payload.receiving_unit"); !ok) return ok;
    return fix(p.competent_unit, "payload.competent_unit");
  }
  template <typename Fix>
  static Result<void> FixPayload(Transferred& p, Fix& fix) {
    return fix(p.to_unit, "payload.to_unit");
  }
  template <typename P, typename Fix>
  static Result<void> FixPayload(P&, Fix&) {
    return {};
  }

  // kUnique with the target when the code must change; kUnknown meaning "keep as is" when it is current.
  Result<LegacyResolution> MapOne(const std::string& code, bool old_codes) {
    auto links = store_.LegacyLinksOf(code);
    if (!links) return Fail(links.error());
    auto current = store_.FindCommune(code);
    if (!current) return Fail(current.error());
    if (*current && (!old_codes || links->empty())) return LegacyResolution{};
    if (links->empty()) {
      return Fail(Error::NotFound("", "mã xã '" + code + "' không có trong danh mục hiện hành hay phương án 2025",
                                  "commune code '" + code + "' is neither current nor in the 2025 arrangement"));
    }
    return ResolveLegacyCommune(*links);
  }

  store::Store& store_;
};

// Reads every line, decodes it, and groups the events by dossier in order of first appearance.
Result<void> ReadLines(std::istream& in, std::vector<std::string>& order,
                       std::map<std::string, PendingDossier>& dossiers, ImportReport& report) {
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    const std::string code = DossierCodeOf(json);
    if (code.empty()) {
      // A line that names no dossier could belong to any: importing the rest could half-apply one.
      return Fail(Error::InvalidArgument("line " + std::to_string(line),
                                         "dòng không phải một sự kiện JSON có mã hồ sơ: không nhập gì cả",
                                         "the line is not a JSON event with a dossier code: nothing was imported"));
    }
    if (!dossiers.contains(code)) order.push_back(code);
    PendingDossier& dossier = dossiers[code];
    ParsedLine parsed{line, text, std::nullopt};
    auto event = json.is_discarded()
                     ? Result<DossierEvent>(Fail(Error::InvalidArgument("", "JSON hỏng", "malformed JSON")))
                     : store::DecodeDossierEvent(json);
    if (event) {
      parsed.event = std::move(*event);
    } else {
      dossier.bad = true;
      report.problems.push_back({line, code, event.error()});
    }
    dossier.lines.push_back(std::move(parsed));
  }
  return {};
}

// Drops the events the store already has (same seq and type); fails on a conflicting one.
Result<std::vector<DossierEvent>> NewEvents(store::Store& store, const std::string& code,
                                            std::vector<DossierEvent> events, ImportReport& report) {
  auto existing = store.LoadDossierEvents(code);
  if (!existing) return Fail(existing.error());
  std::vector<DossierEvent> fresh;
  for (DossierEvent& event : events) {
    const auto index = static_cast<std::size_t>(event.seq - 1);
    if (event.seq >= 1 && index < existing->size()) {
      if (EventTypeName((*existing)[index].payload) != EventTypeName(event.payload)) {
        return Fail(Error::Conflict("seq", "sự kiện số " + std::to_string(event.seq) + " khác với sự kiện đã lưu",
                                    "event " + std::to_string(event.seq) + " differs from the stored one"));
      }
      ++report.events_already_present;
      continue;
    }
    fresh.push_back(std::move(event));
  }
  return fresh;
}

// Maps units, then appends the dossier's new events in one transaction. Problems go into the report.
Result<void> ImportDossier(store::Store& store, const Clock& clock, const std::string& importer,
                           const LifecycleLimits& limits, PendingDossier& dossier, UnitMapper& mapper,
                           ImportReport& report) {
  std::vector<DossierEvent> events;
  for (ParsedLine& line : dossier.lines) {
    DossierEvent event = std::move(*line.event);
    auto hold = mapper.Map(event);
    if (!hold) {
      report.problems.push_back({line.line, event.dossier_code, hold.error()});
      return {};
    }
    if (*hold) {
      (*hold)->line = line.line;
      for (const ParsedLine& l : dossier.lines) (*hold)->lines.push_back(l.text);
      report.holds.push_back(std::move(**hold));
      return {};
    }
    event.imported = true;
    event.imported_by = importer;
    event.recorded_at = clock.Now();
    events.push_back(std::move(event));
  }
  const std::string code = events.front().dossier_code;
  auto fresh = NewEvents(store, code, std::move(events), report);
  if (!fresh) {
    report.problems.push_back({dossier.lines.front().line, code, fresh.error()});
    return {};
  }
  if (fresh->empty()) return {};
  auto appended = store.AppendDossierEvents(*fresh, limits);
  if (!appended) {
    if (appended.error().code == ErrorCode::kUnavailable) return Fail(appended.error());
    report.problems.push_back({dossier.lines.front().line, code, appended.error()});
    return {};
  }
  ++report.dossiers_imported;
  report.events_imported += fresh->size();
  return {};
}

}  // namespace

Result<ImportReport> ImportEvents(store::Store& store, const Clock& clock, std::istream& in,
                                  const std::string& importer, const LifecycleLimits& limits) {
  ImportReport report;
  std::vector<std::string> order;
  std::map<std::string, PendingDossier> dossiers;
  if (auto read = ReadLines(in, order, dossiers, report); !read) return Fail(read.error());
  UnitMapper mapper(store);
  for (const std::string& code : order) {
    PendingDossier& dossier = dossiers[code];
    if (dossier.bad) continue;
    if (auto ok = ImportDossier(store, clock, importer, limits, dossier, mapper, report); !ok) return Fail(ok.error());
  }
  return report;
}

Result<std::size_t> ExportEvents(store::Store& store, const store::DossierFilter& filter, std::ostream& out) {
  auto codes = store.DossierCodes(filter);
  if (!codes) return Fail(codes.error());
  std::size_t written = 0;
  for (const std::string& code : *codes) {
    auto events = store.LoadDossierEvents(code);
    if (!events) return Fail(events.error());
    for (const DossierEvent& event : *events) {
      out << store::EncodeDossierEvent(event).dump() << '\n';
      ++written;
    }
  }
  return written;
}

}  // namespace motcua::app
