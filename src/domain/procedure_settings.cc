#include "domain/procedure_settings.h"

#include <algorithm>

namespace motcua {
namespace {

Error Invalid(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

std::string Indexed(const char* name, std::size_t i, const char* field) {
  return std::string(name) + "[" + std::to_string(i) + "]." + field;
}

bool Blank(const std::string& text) {
  return std::ranges::all_of(text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Result<void> CheckTimes(const std::vector<ChannelTime>& times) {
  for (std::size_t i = 0; i < times.size(); ++i) {
    const ChannelTime& t = times[i];
    if (!(t.amount > 0) || t.amount > kMaxSettingAmount) {
      return Fail(Invalid(Indexed("processing_times", i, "amount"), "thời hạn phải lớn hơn 0 và không quá 3650",
                          "the time must be greater than 0 and at most 3650"));
    }
    const auto same = [&](const ChannelTime& other) { return other.channel == t.channel; };
    if (std::count_if(times.begin(), times.begin() + static_cast<std::ptrdiff_t>(i), same) > 0) {
      return Fail(Invalid(Indexed("processing_times", i, "channel"),
                          "kênh " + std::string(ChannelName(t.channel)) + " được khai báo hai lần",
                          "channel " + std::string(ChannelName(t.channel)) + " is given twice"));
    }
  }
  return {};
}

Result<void> CheckStep(const WorkflowStep& step, std::size_t i) {
  if (step.name.empty() || Blank(step.name) || step.name.size() > kMaxStepNameBytes) {
    return Fail(Invalid(Indexed("steps", i, "name"), "mỗi bước phải có tên (tối đa 300 byte)",
                        "every step needs a name (at most 300 bytes)"));
  }
  if (step.role != Role::kReceptionist && step.role != Role::kSpecialist && step.role != Role::kLeader) {
    return Fail(Invalid(Indexed("steps", i, "role"), "bước do cán bộ tiếp nhận, chuyên viên hoặc lãnh đạo thực hiện",
                        "a step is done by a receptionist, a specialist or a leader"));
  }
  if (step.share_percent < 0 || step.share_percent > 100) {
    return Fail(Invalid(Indexed("steps", i, "share_percent"), "tỷ lệ thời gian từ 0 đến 100",
                        "the share of time is from 0 to 100"));
  }
  return {};
}

Result<void> CheckSteps(const std::vector<WorkflowStep>& steps) {
  if (steps.size() > kMaxWorkflowSteps) {
    return Fail(Invalid("steps", "quy trình có tối đa 20 bước", "a workflow has at most 20 steps"));
  }
  int total = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (auto ok = CheckStep(steps[i], i); !ok) return ok;
    total += steps[i].share_percent;
  }
  if (!steps.empty() && total != 100) {
    return Fail(
        Invalid("steps", "tổng tỷ lệ thời gian của các bước phải là 100% (đang là " + std::to_string(total) + "%)",
                "the steps' shares of time must add up to 100% (they add up to " + std::to_string(total) + "%)"));
  }
  return {};
}

}  // namespace

Result<void> ValidateProcedureSettings(const ProcedureSettings& settings) {
  if (auto ok = CheckTimes(settings.processing_times); !ok) return ok;
  return CheckSteps(settings.steps);
}

std::optional<ChannelTime> SettingTimeFor(const ProcedureSettings& settings, Channel channel) {
  for (const ChannelTime& t : settings.processing_times) {
    if (t.channel == channel) return t;
  }
  return std::nullopt;
}

}  // namespace motcua
