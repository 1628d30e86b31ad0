#pragma once
// A province's own settings for a procedure of the national catalogue, kept beside it rather than in it (a
// reload of the catalogue never overwrites them): the processing time per channel, the internal workflow, and
// whether it is received boundaryless. The national catalogue often gives no processing time (birth
// registration 1.001193 has none) and provinces shorten the national times by decision of the Provincial
// People's Committee; Decree 118/2025/ND-CP leaves the internal workflow (the electronic process of each
// procedure, its steps, who does them and their share of the time) to the province, and Circular 03/2025/TT-VPCP
// budgets each step in working hours. Pure values and validation; safe to share between threads.
#include <optional>
#include <string>
#include <vector>

#include "domain/account.h"
#include "domain/civil_time.h"
#include "domain/error.h"
#include "domain/procedure.h"
#include "domain/time_unit.h"

namespace motcua {

// The processing time the province sets for one channel.
struct ChannelTime {
  Channel channel = Channel::kDirect;
  double amount = 0;  // > 0, at most kMaxSettingAmount
  TimeUnit unit = TimeUnit::kWorkingDay;
};

// One step of the internal workflow, in order: what it is, which role does it, and its share of the processing
// time in percent (the return step takes none: Circular 03/2025/TT-VPCP).
struct WorkflowStep {
  std::string name;               // e.g. "Thẩm định hồ sơ"; 1..300 bytes, not blank
  Role role = Role::kSpecialist;  // receptionist, specialist or leader
  int share_percent = 0;          // 0..100; the shares of all steps add up to 100
};

struct ProcedureSettings {
  std::string procedure_code;
  std::vector<ChannelTime> processing_times;  // at most one per channel
  std::vector<WorkflowStep> steps;            // in order; empty = no workflow set
  // Unset: the province has not said (boundaryless reception stays allowed, as before any setting); false: a
  // dossier of this procedure is received only in the unit of its competent agency.
  std::optional<bool> boundaryless;
  std::string updated_by;  // the administrator's login
  Instant updated_at{};
};

inline constexpr double kMaxSettingAmount = 3650;  // ten years of days, as the intake's stated time
inline constexpr std::size_t kMaxWorkflowSteps = 20;
inline constexpr std::size_t kMaxStepNameBytes = 300;

// The settings' own consistency: amounts in (0, kMaxSettingAmount] ("processing_times[i].amount"), one entry
// per channel ("processing_times[i].channel"), at most kMaxWorkflowSteps steps ("steps"), each named
// ("steps[i].name"), done by a receptionist, specialist or leader ("steps[i].role"), shares in 0..100 adding up
// to 100 ("steps"). Whether the procedure exists is the caller's to check. InvalidArgument naming the field.
Result<void> ValidateProcedureSettings(const ProcedureSettings& settings);

// The time set for `channel`, if any.
std::optional<ChannelTime> SettingTimeFor(const ProcedureSettings& settings, Channel channel);

}  // namespace motcua
