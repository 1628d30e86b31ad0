// How much an account may upload in a day (domain/upload_quota.h): the window, the boundaries, and the wait
// until enough of the day's uploads have left it.
#include "domain/upload_quota.h"

#include <gtest/gtest.h>

#include <vector>

namespace motcua {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::int64_t kMiB = 1 << 20;
const Instant kNow = ParseIsoInstant("2026-03-10T09:00:00+07:00", "test").value();
constexpr seconds kDay = hours(24);

TEST(UploadQuotaTest, CitizensGetLessThanStaff) {
  const UploadQuota quota;
  EXPECT_EQ(QuotaBytesOf(Role::kCitizen, quota), 200 * kMiB);
  for (Role staff : {Role::kReceptionist, Role::kSpecialist, Role::kLeader}) {
    EXPECT_EQ(QuotaBytesOf(staff, quota), 4096 * kMiB) << RoleName(staff);
  }
}

TEST(UploadQuotaTest, AnUploadFitsWhileTheDayHasRoom) {
  const std::vector<UploadSize> recent = {{60 * kMiB, kNow - hours(3)}, {20 * kMiB, kNow - minutes(5)}};
  EXPECT_EQ(UploadQuotaWait(recent, 100 * kMiB, 20 * kMiB, kNow, kDay), seconds(0));  // exactly full is allowed
  EXPECT_EQ(UploadQuotaWait({}, 100 * kMiB, 100 * kMiB, kNow, kDay), seconds(0));
}

TEST(UploadQuotaTest, AFullDayWaitsForTheOldestUploadsToLeaveTheWindow) {
  // Out of order on purpose: the wait follows time, not the order given.
  const std::vector<UploadSize> recent = {
      {30 * kMiB, kNow - hours(1)}, {50 * kMiB, kNow - hours(20)}, {20 * kMiB, kNow - hours(10)}};
  // 100 MiB used; 10 more need the 20-hour-old 50 MiB to leave: in 4 hours.
  EXPECT_EQ(UploadQuotaWait(recent, 100 * kMiB, 10 * kMiB, kNow, kDay), hours(4));
  // 60 more need 60 MiB gone: the 50 MiB and the 20 MiB of 10 hours ago, in 14 hours.
  EXPECT_EQ(UploadQuotaWait(recent, 100 * kMiB, 60 * kMiB, kNow, kDay), hours(14));
}

TEST(UploadQuotaTest, UploadsOutsideTheWindowDoNotCount) {
  const std::vector<UploadSize> recent = {
      {90 * kMiB, kNow - kDay},               // exactly a day ago: already out
      {90 * kMiB, kNow - kDay - seconds(1)},  // older
      {90 * kMiB, kNow + minutes(1)},         // a clock set back: not counted against the account
  };
  EXPECT_EQ(UploadQuotaWait(recent, 100 * kMiB, 100 * kMiB, kNow, kDay), seconds(0));
  // One second younger than a day counts, and leaves in one second.
  const std::vector<UploadSize> last_second = {{90 * kMiB, kNow - kDay + seconds(1)}};
  EXPECT_EQ(UploadQuotaWait(last_second, 100 * kMiB, 20 * kMiB, kNow, kDay), seconds(1));
}

TEST(UploadQuotaTest, AnUploadLargerThanTheQuotaNeverFits) {
  EXPECT_EQ(UploadQuotaWait({}, 10 * kMiB, 10 * kMiB + 1, kNow, kDay), kDay);
}

}  // namespace
}  // namespace motcua
