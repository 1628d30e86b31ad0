#include "app/demo_dossiers.h"

#include <array>
#include <cstdio>
#include <random>

#include "app/dossier_lifecycle.h"

namespace motcua::app {
namespace {

constexpr const char* kDemoCitizenName = "Nguyễn Thị Mai";
constexpr std::array<const char*, 8> kNames = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",  "Phạm Thị Dung",
                                               "Hoàng Văn Em",  "Vũ Thị Giang",  "Đặng Văn Hùng", "Bùi Thị Lan"};

// Commune-level procedures whose catalogue entry gives a direct processing time in working days.
Result<std::vector<Procedure>> DemoProcedures(store::Store& store) {
  auto all = store.ListProcedures();
  if (!all) return Fail(all.error());
  std::vector<Procedure> chosen;
  for (const Procedure& header : *all) {
    if (!header.HasLevel("commune") || chosen.size() >= 12) continue;
    auto full = store.FindProcedure(header.code);
    if (!full) return Fail(full.error());
    auto time = ProcessingTimeFor(**full, Channel::kDirect);
    if (time && time->second == TimeUnit::kWorkingDay && time->first <= 10) chosen.push_back(**full);
  }
  if (chosen.empty())
    return Fail(Error::NotFound("procedures", "danh mục không có thủ tục phù hợp", "no suitable procedure"));
  return chosen;
}

// A valid citizen ID of someone born in Phú Thọ (code 025) in the 20th century.
std::string CitizenId(std::mt19937& random) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "025%d%02d%06d", static_cast<int>(random() % 2),
                50 + static_cast<int>(random() % 50), static_cast<int>(random() % 1000000));
  return digits;
}

// A reception moment: a working moment on one of the plan's days, or nullopt when that day is not worked.
std::optional<Instant> ReceptionMoment(const WorkCalendar& calendar, const DemoPlan& plan, std::mt19937& random) {
  const LocalDate end_day = std::chrono::floor<std::chrono::days>(ToLocal(plan.end));
  const LocalDate day = end_day - std::chrono::days(1 + random() % static_cast<unsigned>(plan.days));
  if (!calendar.IsWorkingDay(day)) return std::nullopt;
  const auto minutes = std::chrono::minutes(7 * 60 + 30 + random() % (9 * 60));
  return ToInstant(calendar.NextWorkingMoment(LocalTime(day) + minutes));
}

class DemoRun {
 public:
  DemoRun(store::Store& store, const WorkCalendar& calendar, const LifecycleSettings& settings, const DemoPlan& plan)
      : clock_(plan.end),
        lifecycle_(store, clock_, calendar, settings),
        calendar_(calendar),
        plan_(plan),
        random_(plan.seed) {}

  Result<DemoSummary> Run(const std::vector<Procedure>& procedures, const WorkCalendar& calendar) {
    for (int attempt = 0; summary_.dossiers < static_cast<std::size_t>(plan_.count) && attempt < plan_.count * 4;
         ++attempt) {
      auto at = ReceptionMoment(calendar, plan_, random_);
      if (!at) continue;
      clock_.Set(*at);
      auto state = lifecycle_.Receive(Intake(procedures[random_() % procedures.size()]));
      if (!state) return Fail(state.error());
      ++summary_.dossiers;
      ++summary_.events;
      if (auto ok = PlayOutcome(*state); !ok) return Fail(ok.error());
    }
    return summary_;
  }

 private:
  IntakeCommand Intake(const Procedure& procedure) {
    IntakeCommand c;
    c.procedure_code = procedure.code;
    const bool demo_citizen = ++intakes_ % 5 == 1;
    c.applicant = {demo_citizen ? kDemoCitizenName : kNames[random_() % kNames.size()],
                   demo_citizen ? plan_.citizen_id : CitizenId(random_),
                   "0912345678",
                   "",
                   "Xã Vân Sơn, Phú Thọ",
                   ""};
    for (const DossierComponent& item : procedure.components) {
      c.components.push_back({item.seq, item.document, item.originals, item.copies});
    }
    c.receiving_unit = plan_.unit;
    c.receiving_point = plan_.point_id;
    c.agency_id = plan_.agency_id;
    c.competent_agency = plan_.agency_id;
    c.actor = {"tiep.nhan", "receptionist", plan_.unit};
    return c;
  }

  // Moves the clock `fraction` of the way to the appointment, into working hours (staff act while the office
  // is open); false when that is past the plan's end.
  bool AdvanceTowards(const DossierState& state, double fraction) {
    const auto span = *state.due_at - clock_.Now();
    clock_.Advance(std::chrono::duration_cast<std::chrono::seconds>(span * fraction) + std::chrono::minutes(1));
    clock_.Set(ToInstant(calendar_.NextWorkingMoment(ToLocal(clock_.Now()))));
    return clock_.Now() <= plan_.end;
  }

  Result<void> Act(const std::string& code, EventPayload payload, const std::string& role) {
    const std::string user = role == "leader"         ? "lanh.dao"
                             : role == "citizen"      ? "cong.dan"
                             : role == "receptionist" ? "tiep.nhan"
                                                      : "chuyen.vien";
    auto state = lifecycle_.Record(code, std::move(payload), {user, role, role == "citizen" ? "" : plan_.unit});
    if (!state) return Fail(state.error());
    ++summary_.events;
    return {};
  }

  Result<void> Finish(const DossierState& state, double fraction) {
    if (!AdvanceTowards(state, fraction)) return {};  // still in progress at the end of the plan
    if (auto ok = Act(state.code, ResultApproved{"Kết quả giải quyết", "lanh.dao"}, "leader"); !ok) return ok;
    if (!AdvanceTowards(state, 0.05)) return {};
    if (auto ok = Act(state.code, ResultReturned{ReturnMethod::kCounter, ""}, "receptionist"); !ok) return ok;
    return Act(state.code, Evaluated{4 + static_cast<int>(random_() % 2), ""}, "citizen");
  }

  // At the counter, right after reception: the components scanned (most dossiers) and the fee collected (a
  // third of them, half of those paid online), as the reports and the 766 index count them.
  Result<void> CounterWork(const DossierState& state) {
    if (random_() % 10 < 9) {
      if (auto ok = Act(state.code, Digitized{1, "scan/" + state.code + "-1.pdf"}, "receptionist"); !ok) return ok;
    }
    if (random_() % 3 != 0) return {};
    if (auto ok = Act(state.code, FeeAssessed{Money::Dong(10000), "Lệ phí"}, "receptionist"); !ok) return ok;
    const bool online = random_() % 2 == 0;
    return Act(state.code, FeePaid{Money::Dong(10000), online ? PaymentMethod::kOnline : PaymentMethod::kCounter, ""},
               online ? "citizen" : "receptionist");
  }

  Result<void> PlayOutcome(const DossierState& state) {
    const unsigned roll = random_() % 100;
    if (auto ok = CounterWork(state); !ok) return ok;
    if (auto ok = Act(state.code, StepAssigned{"Thẩm định", "specialist", plan_.agency_id, "chuyen.vien"}, "leader");
        !ok) {
      return ok;
    }
    if (roll < 70) return Finish(state, 0.4 + (random_() % 40) / 100.0);  // early
    if (roll < 76) return Finish(state, 0.97);                            // on the appointment day
    if (roll < 82) {
      if (!AdvanceTowards(state, 0.3)) return {};
      return Act(state.code, SupplementRequested{"Thiếu giấy tờ", {"Bản sao giấy tờ chứng minh"}}, "specialist");
    }
    if (roll < 86) {
      if (!AdvanceTowards(state, 0.2)) return {};
      return Act(state.code, Withdrawn{"Người nộp xin rút"}, "receptionist");
    }
    if (roll < 89) {
      if (!AdvanceTowards(state, 0.1)) return {};
      return Act(state.code, Cancelled{"Nhập trùng"}, "receptionist");
    }
    if (roll < 92) {
      if (!AdvanceTowards(state, 0.8)) return {};
      return Act(state.code, Extended{"Cần xác minh thêm", *state.due_at + std::chrono::days(3)}, "leader");
    }
    return {};  // in progress
  }

  FixedClock clock_;
  DossierLifecycle lifecycle_;
  const WorkCalendar& calendar_;
  const DemoPlan& plan_;
  std::mt19937 random_;
  DemoSummary summary_;
  int intakes_ = 0;
};

}  // namespace

Result<DemoSummary> CreateDemoDossiers(store::Store& store, const WorkCalendar& calendar,
                                       const LifecycleSettings& settings, const DemoPlan& plan) {
  auto procedures = DemoProcedures(store);
  if (!procedures) return Fail(procedures.error());
  if (auto saved = store.SaveAgency({plan.agency_id, plan.agency_name, plan.unit}); !saved) return Fail(saved.error());
  if (auto saved = store.SaveReceivingPoint({plan.point_id, plan.point_name, plan.unit, plan.agency_id, ""}); !saved) {
    return Fail(saved.error());
  }
  DemoRun run(store, calendar, settings, plan);
  return run.Run(*procedures, calendar);
}

}  // namespace motcua::app
