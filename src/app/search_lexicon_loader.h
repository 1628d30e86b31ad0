#pragma once
// Reads the search lexicon (domain/search_lexicon.h) shipped in data/reference/search/ — fillers.csv,
// intent_cues.csv, synonyms.csv, name_qualifiers.csv, shorthand.csv; their columns and sources are in the README there.
// A bad row is an error naming "file:line:column"; nothing is skipped silently.
#include "app/reference_files.h"
#include "domain/search_lexicon.h"
#include "store/store.h"

namespace motcua::app {

inline constexpr const char* kSearchFillersFile = "search/fillers.csv";
inline constexpr const char* kSearchIntentCuesFile = "search/intent_cues.csv";
inline constexpr const char* kSearchSynonymsFile = "search/synonyms.csv";
inline constexpr const char* kSearchQualifiersFile = "search/name_qualifiers.csv";
inline constexpr const char* kSearchShorthandFile = "search/shorthand.csv";

// The national lexicon from `files`. Errors: a file missing or unreadable, a malformed row.
Result<SearchLexicon> LoadSearchLexicon(const ReferenceFiles& files);

// The national lexicon compiled into the binary with the province's active synonyms of `store` after it
// (domain/province_synonym.h): what the server and the command line search with. Errors: those of the files
// and of the store; a stored synonym that no longer reads is an error naming its id.
Result<SearchLexicon> ProvinceSearchLexicon(store::Store& store);

}  // namespace motcua::app
