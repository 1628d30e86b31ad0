#pragma once
// Use case: put the reference catalogue into a store (motcua init). Reads and validates every row first;
// if any row is bad, reports them all and writes nothing. Otherwise saves in one transaction, so that a
// second install of the same catalogue changes nothing.
#include <expected>
#include <vector>

#include "app/reference_files.h"
#include "store/store.h"

namespace motcua::app {

struct CatalogueInstall {
  store::CatalogueChanges changes;
  store::CatalogueCounts counts;  // rows in the store afterwards
  std::vector<Error> warnings;    // rows kept with a doubt, by file and line
};

std::expected<CatalogueInstall, std::vector<Error>> InstallReferenceCatalogue(store::Store& store,
                                                                              const ReferenceFiles& files);

}  // namespace motcua::app
