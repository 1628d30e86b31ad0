#include "app/form_kind.h"

namespace motcua::app {

std::string_view FormKindName(FormKind kind) {
  switch (kind) {
    case FormKind::kReceipt:
      return "receipt";
    case FormKind::kSupplementRequest:
      return "supplement-request";
    case FormKind::kRefusal:
      return "refusal";
    case FormKind::kApology:
      return "apology";
    case FormKind::kStopNotice:
      return "stop-notice";
    case FormKind::kControlSheet:
      return "control-sheet";
    case FormKind::kResultCover:
      return "result-cover";
  }
  return "";
}

std::optional<FormKind> ParseFormKind(std::string_view name) {
  for (FormKind kind : kEveryFormKind) {
    if (FormKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view FormFileStem(FormKind kind) {
  switch (kind) {
    case FormKind::kReceipt:
      return "giay-tiep-nhan";
    case FormKind::kSupplementRequest:
      return "phieu-yeu-cau-bo-sung";
    case FormKind::kRefusal:
      return "phieu-tu-choi";
    case FormKind::kApology:
      return "phieu-xin-loi";
    case FormKind::kStopNotice:
      return "thong-bao-dung-giai-quyet";
    case FormKind::kControlSheet:
      return "phieu-kiem-soat";
    case FormKind::kResultCover:
      return "phieu-tra-ket-qua";
  }
  return "";
}

}  // namespace motcua::app
