#include "app/event_transfer.h"

#include <ostream>

#include "app/counter_replay.h"
#include "app/work_calendar_loader.h"
#include "store/dossier_event_codec.h"

namespace motcua::app {
namespace {

// Imports the dossiers of one file, one at a time, into the report.
class DossierImporter {
 public:
  DossierImporter(store::Store& store, const WorkCalendar& calendar, const ImportOptions& options, Instant now,
                  ImportReport& report)
      : store_(store),
        calendar_(calendar),
        options_(options),
        rules_{options.settings, now, options.outside_files},
        now_(now),
        mapper_(store, options.unit_map),
        report_(report) {}

  // Fails only when the store fails.
  Result<void> Import(ImportedDossier& dossier) {
    if (dossier.bad) {
      ++report_.dossiers_rejected;
      return {};
    }
    auto mapped = MapUnits(dossier);
    if (!mapped) return Fail(mapped.error());
    if (!*mapped) return {};
    auto stored = store_.LoadDossierEvents(dossier.code);
    if (!stored) return Fail(stored.error());
    if (Conflicts(dossier, *stored)) return {};
    return AppendNew(dossier, *stored);
  }

 private:
  Result<void> Reject(const ImportLine& line, const std::string& code, Error error) {
    if (error.code == ErrorCode::kUnavailable) return Fail(std::move(error));
    report_.problems.push_back({line.line, code, std::move(error)});
    ++report_.dossiers_rejected;
    return {};
  }

  // Puts every event on the current map of units; false when the dossier was held or rejected instead.
  Result<bool> MapUnits(ImportedDossier& dossier) {
    for (ImportLine& line : dossier.lines) {
      auto hold = mapper_.Map(line.event);
      if (!hold) {
        if (auto ok = Reject(line, dossier.code, hold.error()); !ok) return Fail(ok.error());
        return false;
      }
      if (*hold) {
        (*hold)->line = line.line;
        for (const ImportLine& l : dossier.lines) (*hold)->lines.push_back(l.text);
        report_.holds.push_back(std::move(**hold));
        return false;
      }
    }
    return true;
  }

  // Whether an event the store has differs from the file's; then lists every difference as a conflict.
  bool Conflicts(const ImportedDossier& dossier, const std::vector<DossierEvent>& stored) {
    ImportConflict conflict{dossier.code, 0, {}};
    for (const ImportLine& line : dossier.lines) {
      const auto seq = line.event.seq;
      if (seq < 1 || seq > static_cast<std::int64_t>(stored.size())) continue;
      auto differences = DifferencesBetween(stored[static_cast<std::size_t>(seq - 1)], line.event);
      if (!differences.empty() && conflict.differences.empty()) conflict.line = line.line;
      conflict.differences.insert(conflict.differences.end(), differences.begin(), differences.end());
    }
    if (conflict.differences.empty()) return false;
    report_.conflicts.push_back(std::move(conflict));
    return true;
  }

  // Replays the events the store lacks as the counter would have written them, then appends them in one
  // transaction.
  Result<void> AppendNew(ImportedDossier& dossier, const std::vector<DossierEvent>& stored) {
    auto start = StartOf(dossier.code, stored);
    if (!start) return Fail(start.error());
    CounterReplay replay(store_, calendar_, rules_, std::move(*start),
                         stored.empty() ? std::nullopt : std::optional(stored.back().occurred_at));
    std::vector<DossierEvent> fresh;
    std::size_t present = 0;
    for (ImportLine& line : dossier.lines) {
      if (line.event.seq >= 1 && line.event.seq <= static_cast<std::int64_t>(stored.size())) {
        ++present;
        continue;
      }
      if (auto ok = replay.Apply(line.event); !ok) return Reject(line, dossier.code, ok.error());
      fresh.push_back(Stamped(std::move(line.event)));
    }
    report_.events_already_present += present;
    if (fresh.empty()) {
      ++report_.dossiers_unchanged;
      return {};
    }
    auto appended = store_.AppendDossierEvents(fresh, options_.settings.limits, options_.settings.deadline);
    if (!appended) return Reject(dossier.lines.front(), dossier.code, appended.error());
    ++report_.dossiers_imported;
    report_.events_imported += fresh.size();
    return {};
  }

  Result<DossierState> StartOf(const std::string& code, const std::vector<DossierEvent>& stored) {
    if (stored.empty()) return DossierState{};
    auto state = store_.LoadDossier(code);
    if (!state) return Fail(state.error());
    return state->value_or(DossierState{});
  }

  DossierEvent Stamped(DossierEvent event) const {
    event.imported = true;
    event.imported_by = options_.importer;
    event.recorded_at = now_;
    return event;
  }

  store::Store& store_;
  const WorkCalendar& calendar_;
  const ImportOptions& options_;
  const ReplayRules rules_;
  const Instant now_;
  LegacyUnitMapper mapper_;
  ImportReport& report_;
};

}  // namespace

Result<ImportReport> ImportEvents(store::Store& store, const Clock& clock, std::istream& in,
                                  const ImportOptions& options) {
  auto calendar = LoadWorkCalendar(store);
  if (!calendar) return Fail(calendar.error());
  ImportFile file = ReadImportFile(in);
  ImportReport report;
  report.problems = std::move(file.problems);
  DossierImporter importer(store, *calendar, options, clock.Now(), report);
  ImportProgress progress{0, file.dossiers.size()};
  for (ImportedDossier& dossier : file.dossiers) {
    if (auto ok = importer.Import(dossier); !ok) return Fail(ok.error());
    ++progress.dossiers_done;
    if (options.progress) options.progress(progress);
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
