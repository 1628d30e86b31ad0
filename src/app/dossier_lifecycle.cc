#include "app/dossier_lifecycle.h"

#include <algorithm>

#include "domain/citizen_id.h"
#include "domain/contact.h"

namespace motcua::app {
namespace {

Error Invalid(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

int YearOf(Instant instant) {
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(ToLocal(instant))).year());
}

Result<void> CheckApplicant(const Applicant& applicant, int current_year) {
  if (applicant.name.empty()) {
    return Fail(Invalid("applicant.name", "phải có họ tên người nộp", "the applicant's name is required"));
  }
  if (!applicant.citizen_id.empty()) {
    auto id = ParseCitizenId(applicant.citizen_id, current_year, "applicant.citizen_id");
    if (!id) return Fail(id.error());
  } else if (applicant.organisation.empty()) {
    return Fail(Invalid("applicant.citizen_id", "công dân phải có số định danh cá nhân",
                        "a citizen applicant needs a citizen ID number"));
  }
  if (auto phone = CheckPhone(applicant.phone, "applicant.phone"); !phone) return Fail(phone.error());
  if (auto email = CheckEmail(applicant.email, "applicant.email"); !email) return Fail(email.error());
  return {};
}

}  // namespace

Result<std::pair<double, TimeUnit>> ProcessingTimeFor(const Procedure& procedure, Channel channel,
                                                      const std::optional<ProcedureSettings>& settings) {
  // The province's own time wins: provinces shorten the national times, and fill them in where the catalogue
  // is silent (docs/law/deadlines.md).
  if (settings) {
    if (auto set = SettingTimeFor(*settings, channel)) return std::pair{set->amount, set->unit};
  }
  for (const ProcedureChannel& row : procedure.channel_details) {
    if (row.channel == channel && row.time_unit && row.time_value) return std::pair{*row.time_value, *row.time_unit};
  }
  return Fail(Error::NotFound("processing_time",
                              "danh mục không ghi thời hạn giải quyết của thủ tục " + procedure.code + " cho kênh " +
                                  std::string(ChannelName(channel)) + ": cần nhập thời hạn",
                              "the catalogue gives no processing time for " + procedure.code + " on channel " +
                                  std::string(ChannelName(channel)) + ": state it"));
}

Result<void> DossierLifecycle::CheckIntake(const IntakeCommand& command, const Procedure& procedure) const {
  if (!procedure.channels.empty() &&
      std::ranges::find(procedure.channels, command.channel) == procedure.channels.end()) {
    return Fail(Invalid(
        "channel",
        "thủ tục " + procedure.code + " không nhận hồ sơ qua kênh " + std::string(ChannelName(command.channel)),
        "procedure " + procedure.code + " is not offered on channel " + std::string(ChannelName(command.channel))));
  }
  if (auto ok = CheckApplicant(command.applicant, YearOf(clock_.Now())); !ok) return ok;
  auto receiving_province = ProvinceOfUnit(command.receiving_unit, "receiving_unit");
  if (!receiving_province) return Fail(receiving_province.error());
  if (!command.competent_unit.empty() && command.competent_unit != command.receiving_unit) {
    // Boundaryless reception: any receiving point of the province may receive for a competent agency
    // elsewhere in the same province (Decree 118/2025/ND-CP; docs/law/deadlines.md), not beyond it.
    auto competent_province = ProvinceOfUnit(command.competent_unit, "competent_unit");
    if (!competent_province) return Fail(competent_province.error());
    if (*competent_province != *receiving_province) {
      return Fail(Invalid(
          "competent_unit",
          "đơn vị giải quyết " + command.competent_unit + " ở tỉnh khác với nơi tiếp nhận " + command.receiving_unit,
          "competent unit " + command.competent_unit + " is in another province than the receiving unit " +
              command.receiving_unit));
    }
  }
  if (command.competent_agency.empty()) {
    return Fail(
        Invalid("competent_agency", "phải nêu cơ quan có thẩm quyền giải quyết", "the competent agency is required"));
  }
  return {};
}

Result<std::string> DossierLifecycle::ProvinceOfUnit(const std::string& unit, const char* field) const {
  auto province = store_.FindProvince(unit);
  if (!province) return Fail(province.error());
  if (*province) return unit;
  auto commune = store_.FindCommune(unit);
  if (!commune) return Fail(commune.error());
  if (*commune) return (*commune)->province_code;
  return Fail(Error::NotFound(field, "không có đơn vị hành chính mã '" + unit + "'",
                              "no administrative unit has code '" + unit + "'"));
}

Result<DossierState> DossierLifecycle::CreateDossier(const std::string& agency_id, EventPayload first,
                                                     const std::vector<Digitized>& scans, const Actor& actor) {
  const LocalDate today = std::chrono::floor<std::chrono::days>(ToLocal(clock_.Now()));
  // A malformed agency ID is refused before any number is taken.
  if (auto probe = settings_.code_format.Format(agency_id, today, 1); !probe) return Fail(probe.error());
  const std::vector<DossierEvent> events = EventsOf("", std::move(first), scans, actor);
  return store_.AppendNewDossier(
      settings_.code_format.SequenceKey(agency_id, today),
      [&](std::int64_t number) { return settings_.code_format.Format(agency_id, today, number); }, events,
      settings_.limits, settings_.deadline);
}

Result<DossierState> DossierLifecycle::Append(const std::string& code, EventPayload payload, const Actor& actor) {
  return store_.AppendDossierEvents(EventsOf(code, std::move(payload), {}, actor), settings_.limits,
                                    settings_.deadline);
}

std::vector<DossierEvent> DossierLifecycle::EventsOf(const std::string& code, EventPayload first,
                                                     const std::vector<Digitized>& scans, const Actor& actor) const {
  std::vector<DossierEvent> events;
  const Instant now = clock_.Now();
  const auto add = [&](EventPayload payload) {
    DossierEvent event;
    event.dossier_code = code;
    event.payload = std::move(payload);
    event.actor = actor;
    event.occurred_at = now;
    event.recorded_at = now;
    events.push_back(std::move(event));
  };
  add(std::move(first));
  for (const Digitized& scan : scans) add(scan);
  return events;
}

Result<void> DossierLifecycle::CheckBoundaryless(const IntakeCommand& command) const {
  if (command.competent_unit.empty() || command.competent_unit == command.receiving_unit) return {};
  auto settings = store_.FindProcedureSettings(command.procedure_code);
  if (!settings) return Fail(settings.error());
  if (!*settings || (*settings)->boundaryless.value_or(true)) return {};
  return Fail(Invalid("competent_agency",
                      "thủ tục " + command.procedure_code +
                          " không tiếp nhận phi địa giới: hồ sơ phải nộp tại đơn vị " + command.competent_unit,
                      "procedure " + command.procedure_code +
                          " is not received boundaryless: the dossier goes to unit " + command.competent_unit));
}

Result<Procedure> DossierLifecycle::CheckedProcedure(const IntakeCommand& command) const {
  auto procedure = store_.FindProcedure(command.procedure_code);
  if (!procedure) return Fail(procedure.error());
  if (!*procedure) {
    return Fail(Error::NotFound("procedure_code", "không có thủ tục mã '" + command.procedure_code + "'",
                                "no procedure has code '" + command.procedure_code + "'"));
  }
  if (auto ok = CheckIntake(command, **procedure); !ok) return Fail(ok.error());
  if (auto ok = CheckBoundaryless(command); !ok) return Fail(ok.error());
  return std::move(**procedure);
}

namespace {

std::optional<ProcessingTime> StatedTime(std::optional<double> amount, std::optional<TimeUnit> unit) {
  if (!amount || !unit) return std::nullopt;
  return ProcessingTime{*amount, *unit};
}

}  // namespace

Result<DossierLifecycle::ClockStart> DossierLifecycle::StartClock(const Procedure& procedure, Channel channel,
                                                                  std::optional<ProcessingTime> stated) const {
  ProcessingTime time;
  if (stated) {
    time = *stated;
  } else {
    auto settings = store_.FindProcedureSettings(procedure.code);
    if (!settings) return Fail(settings.error());
    auto listed = ProcessingTimeFor(procedure, channel, *settings);
    if (!listed) return Fail(listed.error());
    time = {listed->first, listed->second};
  }
  auto deadline = DeadlineAtReceipt(calendar_, clock_.Now(), time.amount, time.unit, settings_.deadline);
  if (!deadline) return Fail(deadline.error());
  return ClockStart{time.amount, time.unit, *deadline};
}

Result<DossierState> DossierLifecycle::LoadExisting(const std::string& code) {
  auto state = store_.LoadDossier(code);
  if (!state) return Fail(state.error());
  if (!*state) return Fail(Error::NotFound("code", "không có hồ sơ '" + code + "'", "no dossier '" + code + "'"));
  return std::move(**state);
}

Result<Received> DossierLifecycle::ReceivedFor(const IntakeCommand& command) const {
  auto procedure = CheckedProcedure(command);
  if (!procedure) return Fail(procedure.error());
  auto clock = StartClock(*procedure, command.channel, StatedTime(command.processing_amount, command.processing_unit));
  if (!clock) return Fail(clock.error());
  return Received{command.procedure_code,
                  command.channel,
                  command.applicant,
                  command.components,
                  command.receiving_unit,
                  command.receiving_point,
                  command.competent_agency,
                  command.competent_unit.empty() ? command.receiving_unit : command.competent_unit,
                  clock->amount,
                  clock->unit,
                  clock->deadline.clock_started_at,
                  clock->deadline.due_at};
}

Result<DossierState> DossierLifecycle::Receive(const IntakeCommand& command) {
  if (!one_moment_) return AtOneMoment([&](DossierLifecycle& l) { return l.Receive(command); });
  auto received = ReceivedFor(command);
  if (!received) return Fail(received.error());
  return CreateDossier(command.agency_id, std::move(*received), command.scans, command.actor);
}

Result<Submitted> DossierLifecycle::SubmittedFor(const IntakeCommand& command) const {
  if (command.channel == Channel::kDirect) {
    return Fail(Invalid("channel", "hồ sơ nộp trực tiếp được tiếp nhận ngay", "a direct dossier is received at once"));
  }
  auto procedure = CheckedProcedure(command);
  if (!procedure) return Fail(procedure.error());
  return Submitted{command.procedure_code,
                   command.channel,
                   command.applicant,
                   command.components,
                   command.receiving_unit,
                   command.competent_agency,
                   command.competent_unit.empty() ? command.receiving_unit : command.competent_unit};
}

Result<DossierState> DossierLifecycle::Submit(const IntakeCommand& command) {
  if (!one_moment_) return AtOneMoment([&](DossierLifecycle& l) { return l.Submit(command); });
  auto submitted = SubmittedFor(command);
  if (!submitted) return Fail(submitted.error());
  return CreateDossier(command.agency_id, std::move(*submitted), command.scans, command.actor);
}

Result<Received> DossierLifecycle::AcceptedFor(const DossierState& s, const std::string& receiving_point,
                                               std::optional<ProcessingTime> stated) const {
  auto procedure = store_.FindProcedure(s.procedure_code);
  if (!procedure) return Fail(procedure.error());
  if (!*procedure) {
    return Fail(
        Error::NotFound("procedure_code", "thủ tục không còn trong danh mục", "the procedure is no longer listed"));
  }
  auto clock = StartClock(**procedure, s.channel, stated);
  if (!clock) return Fail(clock.error());
  return Received{s.procedure_code,
                  s.channel,
                  s.applicant,
                  s.components,
                  s.receiving_unit,
                  receiving_point,
                  s.competent_agency,
                  s.competent_unit,
                  clock->amount,
                  clock->unit,
                  clock->deadline.clock_started_at,
                  clock->deadline.due_at};
}

Result<DossierState> DossierLifecycle::Accept(const std::string& code, const std::string& receiving_point,
                                              const Actor& actor, std::optional<ProcessingTime> stated) {
  if (!one_moment_)
    return AtOneMoment([&](DossierLifecycle& l) { return l.Accept(code, receiving_point, actor, stated); });
  auto state = LoadExisting(code);
  if (!state) return Fail(state.error());
  auto received = AcceptedFor(*state, receiving_point, stated);
  if (!received) return Fail(received.error());
  return Append(code, std::move(*received), actor);
}

Result<EventPayload> DossierLifecycle::RecordedFor(const DossierState& state, EventPayload payload) const {
  auto* supplemented = std::get_if<Supplemented>(&payload);
  if (supplemented == nullptr || state.status != DossierStatus::kWaitingSupplement) return payload;
  auto due = DueAfterSupplement(calendar_, state, clock_.Now(), settings_.deadline);
  if (!due) return Fail(due.error());
  supplemented->due_at = *due;
  return payload;
}

Result<DossierState> DossierLifecycle::Record(const std::string& code, EventPayload payload, const Actor& actor) {
  if (!one_moment_) return AtOneMoment([&](DossierLifecycle& l) { return l.Record(code, std::move(payload), actor); });
  if (std::holds_alternative<Supplemented>(payload)) {
    auto state = LoadExisting(code);
    if (!state) return Fail(state.error());
    auto completed = RecordedFor(*state, std::move(payload));
    if (!completed) return Fail(completed.error());
    payload = std::move(*completed);
  }
  return Append(code, std::move(payload), actor);
}

}  // namespace motcua::app
