#pragma once
// The procedure catalogue as a long-running server sees it: the search index is built once at start-up from the
// store (names, topics and the components of every procedure) and then only read, shared by every request
// thread; the full details of one procedure are read from the caller's store on each request. The search
// lexicon (fillers, intent cues, synonyms) is the national one shipped in data/reference/search/, to which a
// province's own words may be added while the server runs.
//
// Thread-safety: after Load(), every const member may be called from any number of threads at once (the index is
// immutable; the lexicon is swapped whole under a mutex, and each search keeps the one it started with). The
// store passed to Details() is the calling thread's own (store.h). The index does not see procedures saved
// after Load(): restart to pick up a new catalogue.
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "app/procedure_finder.h"
#include "domain/procedure_search.h"
#include "domain/search_lexicon.h"
#include "store/store.h"

namespace motcua::app {

// A channel the catalogue flags free while its fee text names amounts (domain/procedure_fee.h): listed for the
// province's administrator to settle; the text is what the law published and is always shown.
struct FeeContradiction {
  std::string code;
  std::string name;
  Channel channel = Channel::kDirect;
  std::string fee_text;
  std::vector<Money> amounts;  // named in fee_text, in order
};

class ProcedureCatalogue {
 public:
  // Reads every procedure with its components from `store` and indexes them. Errors: those of the store.
  static Result<ProcedureCatalogue> Load(store::Store& store, SearchLexicon lexicon = {});

  ProcedureCatalogue(ProcedureCatalogue&& other) noexcept;

  // The best hits for `query` (see ProcedureSearch for the ranking; options.lexicon is ignored: the
  // catalogue's own is used). InvalidArgument naming "level" or "prefer_level" for an unknown level.
  Result<ProcedureMatches> Search(std::string_view query, SearchOptions options) const;

  // One procedure with its channel details and components. NotFound naming "code" when there is none.
  Result<Procedure> Details(store::Store& store, std::string_view code) const;

  // Whether some procedure's name holds `words` as consecutive words, folded ("giay chung nhan quyen su dung
  // dat"): what a synonym's expansion must be to find anything.
  bool AnyNameHolds(std::string_view words) const;

  // Replaces the lexicon searches use from now on (searches under way finish with the old one).
  void ReplaceLexicon(SearchLexicon lexicon);
  std::shared_ptr<const SearchLexicon> lexicon() const;

  std::size_t size() const { return procedures_.size(); }
  // Found when the catalogue was loaded; in code order, then channel order.
  const std::vector<FeeContradiction>& fee_contradictions() const { return fee_contradictions_; }

 private:
  ProcedureCatalogue(std::vector<Procedure> summaries, const std::vector<Procedure>& detailed, SearchLexicon lexicon);
  ProcedureHit HitOf(const SearchHit& hit) const;

  std::vector<Procedure> procedures_;  // summaries, in the order the index numbers them
  std::vector<FeeContradiction> fee_contradictions_;
  ProcedureSearch search_;
  mutable std::mutex lexicon_mutex_;
  std::shared_ptr<const SearchLexicon> lexicon_;  // guarded by lexicon_mutex_
};

// The catalogue of `store` with the national search lexicon compiled into the binary (data/reference/search/)
// and the province's own synonyms (ProvinceSearchLexicon): what the server and the command line search with.
// Errors: those of the store and of the lexicon's files.
Result<ProcedureCatalogue> OpenProcedureCatalogue(store::Store& store);

}  // namespace motcua::app
