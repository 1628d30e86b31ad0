#include "store/sql/sql_store_provider.h"

namespace motcua::store {

Result<Store*> SqlStoreProvider::ForThisThread() {
  // Opening under the lock also keeps two threads from running the migrations of a fresh database at once.
  std::lock_guard lock(mutex_);
  auto& entry = stores_[std::this_thread::get_id()];
  if (entry.store && entry.connection != nullptr && entry.connection->Lost()) entry = {};
  if (!entry.store) {
    if (!writer_) {
      // The writer's connection needs a migrated schema: a store opened (and closed) first brings it up to date.
      if (auto migrated = opener_->OpenStore(nullptr); !migrated) return Fail(migrated.error());
      auto connection = opener_->OpenWriterConnection();
      if (!connection) return Fail(connection.error());
      writer_ = std::make_unique<SqlGroupCommit>(std::move(*connection),
                                                 [opener = opener_.get()] { return opener->OpenWriterConnection(); });
    }
    auto opened = opener_->OpenStore(writer_.get());
    if (!opened) return Fail(opened.error());
    entry = std::move(*opened);
  }
  return entry.store.get();
}

SqlGroupCommit::Stats SqlStoreProvider::WriterTotals() {
  std::lock_guard lock(mutex_);
  return writer_ ? writer_->Totals() : SqlGroupCommit::Stats{};
}

std::size_t SqlStoreProvider::WriterWaiting() {
  std::lock_guard lock(mutex_);
  return writer_ ? writer_->Waiting() : 0;
}

}  // namespace motcua::store
