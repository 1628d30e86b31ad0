#include "domain/question_intent.h"

#include <algorithm>
#include <array>

namespace motcua {
namespace {

struct IntentText {
  QuestionIntent intent;
  std::string_view name;
  std::string_view label_vi;
  std::string_view label_en;
};

// One row per intent, in tie-break order (AllQuestionIntents); a missing row fails question_intent_test.
constexpr std::array<IntentText, 8> kIntents{{
    {QuestionIntent::kFee, "fee", "Phí, lệ phí", "Fees"},
    {QuestionIntent::kTime, "time", "Thời hạn giải quyết", "Processing time"},
    {QuestionIntent::kDocuments, "documents", "Thành phần hồ sơ", "Documents to submit"},
    {QuestionIntent::kWhere, "where", "Nơi nộp hồ sơ, cơ quan giải quyết", "Where to submit, who decides"},
    {QuestionIntent::kOnline, "online", "Nộp trực tuyến", "Online submission"},
    {QuestionIntent::kConditions, "conditions", "Điều kiện thực hiện", "Conditions"},
    {QuestionIntent::kSteps, "steps", "Trình tự thực hiện", "Steps"},
    {QuestionIntent::kOverview, "overview", "Thông tin chung", "Overview"},
}};

constexpr std::array<QuestionIntent, kIntents.size()> OrderOf() {
  std::array<QuestionIntent, kIntents.size()> order{};
  for (std::size_t i = 0; i < kIntents.size(); ++i) order[i] = kIntents[i].intent;
  return order;
}
constexpr std::array<QuestionIntent, kIntents.size()> kOrder = OrderOf();

const IntentText& TextOf(QuestionIntent intent) { return *std::ranges::find(kIntents, intent, &IntentText::intent); }

}  // namespace

std::span<const QuestionIntent> AllQuestionIntents() { return kOrder; }

std::string_view QuestionIntentName(QuestionIntent intent) { return TextOf(intent).name; }
std::string_view QuestionIntentLabelVi(QuestionIntent intent) { return TextOf(intent).label_vi; }
std::string_view QuestionIntentLabelEn(QuestionIntent intent) { return TextOf(intent).label_en; }

std::optional<QuestionIntent> ParseQuestionIntent(std::string_view name) {
  const auto found = std::ranges::find(kIntents, name, &IntentText::name);
  if (found == kIntents.end()) return std::nullopt;
  return found->intent;
}

}  // namespace motcua
