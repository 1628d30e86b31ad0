#include "app/procedure_catalogue.h"

#include <string>
#include <utility>

namespace motcua::app {

Result<ProcedureCatalogue> ProcedureCatalogue::Load(store::Store& store) {
  auto procedures = store.ListProcedures();
  if (!procedures) return Fail(procedures.error());
  return ProcedureCatalogue(std::move(*procedures));
}

Result<std::vector<ProcedureHit>> ProcedureCatalogue::Search(std::string_view query,
                                                             const SearchOptions& options) const {
  if (auto ok = CheckLevel(options.level); !ok) return Fail(ok.error());
  std::vector<ProcedureHit> hits;
  for (const SearchHit& hit : search_.Search(query, options)) hits.push_back({procedures_[hit.index], hit.score});
  return hits;
}

Result<Procedure> ProcedureCatalogue::Details(store::Store& store, std::string_view code) const {
  auto procedure = store.FindProcedure(code);
  if (!procedure) return Fail(procedure.error());
  if (!*procedure) {
    const std::string text(code);
    return Fail(Error::NotFound("code", "không có thủ tục mã '" + text + "'", "no procedure has code '" + text + "'"));
  }
  return std::move(**procedure);
}

}  // namespace motcua::app
