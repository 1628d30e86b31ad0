#pragma once
// The shipped procedure catalogue, read by the product's own loader (the same code `motcua init` uses),
// for the tests and benchmarks of search.
#include <vector>

#include "app/reference_files.h"
#include "app/reference_loader.h"
#include "domain/procedure.h"

namespace motcua::test_support {

inline std::vector<Procedure> LoadProcedureCatalogue() {
  return app::LoadReferenceCatalogue(app::BuiltInReferenceFiles()).catalogue.procedures;
}

}  // namespace motcua::test_support
