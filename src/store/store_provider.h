#pragma once
// How code running on many threads (the HTTP server's) gets a Store, when a Store instance may be used by one
// thread at a time only (store.h): each thread asks the provider for its own instance.
//
// Thread-safety: ForThisThread() may be called from any number of threads at once.
#include "domain/error.h"
#include "store/store.h"

namespace motcua::store {

class StoreProvider {
 public:
  virtual ~StoreProvider() = default;

  // The calling thread's Store, opened on its first call from that thread and reused afterwards. The pointer
  // stays valid until the provider is destroyed, and must be used by the calling thread only. Errors are those
  // of opening the store (Unavailable, FailedPrecondition); a failed open is retried on the next call.
  virtual Result<Store*> ForThisThread() = 0;
};

}  // namespace motcua::store
