#include "http/dossier_json.h"

#include "app/form_kind.h"
#include "domain/deadline_rules.h"
#include "domain/dossier_standing.h"
#include "http/dossier_requests.h"
#include "http/json_response.h"
#include "store/dossier_event_codec.h"

namespace motcua::http {
namespace {

using nlohmann::json;

json ApplicantJson(const Applicant& a) {
  return {{"name", a.name},   {"citizen_id", a.citizen_id}, {"phone", a.phone},
          {"email", a.email}, {"address", a.address},       {"organisation", a.organisation}};
}

json ComponentsJson(const std::vector<SubmittedComponent>& components) {
  json items = json::array();
  for (const SubmittedComponent& c : components) {
    items.push_back({{"seq", c.seq}, {"name", c.name}, {"originals", c.originals}, {"copies", c.copies}});
  }
  return items;
}

json StatusJson(DossierStatus status) { return DossierStatusName(status); }

DeadlineFacts FactsOf(const store::DossierSummary& s) {
  return DeadlineFacts{s.status, s.received_at, s.completed_at, s.statutory_due_at};
}

json SummaryJson(const store::DossierSummary& s, const Judge& judge) {
  const DeadlineFacts facts = FactsOf(s);
  const Standing standing = StandingOf(facts, judge.now, judge.policy);
  return {{"code", s.code},
          {"status", StatusJson(s.status)},
          {"status_label", DossierStatusLabelVi(s.status)},
          {"procedure_code", s.procedure_code},
          {"channel", ChannelName(s.channel)},
          {"receiving_unit", s.receiving_unit},
          {"receiving_point", s.receiving_point},
          {"competent_agency", s.competent_agency},
          {"competent_unit", s.competent_unit},
          {"applicant_name", s.applicant_name},
          {"applicant_citizen_id", s.applicant_citizen_id},
          {"current_step", s.current_step},
          {"assignee", s.assignee},
          {"submitted_at", TimeJson(s.submitted_at)},
          {"received_at", TimeJson(s.received_at)},
          {"due_at", TimeJson(s.due_at)},
          {"statutory_due_at", TimeJson(s.statutory_due_at)},
          {"completed_at", TimeJson(s.completed_at)},
          {"standing", StandingName(standing)},
          {"urgency", UrgencyName(UrgencyOf(facts, judge.now, judge.policy, judge.calendar))},
          {"overdue", standing == Standing::kOverdue},
          {"updated_at", FormatIsoLocal(s.updated_at)}};
}

}  // namespace

json DossierStateJson(const DossierState& s) {
  return {{"code", s.code},
          {"status", StatusJson(s.status)},
          {"status_label", DossierStatusLabelVi(s.status)},
          {"procedure_code", s.procedure_code},
          {"channel", ChannelName(s.channel)},
          {"applicant", ApplicantJson(s.applicant)},
          {"components", ComponentsJson(s.components)},
          {"receiving_unit", s.receiving_unit},
          {"receiving_point", s.receiving_point},
          {"competent_agency", s.competent_agency},
          {"competent_unit", s.competent_unit},
          {"transfers", s.transfers},
          {"processing_time", {{"amount", s.processing_amount}, {"unit", TimeUnitName(s.processing_unit)}}},
          {"submitted_at", TimeJson(s.submitted_at)},
          {"received_at", TimeJson(s.received_at)},
          {"clock_started_at", TimeJson(s.clock_started_at)},
          {"original_due_at", TimeJson(s.original_due_at)},
          {"due_at", TimeJson(s.due_at)},
          {"statutory_due_at", TimeJson(s.statutory_due_at)},
          {"suspended_at", TimeJson(s.suspended_at)},
          {"supplement_requests", s.supplement_requests},
          {"extensions", s.extensions},
          {"completed_at", TimeJson(s.completed_at)},
          {"returned_at", TimeJson(s.returned_at)},
          {"return_method", OrNull(s.return_method, ReturnMethodName)},
          {"closing_reason", s.closing_reason},
          {"result", s.result},
          {"current_step", s.current_step},
          {"assignee", s.assignee},
          {"fees",
           {{"assessed_vnd", s.fees_assessed.dong()},
            {"paid_vnd", s.fees_paid.dong()},
            {"paid_online_vnd", s.fees_paid_online.dong()}}},
          {"digitized_components", s.digitized_components},
          {"result_digitized", s.result_digitized},
          {"evaluation", OrNull(s.evaluation, [](int score) { return score; })},
          {"last_seq", s.last_seq}};
}

json DossierViewJson(const app::DossierView& view, const std::string& receipt_pin) {
  json history = json::array();
  for (const DossierEvent& event : view.history) history.push_back(store::EncodeDossierEvent(event));
  json allowed = json::array();
  for (DossierAction action : view.allowed_actions) allowed.push_back(ActionPathSegment(action));
  json forms = json::array();
  for (app::FormKind kind : view.forms) forms.push_back(app::FormKindName(kind));
  return {{"dossier", DossierStateJson(view.state)},
          {"procedure_name", view.procedure_name},
          {"standing", StandingName(view.standing)},
          {"urgency", UrgencyName(view.urgency)},
          {"overdue", view.overdue},
          {"timeliness", OrNull(view.completion, TimelinessName)},
          {"allowed_actions", std::move(allowed)},
          {"forms", std::move(forms)},
          {"may_sign_result", view.may_sign_result},
          {"receipt_pin", receipt_pin},
          {"history", std::move(history)}};
}

json DossierPageJson(const store::DossierPage& page, const Judge& judge) {
  json items = json::array();
  for (const store::DossierSummary& summary : page.items) items.push_back(SummaryJson(summary, judge));
  return {{"items", std::move(items)},
          {"next_cursor", OrNull(page.next_cursor, [](const std::string& c) { return c; })}};
}

}  // namespace motcua::http
