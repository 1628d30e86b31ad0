#pragma once
// What a question about a procedure asks for: its fee, the papers to bring, how long it takes, where to go,
// the steps, the conditions, whether it can be done online, or just what the procedure is (overview). The
// assistant answers each from the matching section of the procedure (procedure_answer.h). Plain values.
#include <optional>
#include <span>
#include <string_view>

namespace motcua {

enum class QuestionIntent { kOverview, kFee, kDocuments, kTime, kWhere, kSteps, kConditions, kOnline };

// Every intent once, in the order ties between cue weights are settled (the first wins): the concrete, costly
// questions first, the overview last.
std::span<const QuestionIntent> AllQuestionIntents();

// "overview", "fee", "documents", "time", "where", "steps", "conditions", "online".
std::string_view QuestionIntentName(QuestionIntent intent);
std::optional<QuestionIntent> ParseQuestionIntent(std::string_view name);

// The name of the section that answers the intent, for people: "Phí, lệ phí" / "Fees".
std::string_view QuestionIntentLabelVi(QuestionIntent intent);
std::string_view QuestionIntentLabelEn(QuestionIntent intent);

}  // namespace motcua
