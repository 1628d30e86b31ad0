#include "store/sql/transaction.h"

namespace motcua::store::sql {
namespace {

// One name for every level: both engines let a savepoint reuse the name of one it is nested in, and ROLLBACK TO
// and RELEASE then act on the innermost.
constexpr std::string_view kSavepoint = "SAVEPOINT motcua_nested";
constexpr std::string_view kRollbackToSavepoint = "ROLLBACK TO SAVEPOINT motcua_nested";
constexpr std::string_view kReleaseSavepoint = "RELEASE SAVEPOINT motcua_nested";

// Transaction control runs for every write, several times for each job of a group commit: it goes through the
// statement cache like any other statement.
void Run(Connection& connection, std::string_view sql) { Statement(connection, sql).Execute(); }

}  // namespace

Transaction::Transaction(Connection& connection, TxMode mode)
    : connection_(connection), nested_(connection.InTransaction()), observer_(connection.observer()) {
  Run(connection_, nested_ ? kSavepoint : connection_.BeginSql(mode));
  if (!nested_ && mode == TxMode::kWrite && !connection_.OneWriterSql().empty()) {
    try {
      Run(connection_, connection_.OneWriterSql());
    } catch (...) {
      try {
        Run(connection_, "ROLLBACK");
      } catch (...) {
        // The connection is gone: the server has rolled back.
      }
      throw;
    }
  }
  if (observer_ != nullptr) observer_->Opened();
}

Transaction::~Transaction() {
  if (finished_) return;
  try {
    if (nested_) {
      // ROLLBACK TO undoes the savepoint's work but keeps it open; RELEASE then closes it.
      Run(connection_, kRollbackToSavepoint);
      Run(connection_, kReleaseSavepoint);
    } else {
      Run(connection_, "ROLLBACK");
    }
  } catch (...) {
    // A failed rollback leaves the engine to roll the transaction back when the connection closes; nothing better
    // can be done in a destructor.
  }
  if (observer_ != nullptr) observer_->Closed();
}

void Transaction::Commit() {
  if (nested_) {
    Run(connection_, kReleaseSavepoint);
    finished_ = true;
    if (observer_ != nullptr) observer_->Released();
    return;
  }
  if (observer_ != nullptr) observer_->Committing();
  Run(connection_, "COMMIT");
  finished_ = true;
  if (observer_ != nullptr) observer_->Closed();
}

}  // namespace motcua::store::sql
