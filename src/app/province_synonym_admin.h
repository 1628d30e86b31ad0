#pragma once
// Use case: a province's administrator adds the words its people use to the search (domain/province_synonym.h)
// and retires those it no longer wants; every search uses the national lexicon with the province's active
// synonyms from the moment one is added or retired (on this server: another server of the province picks them
// up when it starts). Authorization is the caller's (the HTTP route requires the administrator role; the
// command line is the operator's who holds the database file).
//
// A synonym is checked before it is stored: a phrase of 1 to 8 words and at most 200 bytes, an expansion of at
// most 200 bytes whose words occur, consecutive, in some catalogue name (else it would find nothing), and not
// the phrase itself. InvalidArgument names "phrase" or "expansion"; Conflict on "phrase" when the same synonym
// is active already.
//
// Thread-safety: one instance per thread, like the Store it uses; the catalogue is shared (its lexicon is
// swapped under its own lock).
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/clock.h"
#include "app/procedure_catalogue.h"
#include "domain/province_synonym.h"
#include "store/store.h"

namespace motcua::app {

class ProvinceSynonymAdmin {
 public:
  ProvinceSynonymAdmin(store::Store& store, const Clock& clock, ProcedureCatalogue& catalogue)
      : store_(store), clock_(clock), catalogue_(catalogue) {}

  // Every synonym ever added, retired ones included, in the order added.
  Result<std::vector<ProvinceSynonym>> List();
  Result<ProvinceSynonym> Add(std::string_view by, std::string_view phrase, std::string_view expansion);
  // NotFound naming "id" when there is no such synonym, Conflict when it is retired already.
  Result<ProvinceSynonym> Retire(std::string_view by, std::int64_t id);

 private:
  Result<void> Check(std::string_view phrase, std::string_view expansion) const;
  Result<void> RefreshSearch();

  store::Store& store_;
  const Clock& clock_;
  ProcedureCatalogue& catalogue_;
};

}  // namespace motcua::app
