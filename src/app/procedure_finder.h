#pragma once
// Use case: search the procedure catalogue held in the store (diacritic-insensitive, typo-tolerant; see
// ProcedureSearch for the ranking).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/procedure_search.h"
#include "store/store.h"

namespace motcua::app {

struct ProcedureHit {
  Procedure procedure;  // without channel details and components
  double score = 0;
};

// InvalidArgument naming "level" unless `level` is unset or one of ministry, province, commune, other.
Result<void> CheckLevel(const std::optional<std::string>& level);

// `options.level`, when set, must be one of ministry, province, commune, other.
Result<std::vector<ProcedureHit>> SearchProcedures(store::Store& store, std::string_view query,
                                                   const SearchOptions& options);

}  // namespace motcua::app
