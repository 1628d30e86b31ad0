#include "store/sql/connection.h"

namespace motcua::store::sql {
namespace {

// Statements whose SQL is built from a query's filters come in many shapes; past this many, the cache starts
// again rather than grow without bound.
constexpr std::size_t kMaxCachedStatements = 256;

}  // namespace

std::unique_ptr<PreparedStatement> Connection::Acquire(std::string_view sql) {
  // Preparing parses the SQL and resolves it against the schema, which cost a third of a dossier append's time
  // before statements were kept (perf, issue 7): the same few statements run for every event.
  if (auto found = cache_.find(sql); found != cache_.end() && found->second) {
    return std::move(found->second);  // the slot stays, empty, until the statement comes back
  }
  return Prepare(sql);
}

void Connection::Return(std::unique_ptr<PreparedStatement> statement) noexcept {
  if (!statement) return;
  statement->Reset();
  try {
    auto found = cache_.find(std::string_view(statement->sql()));
    if (found == cache_.end()) {
      if (cache_.size() >= kMaxCachedStatements) cache_.clear();
      found = cache_.emplace(statement->sql(), nullptr).first;
    }
    if (!found->second) found->second = std::move(statement);  // a nested second use of the same SQL is dropped
  } catch (...) {
    // Out of memory while caching: the statement is finalized instead, which is always correct.
  }
}

std::int64_t Statement::Execute() {
  while (prepared_->Step()) {
  }
  return prepared_->Changes();
}

}  // namespace motcua::store::sql
