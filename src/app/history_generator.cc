#include "app/history_generator.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>

#include "app/dossier_lifecycle.h"

namespace motcua::app {
namespace {

using std::chrono::days;
using std::chrono::minutes;

constexpr std::array<const char*, 12> kFamilyNames = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ",
                                                      "Đặng",   "Bùi",  "Đỗ", "Hồ",   "Ngô",   "Nông"};
constexpr std::array<const char*, 12> kGivenNames = {"Văn An",   "Thị Bình", "Văn Cường", "Thị Dung",
                                                     "Văn Hùng", "Thị Lan",  "Minh Tuấn", "Thị Hoa",
                                                     "Đức Long", "Thị Mai",  "Văn Thắng", "Thị Yến"};

// A procedure the generator can receive, with the channels on which the catalogue gives a processing time.
struct Offer {
  Procedure procedure;
  std::vector<Channel> channels;  // always direct first
};

// Where a commune's dossiers are received and who works there.
struct Desk {
  std::string unit;
  std::string agency_id;
  std::string point_id;
  unsigned weight = 1;  // share of the province's dossiers
};

bool HasWorkingDayTime(const Procedure& procedure, Channel channel) {
  auto time = ProcessingTimeFor(procedure, channel);
  return time && time->second == TimeUnit::kWorkingDay && time->first >= 1 && time->first <= 30;
}

// Up to `limit` procedures of `level` whose catalogue entry gives a direct processing time in working days.
Result<std::vector<Offer>> OffersAt(store::Store& store, const std::vector<Procedure>& all, const char* level,
                                    std::size_t limit) {
  std::vector<Offer> offers;
  for (const Procedure& header : all) {
    if (offers.size() >= limit) break;
    if (!header.HasLevel(level)) continue;
    auto full = store.FindProcedure(header.code);
    if (!full) return Fail(full.error());
    if (!*full || !HasWorkingDayTime(**full, Channel::kDirect)) continue;
    Offer offer{std::move(**full), {Channel::kDirect}};
    for (Channel c : {Channel::kOnline, Channel::kPostal}) {
      const bool offered = std::ranges::find(offer.procedure.channels, c) != offer.procedure.channels.end();
      if (offered && HasWorkingDayTime(offer.procedure, c)) offer.channels.push_back(c);
    }
    offers.push_back(std::move(offer));
  }
  if (offers.empty()) {
    return Fail(Error::NotFound("procedures", std::string("danh mục không có thủ tục cấp ") + level + " phù hợp",
                                std::string("the catalogue has no suitable procedure of level ") + level));
  }
  return offers;
}

std::string AgencyIdOf(const std::string& unit, const std::string& province) {
  return "000.00." + unit + ".H" + province;
}

Result<Desk> RegisterDesk(store::Store& store, const std::string& unit, const std::string& name,
                          const std::string& province, unsigned weight) {
  Desk desk{unit, AgencyIdOf(unit, province), unit + "-ttpvhcc", weight};
  if (auto ok = store.SaveAgency({desk.agency_id, "Ủy ban nhân dân " + name, unit}); !ok) return Fail(ok.error());
  if (auto ok = store.SaveReceivingPoint(
          {desk.point_id, "Trung tâm Phục vụ hành chính công " + name, unit, desk.agency_id, ""});
      !ok) {
    return Fail(ok.error());
  }
  return desk;
}

// The working days in the plan's span, oldest first: receptions fall on them only.
std::vector<LocalDate> WorkingDays(const WorkCalendar& calendar, const HistoryPlan& plan) {
  const LocalDate last = std::chrono::floor<days>(ToLocal(plan.end)) - days(1);
  const LocalDate first = last - days(365 * plan.years - 1);
  std::vector<LocalDate> result;
  for (LocalDate day = first; day <= last; day += days(1)) {
    if (calendar.IsWorkingDay(day)) result.push_back(day);
  }
  return result;
}

class HistoryRun {
 public:
  HistoryRun(store::Store& store, const WorkCalendar& calendar, const LifecycleSettings& settings,
             const HistoryPlan& plan)
      : store_(store),
        clock_(plan.end),
        lifecycle_(store, clock_, calendar, settings),
        calendar_(calendar),
        plan_(plan),
        random_(plan.seed) {}

  Result<HistorySummary> Run(std::vector<Desk> desks, Desk province_desk, std::vector<Offer> commune_offers,
                             std::vector<Offer> provincial_offers) {
    desks_ = std::move(desks);
    province_desk_ = std::move(province_desk);
    commune_offers_ = std::move(commune_offers);
    provincial_offers_ = std::move(provincial_offers);
    for (const Desk& desk : desks_) desk_picks_.insert(desk_picks_.end(), desk.weight, &desk);
    days_ = WorkingDays(calendar_, plan_);
    summary_.communes = desks_.size();
    for (std::size_t made = 0; made < plan_.dossiers;) {
      const std::size_t until = std::min(plan_.dossiers, made + plan_.batch);
      auto batch = store_.InOneTransaction([&]() -> Result<void> {
        for (; made < until; ++made) {
          if (auto ok = OneDossier(made); !ok) return ok;
        }
        return {};
      });
      if (!batch) return Fail(batch.error());
      if (plan_.progress) plan_.progress(summary_.dossiers, summary_.events);
    }
    return summary_;
  }

 private:
  unsigned Roll(unsigned below) { return static_cast<unsigned>(random_() % below); }

  // The i-th reception: days in order, so that the history grows as a real one does.
  Instant ReceptionMoment(std::size_t i) {
    const std::size_t day = i * days_.size() / plan_.dossiers;
    const unsigned working_minute = Roll(480);  // 8 working hours: 07:30–11:30, 13:00–17:00
    const minutes since_midnight =
        working_minute < 240 ? minutes(450 + working_minute) : minutes(780 + working_minute - 240);
    return ToInstant(LocalTime(days_[day]) + since_midnight);
  }

  std::string CitizenId() {
    // Birth registered in one of the 63 pre-2025 provinces (001..096 with gaps: 001 and 002 are both valid),
    // born 1950–2005.
    static constexpr std::array<const char*, 6> kBirthProvinces = {"001", "004", "006", "008", "025", "079"};
    const int year = 50 + static_cast<int>(Roll(56));
    const int century_gender = (year >= 100 ? 2 : 0) + static_cast<int>(Roll(2));
    char digits[16];
    std::snprintf(digits, sizeof digits, "%s%d%02d%06u", kBirthProvinces[Roll(kBirthProvinces.size())], century_gender,
                  year % 100, Roll(1000000));
    return digits;
  }

  Applicant NewApplicant() {
    // One applicant in ten comes back: their dossiers share a citizen ID, as a family's or a business's do.
    if (!returning_.empty() && Roll(10) == 0) return returning_[Roll(static_cast<unsigned>(returning_.size()))];
    Applicant a{std::string(kFamilyNames[Roll(kFamilyNames.size())]) + " " + kGivenNames[Roll(kGivenNames.size())],
                CitizenId(),
                "09" + std::to_string(10000000 + Roll(89999999)),
                "",
                "",
                ""};
    if (returning_.size() < 5000) returning_.push_back(a);
    return a;
  }

  Channel PickChannel(const Offer& offer) {
    const unsigned roll = Roll(1000);
    auto offered = [&](Channel c) { return std::ranges::find(offer.channels, c) != offer.channels.end(); };
    if (roll < 12 && offered(Channel::kPostal)) return Channel::kPostal;  // 1.2 % by post
    if (roll < 462 && offered(Channel::kOnline)) return Channel::kOnline;
    return Channel::kDirect;
  }

  // Nearly half the dossiers are received across boundaries: a provincial procedure at a commune's point
  // (Decree 118/2025/ND-CP), or, more rarely, a neighbouring commune's.
  IntakeCommand Intake(const Desk& desk) {
    const unsigned roll = Roll(100);
    const bool provincial = roll < 44;
    const Desk& competent = provincial ? province_desk_ : roll < 49 ? *desk_picks_[Roll(desk_picks_.size())] : desk;
    const auto& offers = provincial ? provincial_offers_ : commune_offers_;
    const Offer& offer = offers[Roll(static_cast<unsigned>(offers.size()))];
    IntakeCommand c;
    c.procedure_code = offer.procedure.code;
    c.channel = PickChannel(offer);
    c.applicant = NewApplicant();
    for (const DossierComponent& item : offer.procedure.components) {
      c.components.push_back({item.seq, item.document, item.originals, item.copies});
    }
    c.receiving_unit = desk.unit;
    c.receiving_point = desk.point_id;
    c.agency_id = desk.agency_id;
    c.competent_agency = competent.agency_id;
    c.competent_unit = competent.unit;
    c.actor = Staff(desk.unit, "receptionist");
    return c;
  }

  static Actor Staff(const std::string& unit, const char* role, int number = 1) {
    const std::string prefix = std::string(role) == "receptionist" ? "tn."
                               : std::string(role) == "leader"     ? "ld."
                                                                   : "cv.";
    return {prefix + unit + "." + std::to_string(number), role, unit};
  }

  Result<DossierState> Receive(const IntakeCommand& intake, Instant at) {
    if (intake.channel == Channel::kDirect) {
      clock_.Set(at);
      return lifecycle_.Receive(intake);
    }
    // Online and postal dossiers arrive earlier, at any hour (online at night, on a Sunday), and are accepted
    // at the counter's next working moment.
    clock_.Set(at - minutes(30 + Roll(60 * 40)));
    IntakeCommand submission = intake;
    submission.actor = {"cd." + intake.applicant.citizen_id, "citizen", ""};
    auto submitted = lifecycle_.Submit(submission);
    if (!submitted) return submitted;
    ++summary_.events;
    clock_.Set(ToInstant(calendar_.NextWorkingMoment(ToLocal(std::max(at, clock_.Now() + minutes(5))))));
    return lifecycle_.Accept(submitted->code, intake.receiving_point, intake.actor);
  }

  Result<void> OneDossier(std::size_t i) {
    const Desk& desk = *desk_picks_[Roll(static_cast<unsigned>(desk_picks_.size()))];
    IntakeCommand intake = Intake(desk);
    auto state = Receive(intake, ReceptionMoment(i));
    if (!state) return Fail(state.error());
    ++summary_.dossiers;
    ++summary_.events;
    const std::string& decider = intake.competent_unit;
    desk_unit_ = desk.unit;
    decider_unit_ = decider;
    if (auto ok = CounterWork(*state); !ok) return ok;
    const bool open = !PlayOutcome(*state);
    if (open) ++summary_.open_at_end;
    return last_failure_ ? Fail(*std::exchange(last_failure_, std::nullopt)) : Result<void>{};
  }

  // Records an event at the clock's moment; false (with last_failure_ set) when the use case refuses it.
  bool Act(const std::string& code, EventPayload payload, const Actor& actor) {
    auto state = lifecycle_.Record(code, std::move(payload), actor);
    if (!state) {
      last_failure_ = state.error();
      return false;
    }
    ++summary_.events;
    last_state_ = std::move(*state);
    return true;
  }

  // Moves the clock `fraction` of the way from now to the current appointment, into working hours; false when
  // that is after the history's end (the dossier stays as it is: in progress).
  bool AdvanceTowards(Instant due, double fraction) {
    const auto span = std::max(due - clock_.Now(), std::chrono::sys_seconds::duration(0));
    clock_.Advance(std::chrono::duration_cast<std::chrono::seconds>(span * fraction) + minutes(1 + Roll(30)));
    clock_.Set(ToInstant(calendar_.NextWorkingMoment(ToLocal(clock_.Now()))));
    return clock_.Now() <= plan_.end;
  }

  // At the counter, right after reception: nearly every component scanned; a third of the dossiers owe a fee,
  // most of it paid online.
  Result<void> CounterWork(const DossierState& state) {
    const Actor receptionist = Staff(desk_unit_, "receptionist");
    if (Roll(1000) < 996 && !Act(state.code, Digitized{1, "scan/" + state.code + "-1.pdf"}, receptionist)) {
      return Fail(*last_failure_);
    }
    if (Roll(100) >= 35) return {};
    const Money fee = Money::Dong(10000 * (1 + Roll(10)));
    if (!Act(state.code, FeeAssessed{fee, "Lệ phí"}, receptionist)) return Fail(*last_failure_);
    const bool online = Roll(100) < 83;
    const Actor payer = online ? Actor{"cd." + state.applicant.citizen_id, "citizen", ""} : receptionist;
    if (!Act(state.code, FeePaid{fee, online ? PaymentMethod::kOnline : PaymentMethod::kCounter, ""}, payer)) {
      return Fail(*last_failure_);
    }
    return {};
  }

  // Approves, returns (1.2 % by post) and, for most, records the citizen's rating. False when the history ends
  // first.
  bool Finish(const std::string& code, Instant due, double fraction) {
    if (!AdvanceTowards(due, fraction)) return false;
    if (!Act(code, ResultApproved{"Kết quả giải quyết", leader_.user}, leader_)) return false;
    if (Roll(10) < 9 && !Act(code, Digitized{-1, "result/" + code + ".pdf"}, specialist_)) return false;
    if (!AdvanceTowards(due, 0.02)) return false;
    const bool by_post = Roll(1000) < 12;
    const Actor receptionist = Staff(desk_unit_, "receptionist");
    if (!Act(code, ResultReturned{by_post ? ReturnMethod::kPost : ReturnMethod::kCounter, ""}, receptionist)) {
      return false;
    }
    if (Roll(10) < 7) {
      const unsigned r = Roll(100);
      const int score = r < 80 ? 5 : r < 95 ? 4 : r < 99 ? 3 : 2;
      Act(code, Evaluated{score, ""}, {"cd." + last_state_.applicant.citizen_id, "citizen", ""});
    }
    return true;
  }

  bool Close(const std::string& code, Instant due, double fraction, EventPayload payload, const Actor& actor) {
    if (!AdvanceTowards(due, fraction)) return false;
    return Act(code, std::move(payload), actor);
  }

  // Plays the dossier's outcome (proportions of the Đông Khê report, DESIGN.md §2); false when it is still open
  // at the history's end, or an event was refused (last_failure_).
  bool PlayOutcome(const DossierState& state) {
    specialist_ = Staff(decider_unit_, "specialist", 1 + static_cast<int>(Roll(3)));
    leader_ = Staff(decider_unit_, "leader");
    const std::string& code = state.code;
    const Instant due = *state.due_at;
    if (!Act(code, StepAssigned{"Thẩm định", "specialist", state.competent_agency, specialist_.user}, leader_)) {
      return false;
    }
    const unsigned roll = Roll(1000);
    const Actor receptionist = Staff(desk_unit_, "receptionist");
    if (roll < 13) return Close(code, due, 0.1, Cancelled{"Nhập trùng hồ sơ"}, receptionist);
    if (roll < 20) return Close(code, due, 0.2, Withdrawn{"Người nộp xin rút hồ sơ"}, receptionist);
    if (roll < 65) {
      return Close(code, due, 0.5, Refused{"Không đủ điều kiện giải quyết"}, leader_) &&
             Close(code, due, 0.05, ResultReturned{ReturnMethod::kCounter, "Trả văn bản từ chối"}, receptionist);
    }
    if (roll < 125) return Supplement(code, due);
    if (roll < 135) return Extend(code, due);
    if (roll < 145) return Finish(code, due, 1.3 + Roll(50) / 100.0);     // late
    if (roll < 295) return Finish(code, due, 0.985 + Roll(10) / 1000.0);  // on the appointment day
    return Finish(code, due, 0.2 + Roll(60) / 100.0);                     // early
  }

  bool Supplement(const std::string& code, Instant due) {
    if (!Close(code, due, 0.3, SupplementRequested{"Thiếu giấy tờ", {"Bản sao giấy tờ chứng minh"}}, specialist_)) {
      return false;
    }
    // One in six never brings the paper: after three weeks the dossier is returned as not supplemented.
    if (Roll(6) == 0) {
      clock_.Advance(days(21));
      return clock_.Now() <= plan_.end &&
             Act(code, Refused{"Không bổ sung hồ sơ trong thời hạn", RefusalKind::kNotSupplemented}, leader_);
    }
    clock_.Advance(days(1 + Roll(5)));
    clock_.Set(ToInstant(calendar_.NextWorkingMoment(ToLocal(clock_.Now()))));
    if (clock_.Now() > plan_.end) return false;
    if (!Act(code, Supplemented{{{1, "Bản sao giấy tờ chứng minh", 0, 1}}, {}}, Staff(desk_unit_, "receptionist"))) {
      return false;
    }
    return Finish(code, *last_state_.due_at, 0.3 + Roll(50) / 100.0);
  }

  // An apology slip the day before the appointment, with a new date five working days on; resolved by then.
  bool Extend(const std::string& code, Instant due) {
    if (!AdvanceTowards(due, 0.9)) return false;
    auto later = calendar_.Add(ToLocal(due), 5, TimeUnit::kWorkingDay);
    if (!later) {
      last_failure_ = later.error();
      return false;
    }
    const Instant new_due = ToInstant(*later);
    if (!Act(code, Extended{"Cần xác minh thêm thông tin", new_due}, leader_)) return false;
    return Finish(code, new_due, 0.6);
  }

  store::Store& store_;
  FixedClock clock_;
  DossierLifecycle lifecycle_;
  const WorkCalendar& calendar_;
  const HistoryPlan& plan_;
  std::mt19937_64 random_;
  std::vector<Desk> desks_;
  Desk province_desk_;
  std::vector<const Desk*> desk_picks_;  // each desk `weight` times
  std::vector<Offer> commune_offers_, provincial_offers_;
  std::vector<LocalDate> days_;
  std::vector<Applicant> returning_;
  HistorySummary summary_;
  // The dossier being played.
  std::string desk_unit_, decider_unit_;
  Actor specialist_, leader_;
  DossierState last_state_;
  std::optional<Error> last_failure_;
};

Result<void> CheckPlan(const HistoryPlan& plan) {
  if (plan.dossiers == 0) {
    return Fail(
        Error::InvalidArgument("dossiers", "số hồ sơ phải lớn hơn 0", "the number of dossiers must be above 0"));
  }
  if (plan.years < 1 || plan.years > 30) {
    return Fail(Error::InvalidArgument("years", "số năm phải từ 1 đến 30", "years must be 1 to 30"));
  }
  return {};
}

}  // namespace

Result<HistorySummary> GenerateHistory(store::Store& store, const WorkCalendar& calendar,
                                       const LifecycleSettings& settings, const HistoryPlan& plan) {
  if (auto ok = CheckPlan(plan); !ok) return Fail(ok.error());
  auto province = store.FindProvince(plan.province);
  if (!province) return Fail(province.error());
  auto communes = store.CommunesOfProvince(plan.province);
  if (!communes) return Fail(communes.error());
  if (!*province || communes->empty()) {
    return Fail(Error::InvalidArgument("province", "không có tỉnh mã '" + plan.province + "'",
                                       "no province has code '" + plan.province + "'"));
  }
  std::mt19937 weights(plan.seed);
  std::vector<Desk> desks;
  for (const Commune& commune : *communes) {
    auto desk = RegisterDesk(store, commune.code, commune.name, plan.province, 1 + weights() % 4);
    if (!desk) return Fail(desk.error());
    desks.push_back(std::move(*desk));
  }
  auto province_desk = RegisterDesk(store, plan.province, (*province)->name, plan.province, 0);
  if (!province_desk) return Fail(province_desk.error());
  auto all = store.ListProcedures();
  if (!all) return Fail(all.error());
  auto commune_offers = OffersAt(store, *all, "commune", 40);
  if (!commune_offers) return Fail(commune_offers.error());
  auto provincial_offers = OffersAt(store, *all, "province", 40);
  if (!provincial_offers) return Fail(provincial_offers.error());
  HistoryRun run(store, calendar, settings, plan);
  return run.Run(std::move(desks), std::move(*province_desk), std::move(*commune_offers),
                 std::move(*provincial_offers));
}

}  // namespace motcua::app
