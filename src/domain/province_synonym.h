#pragma once
// A search synonym a province adds to the national lexicon (domain/search_lexicon.h, data/reference/search/):
// a phrase its people use and the catalogue's wording for it ("bìa xanh" → "giấy chứng nhận quyền sử dụng
// đất"). Rows are never deleted: a synonym the province no longer wants is retired, and the list keeps who
// added and who retired each, and when. Pure values; safe to share between threads.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "domain/civil_time.h"

namespace motcua {

// The longest phrase or expansion accepted, in bytes (the national lexicon's longest expansion is 120).
inline constexpr std::size_t kMaxSynonymBytes = 200;
// The most words a phrase may have: the search looks for phrases word by word from each word of a question.
inline constexpr std::size_t kMaxSynonymPhraseWords = 8;

struct ProvinceSynonym {
  std::int64_t id = 0;    // assigned by the store, in the order of adding
  std::string phrase;     // as people say it, lower case with its marks
  std::string expansion;  // words that occur, consecutive, in some catalogue name
  std::string added_by;   // login
  Instant added_at{};
  std::optional<std::string> retired_by;
  std::optional<Instant> retired_at;

  bool active() const { return !retired_at.has_value(); }
  bool operator==(const ProvinceSynonym&) const = default;
};

}  // namespace motcua
