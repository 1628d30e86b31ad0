#include "app/procedure_finder.h"

namespace motcua::app {

Result<void> CheckLevel(const std::optional<std::string>& level) {
  if (!level || *level == "ministry" || *level == "province" || *level == "commune" || *level == "other") return {};
  return Fail(Error::InvalidArgument("level", "cấp '" + *level + "' không hợp lệ (ministry, province, commune, other)",
                                     "level '" + *level + "' is not one of ministry, province, commune, other"));
}

Result<std::vector<ProcedureHit>> SearchProcedures(store::Store& store, std::string_view query,
                                                   const SearchOptions& options) {
  if (auto ok = CheckLevel(options.level); !ok) return Fail(ok.error());
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
