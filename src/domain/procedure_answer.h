#pragma once
// The answer to a question about one procedure, taken from the procedure's own fields and never made up: the
// fee from the channels' fee texts, the papers from the dossier components (notes apart), the time from the
// channels (or the province's settings, which win at intake), where to submit from the agencies, levels and
// channels, the steps from the province's workflow. Every section cites where it comes from (the procedure
// code and the catalogue's field), and says plainly when the catalogue has no such field: the loaded national
// catalogue holds no conditions and no steps, and no online service level.
//
//   AnswerQuestion(birth registration, kFee, {}, nullopt).text_vi
//     == "Thủ tục đăng ký khai sinh (1.001193) — phí, lệ phí: Miễn phí (trực tiếp, trực tuyến, bưu chính)."
//
// Pure function of its inputs; safe from any thread.
#include <optional>
#include <string>
#include <vector>

#include "domain/procedure.h"
#include "domain/procedure_settings.h"
#include "domain/question_intent.h"

namespace motcua {

struct AnswerSection {
  QuestionIntent topic = QuestionIntent::kOverview;
  std::string title_vi;
  std::string title_en;
  std::vector<std::string> lines;  // Vietnamese, as the catalogue words them
  std::string source;              // the catalogue's file and column, or "procedure_settings"
  bool missing = false;            // the catalogue has no such field for this procedure: lines say so
};

struct ProcedureAnswer {
  std::string code;
  std::string name;
  QuestionIntent intent = QuestionIntent::kOverview;
  std::string text_vi;                  // the answer first, in a sentence or two
  std::string text_en;                  // the same, in English where the catalogue's own words allow
  std::vector<AnswerSection> sections;  // the section asked first, then the others of the overview
  std::vector<std::string> notes;       // the procedure's notes ("Lưu ý") when the papers are asked
  std::string source_url;               // the procedure's page on the National Public Service Portal
};

// Answers `intent` about `procedure` (with its channel details and components). `channel`, when the question
// named one ("nộp trực tuyến"), narrows the fee and time to it; `settings` are the province's, when it has any.
ProcedureAnswer AnswerQuestion(const Procedure& procedure, QuestionIntent intent,
                               const std::optional<ProcedureSettings>& settings, std::optional<Channel> channel);

// The channel a question names, if any: "trực tuyến", "online", "qua mạng" → online; "bưu điện", "bưu chính" →
// postal; "trực tiếp" → direct.
std::optional<Channel> ChannelNamedIn(std::string_view question);

}  // namespace motcua
