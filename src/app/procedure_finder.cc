#include "app/procedure_finder.h"

namespace motcua::app {

Result<std::vector<ProcedureHit>> SearchProcedures(store::Store& store, std::string_view query,
                                                   const SearchOptions& options) {
  if (options.level && *options.level != "ministry" && *options.level != "province" && *options.level != "commune" &&
      *options.level != "other") {
    return Fail(Error::InvalidArgument(
        "level", "cấp '" + *options.level + "' không hợp lệ (ministry, province, commune, other)",
        "level '" + *options.level + "' is not one of ministry, province, commune, other"));
  }
  auto procedures = store.ListProcedures();
  if (!procedures) return Fail(procedures.error());
  const ProcedureSearch search(*procedures);
  std::vector<ProcedureHit> hits;
  for (const SearchHit& hit : search.Search(query, options)) {
    hits.push_back({(*procedures)[hit.index], hit.score});
  }
  return hits;
}

}  // namespace motcua::app
