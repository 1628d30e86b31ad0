#include "store/sqlite/sqlite_store_provider.h"

#include "store/sqlite/sqlite_store.h"

namespace motcua::store {

Result<Store*> SqliteStoreProvider::ForThisThread() {
  // Opening under the lock also keeps two threads from running the migrations of a fresh file at once.
  std::lock_guard lock(mutex_);
  auto& store = stores_[std::this_thread::get_id()];
  if (!store) {
    if (!writer_) {
      // The writer's connection needs a migrated schema: a store opened (and closed) first brings it up to date.
      if (auto migrated = OpenSqliteStore(path_); !migrated) return Fail(migrated.error());
      auto writer = SqliteGroupCommit::Open(path_);
      if (!writer) return Fail(writer.error());
      writer_ = std::move(*writer);
    }
    auto opened = OpenSqliteStore(path_, writer_.get());
    if (!opened) return Fail(opened.error());
    store = std::move(*opened);
  }
  return store.get();
}

SqliteGroupCommit::Stats SqliteStoreProvider::WriterTotals() {
  std::lock_guard lock(mutex_);
  return writer_ ? writer_->Totals() : SqliteGroupCommit::Stats{};
}

std::size_t SqliteStoreProvider::WriterWaiting() {
  std::lock_guard lock(mutex_);
  return writer_ ? writer_->Waiting() : 0;
}

}  // namespace motcua::store
