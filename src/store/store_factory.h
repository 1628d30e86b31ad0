#pragma once
// Opens the database a StoreSpec names, whatever its engine: the one place that knows which engines exist. The CLI,
// the server and the tests open stores here, so that adding PostgreSQL changes nothing above src/store.
#include <memory>

#include "store/store.h"
#include "store/store_provider.h"
#include "store/store_spec.h"

namespace motcua::store {

// One connection, its schema brought up to date. Errors: Unavailable (cannot open), FailedPrecondition (a schema
// newer than this binary, or an engine this binary was built without, on "db").
Result<std::unique_ptr<Store>> OpenStore(const StoreSpec& spec);

// A Store per thread with one group commit for the dossier writes (store_provider.h), for the server. Opening is
// lazy: the first ForThisThread() opens and migrates. An in-memory database is refused (InvalidArgument on "db"):
// every thread would get a separate empty database.
Result<std::unique_ptr<StoreProvider>> OpenStoreProvider(const StoreSpec& spec);

}  // namespace motcua::store
