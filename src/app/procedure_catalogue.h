#pragma once
// The procedure catalogue as a long-running server sees it: the search index is built once at start-up from the
// store and then only read, shared by every request thread; the full details of one procedure (channels and
// components, which the index does not hold) are read from the caller's store on each request.
//
// Thread-safety: after Load(), every const member may be called from any number of threads at once (the index is
// immutable; ProcedureSearch::Search is const and touches no shared state). The store passed to Details() is the
// calling thread's own (store.h). The index does not see procedures saved after Load(): restart to pick up a new
// catalogue.
#include <string_view>
#include <vector>

#include "app/procedure_finder.h"
#include "domain/procedure_search.h"
#include "store/store.h"

namespace motcua::app {

class ProcedureCatalogue {
 public:
  // Reads every procedure from `store` and indexes them. Errors: those of the store.
  static Result<ProcedureCatalogue> Load(store::Store& store);

  // The best hits for `query` (see ProcedureSearch for the ranking). InvalidArgument naming "level" for an
  // unknown level.
  Result<std::vector<ProcedureHit>> Search(std::string_view query, const SearchOptions& options) const;

  // One procedure with its channel details and components. NotFound naming "code" when there is none.
  Result<Procedure> Details(store::Store& store, std::string_view code) const;

  std::size_t size() const { return procedures_.size(); }

 private:
  explicit ProcedureCatalogue(std::vector<Procedure> procedures)
      : procedures_(std::move(procedures)), search_(procedures_) {}

  std::vector<Procedure> procedures_;  // summaries, in the order the index numbers them
  ProcedureSearch search_;
};

}  // namespace motcua::app
