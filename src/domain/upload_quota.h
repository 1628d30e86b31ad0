#pragma once
// How much an account may upload: a rolling window (24 hours) of bytes per account, larger for staff scanning at
// a counter than for a citizen attaching files to an online submission. Without it one account — a citizen's,
// or a stolen token — could fill the disk of a commune's only PC with 20 MiB files; with it a day's abuse is
// bounded and the clerk's normal day is untouched (300 dossiers of 5 MB scans is 1.5 GB, under the staff
// default). Pure functions and values; safe to share between threads.
#include <chrono>
#include <cstdint>
#include <span>

#include "domain/account.h"
#include "domain/civil_time.h"

namespace motcua {

struct UploadQuota {
  std::int64_t citizen_bytes = std::int64_t{200} << 20;  // 200 MiB a day: ten large scans and many small ones
  std::int64_t staff_bytes = std::int64_t{4} << 30;      // 4 GiB a day
  std::chrono::seconds window = std::chrono::hours(24);
};

// The bytes `role` may upload within one window.
std::int64_t QuotaBytesOf(Role role, const UploadQuota& quota);

// An upload already made: its size and when.
struct UploadSize {
  std::int64_t size = 0;
  Instant at{};
};

// How long the account must wait before `size` more bytes fit its quota at `now`, given its uploads `recent`
// (any order; those outside the window are ignored): zero when they fit now, else the time until enough of them
// have left the window. An upload larger than the whole quota never fits: the wait is the whole window.
std::chrono::seconds UploadQuotaWait(std::span<const UploadSize> recent, std::int64_t quota_bytes, std::int64_t size,
                                     Instant now, std::chrono::seconds window);

}  // namespace motcua
