#include "domain/dossier_state.h"

#include <algorithm>

namespace motcua {
namespace {

Error NotNow(const DossierState& state, std::string_view what_vi, std::string_view what_en) {
  return Error::FailedPrecondition(
      "type",
      std::string(what_vi) + " khi hồ sơ đang ở trạng thái '" + std::string(DossierStatusLabelVi(state.status)) + "'",
      std::string(what_en) + " while the dossier is " + std::string(DossierStatusName(state.status)));
}

Error BadField(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

bool In(DossierStatus status, std::initializer_list<DossierStatus> allowed) {
  return std::ranges::find(allowed, status) != allowed.end();
}

constexpr std::initializer_list<DossierStatus> kOpenForDecision = {DossierStatus::kProcessing,
                                                                   DossierStatus::kWaitingSupplement};

Error LimitReached(std::string_view what_vi, int done, int limit, std::string_view what_en) {
  return Error::FailedPrecondition(
      "type", std::string(what_vi) + " " + std::to_string(done) + " lần, tối đa " + std::to_string(limit),
      std::string(what_en) + " " + std::to_string(done) + " time(s), the limit is " + std::to_string(limit));
}

Result<void> Require(const DossierState& s, std::initializer_list<DossierStatus> allowed, std::string_view what_vi,
                     std::string_view what_en) {
  if (s.last_seq != 0 && In(s.status, allowed)) return {};
  return Fail(NotNow(s, "không thể " + std::string(what_vi), "cannot " + std::string(what_en)));
}

}  // namespace

Result<void> CheckActionNow(const DossierState& s, DossierAction action, const LifecycleLimits& limits) {
  using A = DossierAction;
  using S = DossierStatus;
  const bool exists = s.last_seq != 0;
  switch (action) {
    case A::kView:
      if (exists) return {};
      return Fail(NotNow(s, "không thể xem", "cannot view"));
    case A::kSubmit:
      if (!exists) return {};
      return Fail(NotNow(s, "không thể nộp lại một hồ sơ đã có", "cannot submit again"));
    case A::kReceive:
      if (!exists || s.status == S::kSubmitted) return {};
      return Fail(NotNow(s, "không thể tiếp nhận", "cannot receive"));
    case A::kAccept:
      return Require(s, {S::kSubmitted}, "tiếp nhận", "accept");
    case A::kRefuseReception:
      if (exists && s.status == S::kSubmitted) return {};
      return Fail(NotNow(s, "chỉ từ chối tiếp nhận hồ sơ đang chờ tiếp nhận",
                         "only a submitted dossier can be refused at reception"));
    case A::kAssignStep:
      return Require(s, {S::kProcessing}, "giao xử lý", "assign a step");
    case A::kCompleteStep:
      return Require(s, {S::kProcessing}, "hoàn thành bước", "complete a step");
    case A::kTransfer:
      return Require(s, {S::kProcessing}, "chuyển liên thông", "transfer");
    case A::kRequestSupplement:
      if (auto ok = Require(s, {S::kProcessing}, "yêu cầu bổ sung", "request a supplement"); !ok) return ok;
      if (s.supplement_requests < limits.max_supplement_requests) return {};
      return Fail(LimitReached("đã yêu cầu bổ sung", s.supplement_requests, limits.max_supplement_requests,
                               "a supplement was already requested"));
    case A::kSupplement:
      return Require(s, {S::kWaitingSupplement}, "nhận bổ sung", "receive a supplement");
    case A::kExtend:
      if (auto ok = Require(s, {S::kProcessing}, "gia hạn", "extend"); !ok) return ok;
      if (s.extensions < limits.max_extensions) return {};
      return Fail(
          LimitReached("ngày hẹn đã điều chỉnh", s.extensions, limits.max_extensions, "the appointment was reset"));
    case A::kRefuse:
      return Require(s, kOpenForDecision, "từ chối giải quyết", "refuse");
    // Withdrawal is allowed while no decision is issued (DESIGN.md §5).
    case A::kWithdraw:
      return Require(s, {S::kSubmitted, S::kProcessing, S::kWaitingSupplement}, "rút hồ sơ", "withdraw");
    case A::kCancel:
      return Require(s, {S::kSubmitted, S::kProcessing, S::kWaitingSupplement}, "hủy hồ sơ", "cancel");
    case A::kApproveResult:
      return Require(s, {S::kProcessing}, "phê duyệt kết quả", "approve a result");
    case A::kReturnResult:
      if (auto ok = Require(s, {S::kResultReady, S::kRefused}, "trả kết quả", "return a result"); !ok) return ok;
      if (!s.returned_at) return {};
      return Fail(NotNow(s, "kết quả đã được trả", "the result was already returned"));
    case A::kAssessFee:
      if (exists && !IsClosed(s.status)) return {};
      return Fail(NotNow(s, "không thể tính phí", "cannot assess a fee"));
    case A::kPayFee:
      if (!exists || (IsClosed(s.status) && s.status != S::kReturned)) {
        return Fail(NotNow(s, "không thể thu phí", "cannot take a payment"));
      }
      if (s.fees_paid < s.fees_assessed) return {};
      return Fail(NotNow(s, "không còn khoản phí nào phải nộp", "nothing is owed"));
    case A::kDigitize:
      if (exists && s.status != S::kReceptionRefused) return {};
      return Fail(NotNow(s, "không thể số hóa", "cannot digitize"));
    case A::kEvaluate:
      if (exists && s.status != S::kSubmitted && s.status != S::kReceptionRefused) return {};
      return Fail(NotNow(s, "chưa thể đánh giá", "cannot be rated yet"));
  }
  return Fail(NotNow(s, "không thể thực hiện", "cannot act"));
}

namespace {

// Applies one payload to a copy of the state, once CheckActionNow has said it may happen now. Each operator()
// checks the event's content and updates the state; returning an error discards the copy.
class Transition {
 public:
  Transition(DossierState& state, const DossierEvent& event) : s_(state), e_(event) {}

  Result<void> operator()(const Submitted& p) {
    if (p.channel == Channel::kDirect) {
      return Fail(BadField("payload.channel", "hồ sơ nộp trực tiếp được tiếp nhận ngay, không qua bước nộp",
                           "a direct dossier is received at once, not submitted"));
    }
    s_.status = DossierStatus::kSubmitted;
    s_.procedure_code = p.procedure_code;
    s_.channel = p.channel;
    s_.applicant = p.applicant;
    s_.components = p.components;
    s_.receiving_unit = p.receiving_unit;
    s_.competent_agency = p.competent_agency;
    s_.competent_unit = p.competent_unit;
    s_.submitted_at = e_.occurred_at;
    return {};
  }

  Result<void> operator()(const Received& p) {
    // Accepting an online or postal submission keeps its channel: the reports count dossiers by the way
    // they were submitted.
    if (s_.last_seq != 0 && p.channel != s_.channel) {
      return Fail(BadField(
          "payload.channel", "kênh tiếp nhận phải trùng kênh đã nộp (" + std::string(ChannelName(s_.channel)) + ")",
          "the channel must be the one the dossier was submitted on (" + std::string(ChannelName(s_.channel)) + ")"));
    }
    if (p.due_at < p.clock_started_at || p.clock_started_at < e_.occurred_at) {
      return Fail(BadField("payload.due_at", "hạn trả phải sau thời điểm bắt đầu tính, và sau khi tiếp nhận",
                           "the due moment must follow the clock start, which must follow the receipt"));
    }
    if (!(p.processing_amount >= 0)) {
      return Fail(BadField("payload.processing_amount", "thời hạn giải quyết không được âm",
                           "the processing time must not be negative"));
    }
    s_.status = DossierStatus::kProcessing;
    s_.procedure_code = p.procedure_code;
    s_.channel = p.channel;
    s_.applicant = p.applicant;
    s_.components = p.components;
    s_.receiving_unit = p.receiving_unit;
    s_.receiving_point = p.receiving_point;
    s_.competent_agency = p.competent_agency;
    s_.competent_unit = p.competent_unit;
    s_.processing_amount = p.processing_amount;
    s_.processing_unit = p.processing_unit;
    s_.received_at = e_.occurred_at;
    s_.clock_started_at = p.clock_started_at;
    s_.original_due_at = p.due_at;
    s_.due_at = p.due_at;
    s_.statutory_due_at = p.due_at;
    return {};
  }

  Result<void> operator()(const ReceptionRefused& p) { return Close(DossierStatus::kReceptionRefused, p.reason); }

  Result<void> operator()(const StepAssigned& p) {
    s_.current_step = p.step;
    s_.assignee = p.assignee;
    return {};
  }

  Result<void> operator()(const StepCompleted& p) {
    if (!p.step.empty() && p.step != s_.current_step) {
      return Fail(BadField("payload.step", "bước '" + p.step + "' không phải bước đang xử lý '" + s_.current_step + "'",
                           "step '" + p.step + "' is not the current step '" + s_.current_step + "'"));
    }
    s_.assignee.clear();
    return {};
  }

  Result<void> operator()(const Transferred& p) {
    s_.transfers.push_back(p.to_agency);
    s_.competent_agency = p.to_agency;
    if (!p.to_unit.empty()) s_.competent_unit = p.to_unit;
    s_.assignee.clear();
    return {};
  }

  Result<void> operator()(const SupplementRequested& p) {
    if (p.reason.empty()) return Fail(BadField("payload.reason", "phải nêu lý do", "a reason is required"));
    ++s_.supplement_requests;
    s_.status = DossierStatus::kWaitingSupplement;
    s_.suspended_at = e_.occurred_at;
    return {};
  }

  Result<void> operator()(const Supplemented& p) {
    if (p.due_at < *s_.due_at || p.due_at < e_.occurred_at) {
      return Fail(BadField("payload.due_at", "hạn mới không được sớm hơn hạn cũ hay thời điểm bổ sung",
                           "the new due moment may not precede the old one or the supplement"));
    }
    s_.components.insert(s_.components.end(), p.components.begin(), p.components.end());
    s_.status = DossierStatus::kProcessing;
    s_.suspended_at.reset();
    // The statutory appointment moves by what the supplement added, not by an apology's new date.
    if (s_.statutory_due_at) *s_.statutory_due_at += p.due_at - *s_.due_at;
    s_.due_at = p.due_at;
    return {};
  }

  Result<void> operator()(const Extended& p) {
    if (p.reason.empty()) return Fail(BadField("payload.reason", "phải nêu lý do", "a reason is required"));
    if (p.new_due_at <= *s_.due_at) {
      return Fail(BadField("payload.new_due_at", "ngày hẹn mới phải sau ngày hẹn hiện tại",
                           "the new appointment must be later than the current one"));
    }
    ++s_.extensions;
    s_.due_at = p.new_due_at;
    return {};
  }

  Result<void> operator()(const Refused& p) {
    if (p.reason.empty()) return Fail(BadField("payload.reason", "phải nêu lý do", "a reason is required"));
    return Close(DossierStatus::kRefused, p.reason);
  }

  Result<void> operator()(const Withdrawn& p) { return Close(DossierStatus::kWithdrawn, p.reason); }

  Result<void> operator()(const Cancelled& p) {
    if (p.reason.empty()) return Fail(BadField("payload.reason", "phải nêu lý do", "a reason is required"));
    return Close(DossierStatus::kCancelled, p.reason);
  }

  Result<void> operator()(const ResultApproved& p) {
    s_.status = DossierStatus::kResultReady;
    s_.completed_at = e_.occurred_at;
    s_.result = p.result;
    s_.assignee.clear();
    return {};
  }

  Result<void> operator()(const ResultReturned& p) {
    if (s_.status == DossierStatus::kResultReady) s_.status = DossierStatus::kReturned;
    s_.returned_at = e_.occurred_at;
    s_.return_method = p.method;
    return {};
  }

  Result<void> operator()(const FeeAssessed& p) {
    if (p.amount <= Money())
      return Fail(BadField("payload.amount", "số tiền phải dương", "the amount must be positive"));
    s_.fees_assessed = s_.fees_assessed + p.amount;
    return {};
  }

  Result<void> operator()(const FeePaid& p) {
    if (p.amount <= Money())
      return Fail(BadField("payload.amount", "số tiền phải dương", "the amount must be positive"));
    if (s_.fees_paid + p.amount > s_.fees_assessed) {
      return Fail(BadField("payload.amount", "số tiền nộp vượt số phí đã tính (" + s_.fees_assessed.Format() + ")",
                           "the payment exceeds the fees assessed (" + s_.fees_assessed.Format() + ")"));
    }
    s_.fees_paid = s_.fees_paid + p.amount;
    if (p.method == PaymentMethod::kOnline) s_.fees_paid_online = s_.fees_paid_online + p.amount;
    return {};
  }

  Result<void> operator()(const Digitized& p) {
    if (p.component_seq < 0) {
      if (!s_.completed_at || s_.status == DossierStatus::kWithdrawn || s_.status == DossierStatus::kCancelled) {
        return Fail(NotNow(s_, "chưa có kết quả để số hóa", "there is no result to digitize"));
      }
      s_.result_digitized = true;
    } else {
      ++s_.digitized_components;
    }
    return {};
  }

  Result<void> operator()(const Evaluated& p) {
    if (p.score < 1 || p.score > 5) {
      return Fail(BadField("payload.score", "điểm đánh giá phải từ 1 đến 5", "the score must be between 1 and 5"));
    }
    s_.evaluation = p.score;
    ++s_.evaluations;
    return {};
  }

 private:
  Result<void> Close(DossierStatus status, const std::string& reason) {
    s_.status = status;
    s_.completed_at = e_.occurred_at;
    s_.closing_reason = reason;
    s_.suspended_at.reset();
    s_.assignee.clear();
    return {};
  }

  DossierState& s_;
  const DossierEvent& e_;
};

Result<void> CheckSequence(const DossierState& state, const DossierEvent& event) {
  if (event.seq != state.last_seq + 1) {
    return Fail(BadField("seq", "số thứ tự sự kiện phải là " + std::to_string(state.last_seq + 1),
                         "the event sequence number must be " + std::to_string(state.last_seq + 1)));
  }
  if (state.last_seq != 0 && event.dossier_code != state.code) {
    return Fail(BadField("dossier_code", "sự kiện thuộc hồ sơ khác", "the event belongs to another dossier"));
  }
  if (event.dossier_code.empty())
    return Fail(BadField("dossier_code", "thiếu mã hồ sơ", "the dossier code is missing"));
  if (event.prev_hash != state.last_hash) {
    return Fail(BadField("prev_hash", "không khớp với sự kiện trước", "does not match the previous event"));
  }
  return {};
}

}  // namespace

Result<DossierState> ApplyEvent(const DossierState& state, const DossierEvent& event, const LifecycleLimits& limits) {
  if (auto ok = CheckSequence(state, event); !ok) return Fail(ok.error());
  if (auto ok = CheckActionNow(state, ActionOf(event.payload), limits); !ok) return Fail(ok.error());
  DossierState next = state;
  Transition transition(next, event);
  if (auto ok = std::visit(transition, event.payload); !ok) return Fail(ok.error());
  next.code = event.dossier_code;
  next.last_seq = event.seq;
  next.last_hash = event.hash;
  return next;
}

Result<DossierState> FoldEvents(std::span<const DossierEvent> events, const LifecycleLimits& limits) {
  DossierState state;
  for (const DossierEvent& event : events) {
    auto next = ApplyEvent(state, event, limits);
    if (!next) {
      Error error = next.error();
      error.field = "events[" + std::to_string(event.seq) + "]." + error.field;
      return Fail(std::move(error));
    }
    state = std::move(*next);
  }
  return state;
}

std::optional<DossierStatus> ParseDossierStatus(std::string_view name) {
  for (DossierStatus status :
       {DossierStatus::kSubmitted, DossierStatus::kProcessing, DossierStatus::kWaitingSupplement,
        DossierStatus::kResultReady, DossierStatus::kReturned, DossierStatus::kRefused, DossierStatus::kWithdrawn,
        DossierStatus::kCancelled, DossierStatus::kReceptionRefused}) {
    if (DossierStatusName(status) == name) return status;
  }
  return std::nullopt;
}

std::string_view DossierStatusName(DossierStatus status) {
  switch (status) {
    case DossierStatus::kSubmitted:
      return "submitted";
    case DossierStatus::kProcessing:
      return "processing";
    case DossierStatus::kWaitingSupplement:
      return "waiting_supplement";
    case DossierStatus::kResultReady:
      return "result_ready";
    case DossierStatus::kReturned:
      return "returned";
    case DossierStatus::kRefused:
      return "refused";
    case DossierStatus::kWithdrawn:
      return "withdrawn";
    case DossierStatus::kCancelled:
      return "cancelled";
    case DossierStatus::kReceptionRefused:
      return "reception_refused";
  }
  return "submitted";
}

std::string_view DossierStatusLabelVi(DossierStatus status) {
  switch (status) {
    case DossierStatus::kSubmitted:
      return "Chờ tiếp nhận";
    case DossierStatus::kProcessing:
      return "Đang xử lý";
    case DossierStatus::kWaitingSupplement:
      return "Chờ bổ sung";
    case DossierStatus::kResultReady:
      return "Có kết quả, chờ trả";
    case DossierStatus::kReturned:
      return "Đã trả kết quả";
    case DossierStatus::kRefused:
      return "Từ chối giải quyết";
    case DossierStatus::kWithdrawn:
      return "Đã rút";
    case DossierStatus::kCancelled:
      return "Đã hủy";
    case DossierStatus::kReceptionRefused:
      return "Từ chối tiếp nhận";
  }
  return "";
}

bool IsClosed(DossierStatus status) {
  return In(status, {DossierStatus::kReturned, DossierStatus::kRefused, DossierStatus::kWithdrawn,
                     DossierStatus::kCancelled, DossierStatus::kReceptionRefused});
}

}  // namespace motcua
