#include "app/counter_replay.h"

#include <sstream>

#include "app/clock.h"
#include "app/document_access.h"
#include "app/dossier_lifecycle.h"
#include "app/event_difference.h"
#include "domain/account.h"

namespace motcua::app {
namespace {

Error Invalid(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

// The lifecycle names the fields of its command ("competent_unit", "amount"); the import names them in the event.
Error InEvent(Error error) {
  if (error.field == "amount" || error.field == "processing_time") {
    error.field = "payload.processing_amount";
  } else if (!error.field.empty() && error.field != "calendar") {
    error.field = "payload." + error.field;
  }
  return error;
}

IntakeCommand CommandOf(const std::string& procedure_code, Channel channel, const Applicant& applicant,
                        const std::vector<SubmittedComponent>& components, const std::string& receiving_unit,
                        const std::string& competent_agency, const std::string& competent_unit) {
  IntakeCommand command;
  command.procedure_code = procedure_code;
  command.channel = channel;
  command.applicant = applicant;
  command.components = components;
  command.receiving_unit = receiving_unit;
  command.competent_agency = competent_agency;
  command.competent_unit = competent_unit;
  return command;
}

IntakeCommand CommandOf(const Received& p) {
  IntakeCommand command = CommandOf(p.procedure_code, p.channel, p.applicant, p.components, p.receiving_unit,
                                    p.competent_agency, p.competent_unit);
  command.receiving_point = p.receiving_point;
  command.processing_amount = p.processing_amount;
  command.processing_unit = p.processing_unit;
  return command;
}

IntakeCommand CommandOf(const Submitted& p) {
  return CommandOf(p.procedure_code, p.channel, p.applicant, p.components, p.receiving_unit, p.competent_agency,
                   p.competent_unit);
}

// The first field where the event's payload differs from the counter's, as an error naming it.
Result<void> SameAsCounter(const DossierEvent& event, EventPayload counter) {
  DossierEvent expected = event;
  expected.payload = std::move(counter);
  const std::vector<EventDifference> differences = DifferencesBetween(expected, event);
  if (differences.empty()) return {};
  const EventDifference& d = differences.front();
  return Fail(Invalid(d.field, "tệp ghi " + d.imported + " nhưng quy tắc ở quầy cho " + d.stored,
                      "the file says " + d.imported + " but the counter's rules give " + d.stored));
}

}  // namespace

Result<void> CounterReplay::CheckMoment(const DossierEvent& event) const {
  // The counter stamps each event with its clock, which never goes back: a result approved before the dossier was
  // received cannot have been written there.
  if (last_moment_ && event.occurred_at < *last_moment_) {
    return Fail(Invalid("occurred_at",
                        "sự kiện xảy ra trước sự kiện liền trước (" + FormatIsoLocal(*last_moment_) + ")",
                        "the event happens before the one before it (" + FormatIsoLocal(*last_moment_) + ")"));
  }
  if (event.occurred_at > rules_.now) {
    return Fail(Invalid("occurred_at", "sự kiện xảy ra trong tương lai", "the event happens in the future"));
  }
  if (!ParseRole(event.actor.role)) {
    return Fail(Invalid("actor.role", "vai trò '" + event.actor.role + "' không có trong hệ thống",
                        "the role '" + event.actor.role + "' is not one of the system's"));
  }
  return {};
}

Result<EventPayload> CounterReplay::CounterPayload(const DossierEvent& event) const {
  // The counter at the event's moment: its checks and computations read this clock, not the import's.
  const FixedClock moment(event.occurred_at);
  const DossierLifecycle counter(store_, moment, calendar_, rules_.settings);
  if (const auto* received = std::get_if<Received>(&event.payload)) {
    const ProcessingTime stated{received->processing_amount, received->processing_unit};
    auto expected = state_.last_seq == 0 ? counter.ReceivedFor(CommandOf(*received))
                                         : counter.AcceptedFor(state_, received->receiving_point, stated);
    if (!expected) return Fail(expected.error());
    return EventPayload(std::move(*expected));
  }
  if (const auto* submitted = std::get_if<Submitted>(&event.payload)) {
    auto expected = counter.SubmittedFor(CommandOf(*submitted));
    if (!expected) return Fail(expected.error());
    return EventPayload(std::move(*expected));
  }
  return counter.RecordedFor(state_, event.payload);
}

Result<void> CounterReplay::CheckProcessingTime(const Received& received) const {
  auto procedure = store_.FindProcedure(received.procedure_code);
  if (!procedure) return Fail(procedure.error());
  if (!*procedure) return {};  // the counter's check names the unknown procedure
  auto settings = store_.FindProcedureSettings(received.procedure_code);
  if (!settings) return Fail(settings.error());
  auto listed = ProcessingTimeFor(**procedure, received.channel, *settings);
  if (!listed) return {};  // nothing listed: the counter states the time
  const auto [amount, unit] = *listed;
  std::ostringstream text;
  text << amount << " " << TimeUnitName(unit);
  const std::string promised = text.str();
  if (received.processing_unit != unit) {
    return Fail(Invalid("payload.processing_unit",
                        "thủ tục " + received.procedure_code + " tính thời hạn theo " + promised,
                        "procedure " + received.procedure_code + " counts its time as " + promised));
  }
  if (received.processing_amount > amount) {
    return Fail(Invalid("payload.processing_amount",
                        "dài hơn thời hạn của thủ tục " + received.procedure_code + " (" + promised + ")",
                        "longer than the time of procedure " + received.procedure_code + " (" + promised + ")"));
  }
  return {};
}

Result<void> CounterReplay::CheckFile(const Digitized& digitized) const {
  if (rules_.outside_files && !IsDocumentFileId(digitized.file)) return {};
  auto stored = StoredDocument(store_, digitized.file);
  if (!stored) return Fail(InEvent(stored.error()));
  return {};
}

Result<void> CounterReplay::Apply(const DossierEvent& event) {
  if (auto ok = CheckMoment(event); !ok) return ok;
  DossierEvent linked = event;  // the store links the events; the replay links them the same way
  linked.prev_hash = state_.last_hash;
  linked.hash = state_.last_hash + "+";
  auto next = ApplyEvent(state_, linked, rules_.settings.limits);
  if (!next) return Fail(next.error());
  // The time stated on a receipt first, then what the rules compute from it.
  if (const auto* received = std::get_if<Received>(&event.payload)) {
    if (auto ok = CheckProcessingTime(*received); !ok) return ok;
  }
  auto counter = CounterPayload(event);
  if (!counter) return Fail(InEvent(counter.error()));
  if (auto same = SameAsCounter(event, std::move(*counter)); !same) return same;
  if (const auto* digitized = std::get_if<Digitized>(&event.payload)) {
    if (auto ok = CheckFile(*digitized); !ok) return ok;
  } else if (const auto* step = std::get_if<StepAssigned>(&event.payload); step && !ParseRole(step->role)) {
    return Fail(Invalid("payload.role", "vai trò '" + step->role + "' không có trong hệ thống",
                        "the role '" + step->role + "' is not one of the system's"));
  }
  state_ = std::move(*next);
  last_moment_ = event.occurred_at;
  return {};
}

}  // namespace motcua::app
