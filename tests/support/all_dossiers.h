#pragma once
// Every dossier of a store, page after page, as ListDossiers gives them (everything in scope).
#include <vector>

#include "store/store.h"

namespace motcua::test_support {

inline std::vector<store::DossierSummary> AllDossiers(store::Store& store) {
  store::DossierQuery query;
  query.scope.everything = true;
  query.limit = 500;
  std::vector<store::DossierSummary> all;
  for (;;) {
    auto page = store.ListDossiers(query).value();
    all.insert(all.end(), page.items.begin(), page.items.end());
    if (!page.next_cursor) return all;
    query.after = page.next_cursor;
  }
}

}  // namespace motcua::test_support
