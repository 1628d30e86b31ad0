#pragma once
// The shipped catalogue indexed for search, with the national lexicon of data/reference/search/, built once per
// test binary (read-only afterwards) for the suites that search the real catalogue.
#include <vector>

#include "app/reference_files.h"
#include "app/search_lexicon_loader.h"
#include "domain/procedure_search.h"
#include "support/procedure_catalogue.h"

namespace motcua::test_support {

struct NationalSearch {
  std::vector<Procedure> catalogue = LoadProcedureCatalogue();
  ProcedureSearch search{catalogue};
  SearchLexicon lexicon = app::LoadSearchLexicon(app::BuiltInReferenceFiles()).value();
};

inline const NationalSearch& TheNationalSearch() {
  static const NationalSearch national;
  return national;
}

}  // namespace motcua::test_support
