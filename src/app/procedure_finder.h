#pragma once
// What a procedure search answers, as the use cases above the domain see it (ProcedureSearch ranks; see its
// header for how), and the check of the level a caller asks for.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/procedure_search.h"
#include "domain/question_intent.h"

namespace motcua::app {

struct ProcedureHit {
  Procedure procedure;  // without channel details and components
  double score = 0;
  bool abolished_level = false;  // performed at the district level, abolished on 1 July 2025
};

struct ProcedureMatches {
  std::vector<ProcedureHit> hits;         // best first; empty when the search abstained
  std::vector<ProcedureHit> suggestions;  // when it abstained: the best weak hits, to offer "thử ..."
  double confidence = 0;                  // that the first hit (or suggestion) is the procedure meant
  bool abstained = false;
  // Set by the assistant when the hits are listed but none is confidently the one meant (a vague question,
  // "đăng ký"): it answers none and offers them as suggestions.
  bool ambiguous = false;
  QuestionIntent intent = QuestionIntent::kOverview;
  bool intent_stated = false;
  std::vector<std::pair<std::string, std::string>> understood;  // synonyms applied: phrase → catalogue wording
  std::vector<std::string> ignored_words;                       // filler and cue words, as written
};

// InvalidArgument naming `field` unless `level` is unset or one of ministry, province, commune, other.
Result<void> CheckLevel(const std::optional<std::string>& level, const char* field = "level");

}  // namespace motcua::app

namespace motcua::app {

// What to tell a person when the search abstained (nothing fits) or was ambiguous (which one is meant?), and what
// to try — the suggestions by name when there are any, else how to ask. In Vietnamese and in English.
std::string NoMatchMessageVi(const ProcedureMatches& matches);
std::string NoMatchMessageEn(const ProcedureMatches& matches);

}  // namespace motcua::app
