#include "store/store_migration.h"

#include "store/postgresql/pg_connection.h"
#include "store/sql/sql_guard.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store_factory.h"

namespace motcua::store {
namespace {

// A connection of the copy's own, beside the stores (which keep theirs for the checks).
std::unique_ptr<sql::Connection> Connect(const StoreSpec& spec) {
  if (spec.engine == StoreSpec::Engine::kPostgresql) return std::make_unique<PgConnection>(spec.location);
  return OpenStoreConnection(spec.location, 65536);
}

// What `motcua verify` and `rebuild --check` would find: the first broken chain, the event log not reaching
// `expected_head`, or a counter unequal to a rebuild; nullopt when the history holds.
std::optional<std::string> HistoryProblem(Store& store, const std::optional<LogCheckpoint>& expected_head,
                                          const DeadlinePolicy& policy) {
  if (auto chains = store.VerifyDossierChains(); !chains) {
    return chains.error().message_en;
  } else if (*chains) {
    return "dossier " + (*chains)->dossier_code + " event " + std::to_string((*chains)->seq) + ": " + (*chains)->what;
  }
  if (auto log = store.VerifyEventLog(expected_head); !log) {
    return log.error().message_en;
  } else if (*log) {
    return "event log: " + (*log)->what;
  }
  if (auto counters = store.RebuildCounters(policy, false); !counters) {
    return counters.error().message_en;
  } else if (*counters) {
    return "report counters: " + (*counters)->description;
  }
  return std::nullopt;
}

}  // namespace

Result<MigrationReport> MigrateDatabase(const StoreSpec& from, const StoreSpec& to, const DeadlinePolicy& policy,
                                        const std::function<void(const TableCopied&)>& progress) {
  if (from.engine == to.engine && from.location == to.location) {
    return Fail(Error::InvalidArgument("to", "nguồn và đích là cùng một cơ sở dữ liệu",
                                       "the source and the target are the same database"));
  }
  if (to.IsMemory()) {
    return Fail(Error::InvalidArgument("to", "không chuyển vào :memory:", "cannot migrate into :memory:"));
  }
  auto source = OpenStore(from);
  if (!source) return Fail(source.error());
  auto target = OpenStore(to);
  if (!target) return Fail(target.error());

  MigrationReport report;
  const auto head = (*source)->EventLogHead();
  if (!head) return Fail(head.error());
  report.head = *head;
  if (auto problem = HistoryProblem(**source, std::nullopt, policy)) {
    report.problem = "source: " + *problem;
    return report;
  }
  auto copied = Guard("copying the database", [&]() -> Result<std::vector<TableCopied>> {
    auto reading = Connect(from);
    auto writing = Connect(to);
    return CopyDatabase(*reading, *writing, progress);
  });
  if (!copied) return Fail(copied.error());
  report.tables = std::move(*copied);
  // The copy must end exactly at the source's head: VerifyEventLog checks the chain up to it and beyond.
  const auto copied_head = (*target)->EventLogHead();
  if (!copied_head) return Fail(copied_head.error());
  if (*copied_head != report.head) {
    report.problem = "copy: the event log ends at " + std::to_string(copied_head->position) + ", the source's at " +
                     std::to_string(report.head.position);
    return report;
  }
  if (auto problem = HistoryProblem(**target, report.head, policy)) report.problem = "copy: " + *problem;
  return report;
}

}  // namespace motcua::store
