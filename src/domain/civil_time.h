#pragma once
// Instants and local civil time in Viet Nam.
//
// An Instant is a point on the UTC time line (what the store keeps). LocalTime is wall-clock time in
// Asia/Ho_Chi_Minh, which the work calendar and the law reason in. Viet Nam has kept UTC+07:00 without
// daylight saving since 13 June 1975, so the conversion is a fixed offset for every date this system
// handles; keeping it in one place lets a future zone database replace it.
// Parsing and formatting are pure functions; nothing here reads the system clock.
#include <chrono>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua {

using Instant = std::chrono::sys_seconds;
using LocalTime = std::chrono::local_seconds;
using LocalDate = std::chrono::local_days;

inline constexpr std::chrono::seconds kVietnamUtcOffset = std::chrono::hours(7);

inline LocalTime ToLocal(Instant instant) { return LocalTime(instant.time_since_epoch() + kVietnamUtcOffset); }
inline Instant ToInstant(LocalTime local) { return Instant(local.time_since_epoch() - kVietnamUtcOffset); }

// Parses "2026-01-09T16:59:00+07:00", "2026-01-09T09:59:00Z", "2026-01-09T16:59" (local time assumed),
// "2026-01-09 16:59:00" or a bare date "2026-01-09" (00:00 local). Seconds are optional; fractions are
// rejected, and so is a moment whose Viet Nam date falls outside the years 0000–9999, so that every instant
// read can be written back by FormatIsoLocal and read again. Errors name `field` and explain what is expected.
Result<Instant> ParseIsoInstant(std::string_view text, std::string_view field);

// Parses a calendar date "YYYY-MM-DD", checking that the day exists.
Result<LocalDate> ParseIsoDate(std::string_view text, std::string_view field);

// "2026-01-12T07:30:00+07:00": the instant shown in Viet Nam time.
std::string FormatIsoLocal(Instant instant);

// "2026-01-12".
std::string FormatIsoDate(LocalDate date);

}  // namespace motcua
