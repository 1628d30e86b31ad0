#include "app/procedure_finder.h"

namespace motcua::app {

Result<void> CheckLevel(const std::optional<std::string>& level, const char* field) {
  if (!level || *level == "ministry" || *level == "province" || *level == "commune" || *level == "other") return {};
  return Fail(Error::InvalidArgument(field, "cấp '" + *level + "' không hợp lệ (ministry, province, commune, other)",
                                     "level '" + *level + "' is not one of ministry, province, commune, other"));
}

}  // namespace motcua::app

namespace motcua::app {
namespace {

std::string QuotedNames(const std::vector<ProcedureHit>& hits, std::string_view open, std::string_view close) {
  std::string names;
  for (const ProcedureHit& hit : hits) {
    names += (names.empty() ? "" : ", ") + std::string(open) + hit.procedure.name + std::string(close);
  }
  return names;
}

}  // namespace

std::string NoMatchMessageVi(const ProcedureMatches& matches) {
  if (matches.ambiguous) {
    return "Chưa rõ câu hỏi về thủ tục nào — có phải: " + QuotedNames(matches.suggestions, "«", "»") + "?";
  }
  if (!matches.suggestions.empty()) {
    return "Không tìm thấy thủ tục phù hợp — thử: " + QuotedNames(matches.suggestions, "«", "»") + ".";
  }
  return "Không tìm thấy thủ tục phù hợp — thử gõ tên việc cần làm, ví dụ «đăng ký khai sinh», «lệ phí cấp lại "
         "giấy chứng nhận quyền sử dụng đất».";
}

std::string NoMatchMessageEn(const ProcedureMatches& matches) {
  if (matches.ambiguous) {
    return "Which procedure is the question about — " + QuotedNames(matches.suggestions, "\"", "\"") + "?";
  }
  if (!matches.suggestions.empty()) {
    return "No procedure fits the question — try: " + QuotedNames(matches.suggestions, "\"", "\"") + ".";
  }
  return "No procedure fits the question — try naming what is to be done, e.g. \"đăng ký khai sinh\" (birth "
         "registration).";
}

}  // namespace motcua::app
