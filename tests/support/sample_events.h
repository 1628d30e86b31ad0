#pragma once
// Dossier events for store tests: a direct reception at Đông Khê commune (Cao Bằng) of a birth registration,
// and an event of any payload at a given local time.
#include <string>
#include <string_view>

#include "domain/civil_time.h"
#include "domain/dossier_event.h"

namespace motcua::test_support {

inline Instant At(std::string_view text) { return ParseIsoInstant(text, "t").value(); }

inline Applicant SomeApplicant() {
  return {"Nguyễn Thị Hoa", "001190012345", "0912345678", "hoa@example.vn", "Số 5, thôn Đông", ""};
}

inline Received SomeReceived() {
  Received r;
  r.procedure_code = "1.001193";
  r.channel = Channel::kDirect;
  r.applicant = SomeApplicant();
  r.components = {{1, "Tờ khai đăng ký khai sinh", 1, 0}, {2, "Giấy chứng sinh", 1, 1}};
  r.receiving_unit = "04006";
  r.receiving_point = "TTPVHCC xã Đông Khê";
  r.competent_agency = "UBND xã Đông Khê";
  r.competent_unit = "04006";
  r.processing_amount = 3;
  r.processing_unit = TimeUnit::kWorkingDay;
  r.clock_started_at = At("2026-01-12T08:00:00+07:00");
  r.due_at = At("2026-01-15T08:00:00+07:00");
  return r;
}

inline DossierEvent Event(EventPayload payload, std::string_view when, std::string code) {
  DossierEvent e;
  e.dossier_code = std::move(code);
  e.payload = std::move(payload);
  e.actor = {"tiepnhan01", "receptionist", "04006"};
  e.occurred_at = At(when);
  e.recorded_at = At(when);
  return e;
}

}  // namespace motcua::test_support
