#include "domain/dossier_event.h"

namespace motcua {
namespace {

struct TypeName {
  std::string_view operator()(const Submitted&) const { return "submitted"; }
  std::string_view operator()(const Received&) const { return "received"; }
  std::string_view operator()(const ReceptionRefused&) const { return "reception_refused"; }
  std::string_view operator()(const StepAssigned&) const { return "step_assigned"; }
  std::string_view operator()(const StepCompleted&) const { return "step_completed"; }
  std::string_view operator()(const Transferred&) const { return "transferred"; }
  std::string_view operator()(const SupplementRequested&) const { return "supplement_requested"; }
  std::string_view operator()(const Supplemented&) const { return "supplemented"; }
  std::string_view operator()(const Extended&) const { return "extended"; }
  std::string_view operator()(const Refused&) const { return "refused"; }
  std::string_view operator()(const Withdrawn&) const { return "withdrawn"; }
  std::string_view operator()(const Cancelled&) const { return "cancelled"; }
  std::string_view operator()(const ResultApproved&) const { return "result_approved"; }
  std::string_view operator()(const ResultReturned&) const { return "result_returned"; }
  std::string_view operator()(const FeeAssessed&) const { return "fee_assessed"; }
  std::string_view operator()(const FeePaid&) const { return "fee_paid"; }
  std::string_view operator()(const Digitized&) const { return "digitized"; }
  std::string_view operator()(const Evaluated&) const { return "evaluated"; }
};

struct LabelVi {
  std::string_view operator()(const Submitted&) const { return "Nộp hồ sơ"; }
  std::string_view operator()(const Received&) const { return "Tiếp nhận hồ sơ"; }
  std::string_view operator()(const ReceptionRefused&) const { return "Từ chối tiếp nhận"; }
  std::string_view operator()(const StepAssigned&) const { return "Giao xử lý"; }
  std::string_view operator()(const StepCompleted&) const { return "Hoàn thành bước xử lý"; }
  std::string_view operator()(const Transferred&) const { return "Chuyển liên thông"; }
  std::string_view operator()(const SupplementRequested&) const { return "Yêu cầu bổ sung hồ sơ"; }
  std::string_view operator()(const Supplemented&) const { return "Nhận hồ sơ bổ sung"; }
  std::string_view operator()(const Extended&) const { return "Gia hạn, gửi phiếu xin lỗi"; }
  std::string_view operator()(const Refused&) const { return "Từ chối giải quyết"; }
  std::string_view operator()(const Withdrawn&) const { return "Rút hồ sơ"; }
  std::string_view operator()(const Cancelled&) const { return "Hủy hồ sơ"; }
  std::string_view operator()(const ResultApproved&) const { return "Phê duyệt kết quả"; }
  std::string_view operator()(const ResultReturned&) const { return "Trả kết quả"; }
  std::string_view operator()(const FeeAssessed&) const { return "Tính phí, lệ phí"; }
  std::string_view operator()(const FeePaid&) const { return "Nộp phí, lệ phí"; }
  std::string_view operator()(const Digitized&) const { return "Số hóa"; }
  std::string_view operator()(const Evaluated&) const { return "Đánh giá mức độ hài lòng"; }
};

}  // namespace

std::string_view ReturnMethodName(ReturnMethod method) {
  switch (method) {
    case ReturnMethod::kPost:
      return "post";
    case ReturnMethod::kOnline:
      return "online";
    case ReturnMethod::kCounter:
      break;
  }
  return "counter";
}

std::optional<ReturnMethod> ParseReturnMethod(std::string_view text) {
  for (ReturnMethod method : {ReturnMethod::kCounter, ReturnMethod::kPost, ReturnMethod::kOnline}) {
    if (ReturnMethodName(method) == text) return method;
  }
  return std::nullopt;
}

std::string_view RefusalKindName(RefusalKind kind) {
  return kind == RefusalKind::kNotSupplemented ? "not_supplemented" : "refused";
}

std::optional<RefusalKind> ParseRefusalKind(std::string_view text) {
  for (RefusalKind kind : {RefusalKind::kRefused, RefusalKind::kNotSupplemented}) {
    if (RefusalKindName(kind) == text) return kind;
  }
  return std::nullopt;
}

std::string_view PaymentMethodName(PaymentMethod method) {
  return method == PaymentMethod::kOnline ? "online" : "counter";
}

std::optional<PaymentMethod> ParsePaymentMethod(std::string_view text) {
  for (PaymentMethod method : {PaymentMethod::kCounter, PaymentMethod::kOnline}) {
    if (PaymentMethodName(method) == text) return method;
  }
  return std::nullopt;
}

std::string_view EventTypeName(const EventPayload& payload) { return std::visit(TypeName{}, payload); }
std::string_view EventTypeLabelVi(const EventPayload& payload) { return std::visit(LabelVi{}, payload); }

}  // namespace motcua
