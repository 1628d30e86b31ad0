#include "app/province_synonym_admin.h"

#include <string>

#include "app/search_lexicon_loader.h"
#include "domain/text_folding.h"

namespace motcua::app {
namespace {

Error Invalid(const char* field, const std::string& vi, const std::string& en) {
  return Error::InvalidArgument(field, vi, en);
}

// Lower case with its marks, one space between words: how the list shows it and the lexicon reads it.
std::string Normalized(std::string_view text) {
  std::string joined;
  for (const std::string& word : LowerTokens(text)) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

}  // namespace

Result<std::vector<ProvinceSynonym>> ProvinceSynonymAdmin::List() { return store_.ProvinceSynonyms(); }

Result<ProvinceSynonym> ProvinceSynonymAdmin::Add(std::string_view by, std::string_view phrase,
                                                  std::string_view expansion) {
  if (auto ok = Check(phrase, expansion); !ok) return Fail(ok.error());
  ProvinceSynonym synonym;
  synonym.phrase = Normalized(phrase);
  synonym.expansion = Normalized(expansion);
  synonym.added_by = std::string(by);
  synonym.added_at = clock_.Now();
  auto added = store_.AddProvinceSynonym(synonym);
  if (!added) return Fail(added.error());
  if (auto refreshed = RefreshSearch(); !refreshed) return Fail(refreshed.error());
  return added;
}

Result<ProvinceSynonym> ProvinceSynonymAdmin::Retire(std::string_view by, std::int64_t id) {
  auto retired = store_.RetireProvinceSynonym(id, by, clock_.Now());
  if (!retired) return Fail(retired.error());
  if (auto refreshed = RefreshSearch(); !refreshed) return Fail(refreshed.error());
  return retired;
}

Result<void> ProvinceSynonymAdmin::Check(std::string_view phrase, std::string_view expansion) const {
  for (const auto& [field, text] : {std::pair{"phrase", phrase}, std::pair{"expansion", expansion}}) {
    if (text.size() > kMaxSynonymBytes) {
      return Fail(Invalid(field, "dài quá " + std::to_string(kMaxSynonymBytes) + " byte",
                          "longer than " + std::to_string(kMaxSynonymBytes) + " bytes"));
    }
    if (LowerTokens(text).empty()) return Fail(Invalid(field, "không có chữ nào", "has no word"));
  }
  if (LowerTokens(phrase).size() > kMaxSynonymPhraseWords) {
    return Fail(Invalid("phrase", "nhiều hơn " + std::to_string(kMaxSynonymPhraseWords) + " từ",
                        "has more than " + std::to_string(kMaxSynonymPhraseWords) + " words"));
  }
  if (FoldedTokens(phrase) == FoldedTokens(expansion)) {
    return Fail(Invalid("expansion", "trùng với cụm từ", "is the phrase itself"));
  }
  if (!catalogue_.AnyNameHolds(expansion)) {
    return Fail(Invalid("expansion",
                        "không có trong tên thủ tục nào của danh mục: hãy dùng đúng các chữ liền nhau "
                        "của một tên thủ tục",
                        "occurs in no procedure name of the catalogue: use consecutive words of a name"));
  }
  return {};
}

Result<void> ProvinceSynonymAdmin::RefreshSearch() {
  auto lexicon = ProvinceSearchLexicon(store_);
  if (!lexicon) return Fail(lexicon.error());
  catalogue_.ReplaceLexicon(std::move(*lexicon));
  return {};
}

}  // namespace motcua::app
