#include "app/procedure_catalogue.h"

#include <algorithm>
#include <string>
#include <utility>

#include "app/reference_files.h"
#include "app/search_lexicon_loader.h"
#include "domain/procedure_fee.h"
#include "domain/text_folding.h"

namespace motcua::app {
namespace {

std::vector<FeeContradiction> FeeContradictionsOf(const std::vector<Procedure>& procedures) {
  std::vector<FeeContradiction> found;
  for (const Procedure& procedure : procedures) {
    for (const ProcedureChannel& channel : procedure.channel_details) {
      if (!FreeFlagContradictsText(channel)) continue;
      found.push_back(
          {procedure.code, procedure.name, channel.channel, channel.fee_text, AmountsNamedIn(channel.fee_text)});
    }
  }
  std::ranges::stable_sort(found, {}, &FeeContradiction::code);
  return found;
}

std::string JoinedFolded(std::string_view text) {
  std::string joined;
  for (const std::string& word : FoldedTokens(text)) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

}  // namespace

Result<ProcedureCatalogue> ProcedureCatalogue::Load(store::Store& store, SearchLexicon lexicon) {
  auto summaries = store.ListProcedures();
  if (!summaries) return Fail(summaries.error());
  // The index reads each procedure's components too (its body field); 2,642 point reads at start-up.
  std::vector<Procedure> detailed;
  detailed.reserve(summaries->size());
  for (const Procedure& summary : *summaries) {
    auto procedure = store.FindProcedure(summary.code);
    if (!procedure) return Fail(procedure.error());
    detailed.push_back(*procedure ? std::move(**procedure) : summary);
  }
  return ProcedureCatalogue(std::move(*summaries), detailed, std::move(lexicon));
}

ProcedureCatalogue::ProcedureCatalogue(std::vector<Procedure> summaries, const std::vector<Procedure>& detailed,
                                       SearchLexicon lexicon)
    : procedures_(std::move(summaries)),
      fee_contradictions_(FeeContradictionsOf(detailed)),
      search_(detailed),
      lexicon_(std::make_shared<const SearchLexicon>(std::move(lexicon))) {}

ProcedureCatalogue::ProcedureCatalogue(ProcedureCatalogue&& other) noexcept
    : procedures_(std::move(other.procedures_)),
      fee_contradictions_(std::move(other.fee_contradictions_)),
      search_(std::move(other.search_)),
      lexicon_(other.lexicon()) {}

Result<ProcedureMatches> ProcedureCatalogue::Search(std::string_view query, SearchOptions options) const {
  if (auto ok = CheckLevel(options.level); !ok) return Fail(ok.error());
  if (auto ok = CheckLevel(options.preferred_level, "prefer_level"); !ok) return Fail(ok.error());
  const std::shared_ptr<const SearchLexicon> lexicon = this->lexicon();
  options.lexicon = lexicon.get();
  SearchResult found = search_.Search(query, options);
  ProcedureMatches matches;
  for (const SearchHit& hit : found.hits) matches.hits.push_back(HitOf(hit));
  for (const SearchHit& hit : found.suggestions) matches.suggestions.push_back(HitOf(hit));
  matches.confidence = found.confidence;
  matches.abstained = found.abstained;
  matches.intent = found.intent;
  matches.intent_stated = found.intent_stated;
  matches.understood = std::move(found.understood);
  matches.ignored_words = std::move(found.ignored_words);
  return matches;
}

ProcedureHit ProcedureCatalogue::HitOf(const SearchHit& hit) const {
  return {procedures_[hit.index], hit.score, hit.abolished_level};
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

void ProcedureCatalogue::ReplaceLexicon(SearchLexicon lexicon) {
  auto replacement = std::make_shared<const SearchLexicon>(std::move(lexicon));
  const std::lock_guard lock(lexicon_mutex_);
  lexicon_ = std::move(replacement);
}

bool ProcedureCatalogue::AnyNameHolds(std::string_view words) const {
  const std::string wanted = " " + JoinedFolded(words) + " ";
  if (wanted.size() <= 2) return false;
  return std::ranges::any_of(procedures_, [&](const Procedure& p) {
    return (" " + JoinedFolded(p.name) + " ").find(wanted) != std::string::npos;
  });
}

std::shared_ptr<const SearchLexicon> ProcedureCatalogue::lexicon() const {
  const std::lock_guard lock(lexicon_mutex_);
  return lexicon_;
}

}  // namespace motcua::app

namespace motcua::app {

Result<ProcedureCatalogue> OpenProcedureCatalogue(store::Store& store) {
  auto lexicon = ProvinceSearchLexicon(store);
  if (!lexicon) return Fail(lexicon.error());
  return ProcedureCatalogue::Load(store, std::move(*lexicon));
}

}  // namespace motcua::app
