#include "store/sqlite/sqlite_store_provider.h"

#include "store/sqlite/sqlite_store.h"

namespace motcua::store {

Result<Store*> SqliteStoreProvider::ForThisThread() {
  // Opening under the lock also keeps two threads from running the migrations of a fresh file at once.
  std::lock_guard lock(mutex_);
  auto& store = stores_[std::this_thread::get_id()];
  if (!store) {
    auto opened = OpenSqliteStore(path_);
    if (!opened) return Fail(opened.error());
    store = std::move(*opened);
  }
  return store.get();
}

}  // namespace motcua::store
