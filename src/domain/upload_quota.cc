#include "domain/upload_quota.h"

#include <algorithm>
#include <vector>

namespace motcua {

std::int64_t QuotaBytesOf(Role role, const UploadQuota& quota) {
  return role == Role::kCitizen ? quota.citizen_bytes : quota.staff_bytes;
}

std::chrono::seconds UploadQuotaWait(std::span<const UploadSize> recent, std::int64_t quota_bytes, std::int64_t size,
                                     Instant now, std::chrono::seconds window) {
  if (size > quota_bytes) return window;
  std::vector<UploadSize> inside;
  for (const UploadSize& upload : recent) {
    if (upload.at > now - window && upload.at <= now) inside.push_back(upload);
  }
  std::int64_t used = 0;
  for (const UploadSize& upload : inside) used += upload.size;
  if (used + size <= quota_bytes) return std::chrono::seconds(0);
  // The oldest leave the window first: wait until enough of them have.
  std::ranges::sort(inside, {}, &UploadSize::at);
  for (const UploadSize& upload : inside) {
    used -= upload.size;
    if (used + size <= quota_bytes) return upload.at + window - now;
  }
  return window;  // unreachable: with every upload gone, size <= quota_bytes fits
}

}  // namespace motcua
