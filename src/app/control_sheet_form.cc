#include "app/control_sheet_form.h"

#include <optional>

namespace motcua::app {
namespace {

// Who has the dossier: a body (the one-stop department, an agency, the applicant) and the official in it.
struct Holder {
  std::string body;
  std::string person;

  std::string Label() const { return person.empty() ? body : body + " (" + person + ")"; }
};

// One row of the sheet's table.
struct HandOver {
  Holder from;
  Holder to;
  std::string note;
};

// Walks the history and writes the hand-overs down; `holder` is who has the dossier as it goes.
class HandOverLog {
 public:
  HandOverLog(const DossierView& view, const FormNames& names)
      : names_(names),
        counter_{names.ReceivingPointOrDepartment(), ""},
        applicant_{ApplicantName(view.state.applicant), ""} {}

  // The hand-over `event` makes, if it makes one.
  std::optional<HandOver> Read(const DossierEvent& event) {
    const std::string actor = Person(event.actor.user);
    return std::visit([&](const auto& payload) { return Of(payload, actor); }, event.payload);
  }

 private:
  std::string Person(const std::string& login) const {
    if (login.empty() || login == "system" || login.starts_with("import:")) return "";
    const std::string name = names_.PersonName(login);
    return name.empty() ? login : name;
  }
  HandOver MoveTo(Holder to, std::string note) {
    HandOver row{holder_, to, std::move(note)};
    holder_ = std::move(to);
    return row;
  }

  std::optional<HandOver> Of(const Received& p, const std::string& actor) {
    holder_ = {counter_.body, actor};
    competent_agency_ = p.competent_agency;
    return std::nullopt;
  }
  std::optional<HandOver> Of(const StepAssigned& p, const std::string&) {
    return MoveTo({names_.AgencyName(p.agency.empty() ? competent_agency_ : p.agency), Person(p.assignee)}, p.step);
  }
  // A transfer moves the decision to the agency it goes to (dossier_state.h).
  std::optional<HandOver> Of(const Transferred& p, const std::string&) {
    competent_agency_ = p.to_agency;
    return MoveTo({names_.AgencyName(p.to_agency), ""},
                  "Chuyển liên thông" + (p.reason.empty() ? "" : ": " + p.reason));
  }
  std::optional<HandOver> Of(const SupplementRequested&, const std::string&) {
    return HandOver{holder_, applicant_, "Yêu cầu bổ sung hồ sơ"};
  }
  std::optional<HandOver> Of(const Supplemented&, const std::string&) {
    return HandOver{applicant_, holder_, "Nộp bổ sung hồ sơ"};
  }
  std::optional<HandOver> Of(const ResultApproved& p, const std::string& actor) {
    Holder from = holder_;
    if (from.person.empty()) from.person = actor;
    holder_ = counter_;
    return HandOver{from, counter_, "Có kết quả" + (p.result.empty() ? "" : ": " + p.result)};
  }
  std::optional<HandOver> Of(const Refused& p, const std::string& actor) {
    Holder from = holder_;
    if (from.person.empty()) from.person = actor;
    holder_ = counter_;
    return HandOver{from, counter_, "Từ chối giải quyết: " + p.reason};
  }
  std::optional<HandOver> Of(const ResultReturned& p, const std::string& actor) {
    return HandOver{{counter_.body, actor}, applicant_, "Trả kết quả " + std::string(ReturnMethodVi(p.method))};
  }
  template <typename Other>
  std::optional<HandOver> Of(const Other&, const std::string&) {
    return std::nullopt;
  }

  const FormNames& names_;
  const Holder counter_;
  const Holder applicant_;
  std::string competent_agency_;  // the agency that decides at this point of the history
  Holder holder_;
};

// Before, on or after the appointment the dossier had when it changed hands (`before`: as it stood just before);
// "" while the clock was stopped (waiting for a supplement) or before there was an appointment.
std::string ResultColumn(const DossierState& before, const DossierEvent& event, const DeadlinePolicy& policy) {
  if (!before.statutory_due_at || before.suspended_at) return "";
  return std::string(TimelinessVi(ClassifyCompletion(event.occurred_at, *before.statutory_due_at, policy)));
}

std::string CooperatingAgencies(const DossierState& s, const FormNames& names) {
  std::string list;
  for (const std::string& agency : s.transfers) list += (list.empty() ? "" : "; ") + names.AgencyName(agency);
  return list.empty() ? "Không" : list;
}

}  // namespace

Result<PrintedForm> ControlSheetForm(const DossierView& view, const FormNames& names, Paper paper,
                                     const DeadlinePolicy& policy) {
  const DossierState& s = view.state;
  if (!s.received_at) {
    return Fail(Error::FailedPrecondition(
        "form", "hồ sơ " + s.code + " chưa được tiếp nhận nên chưa có phiếu kiểm soát quá trình giải quyết",
        "dossier " + s.code + " has not been received yet, so it has no control sheet"));
  }
  PrintedForm form = CounterForm(paper, FormNumber(FormKind::kControlSheet, FormSetOn(*s.received_at)),
                                 "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", names, s.code, *s.received_at);

  FormFacts facts;
  facts.lines.emplace_back("Kèm theo hồ sơ của", ApplicantName(s.applicant));
  facts.lines.emplace_back("Nội dung yêu cầu giải quyết", RequestedProcedure(view));
  facts.lines.emplace_back("Ngày nhận", FormMoment(*s.received_at));
  if (s.due_at) facts.lines.emplace_back("Ngày, giờ hẹn trả kết quả", FormMoment(*s.due_at));
  facts.lines.emplace_back("Cơ quan (bộ phận) giải quyết hồ sơ", names.competent_agency);
  facts.lines.emplace_back("Cơ quan phối hợp giải quyết hồ sơ", CooperatingAgencies(s, names));
  form.body.emplace_back(std::move(facts));

  FormTable table{
      {"TÊN CƠ QUAN", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/đúng hạn/quá hạn)", "GHI CHÚ"},
      {0.34, 0.26, 0.18, 0.22},
      {},
      {true, false, false, true}};  // the hand-over and the note are running text
  // One pass over the history: each event read for its hand-over, then applied to the state the next is judged by.
  HandOverLog log(view, names);
  DossierState before;
  for (const DossierEvent& event : view.history) {
    if (const std::optional<HandOver> row = log.Read(event)) {
      table.rows.push_back({"1. Giao: " + row->from.Label() + "\n2. Nhận: " + row->to.Label(),
                            FormMoment(event.occurred_at), ResultColumn(before, event, policy), row->note});
    }
    auto after = ApplyEvent(before, event, kHistoryAsWritten);
    if (!after) return Fail(after.error());
    before = std::move(*after);
  }
  form.body.emplace_back(std::move(table));
  form.body.emplace_back(FormParagraph{
      "Ghi chú: Phiếu được lập từ nhật ký xử lý hồ sơ trên Hệ thống thông tin một cửa điện tử; việc giao, nhận hồ sơ "
      "được lưu vết tự động nên không cần chữ ký của người giao và người nhận.",
      false, true});
  return form;
}

}  // namespace motcua::app
