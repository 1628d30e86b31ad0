// Phone numbers and e-mail addresses as people write them at the counter, and what is refused.
#include "domain/contact.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua {
namespace {

TEST(CheckPhone, AcceptsNumbersWrittenTheWaysPeopleWriteThem) {
  for (const char* phone : {"0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "(0206) 3852.123",
                            "+84 912 345 678", "+84912345678", "02063852123", "38521234", "", "   "}) {
    EXPECT_TRUE(CheckPhone(phone, "applicant.phone")) << phone;
  }
}

TEST(CheckPhone, RefusesWhatIsNotAPhoneNumberNamingTheField) {
  for (const char* phone : {"abc", "0912 345 67x", "09123", "1234567", "0912345678901234", "84+912345678",
                            "0912/345/678", "091234567\xE2\x80\x8B"}) {
    const auto checked = CheckPhone(phone, "applicant.phone");
    ASSERT_FALSE(checked) << phone;
    EXPECT_EQ(checked.error().field, "applicant.phone");
    EXPECT_EQ(checked.error().code, ErrorCode::kInvalidArgument);
  }
  EXPECT_NE(CheckPhone("09123", "applicant.phone").error().message_en.find("this one 5"), std::string::npos);
}

TEST(CheckEmail, AcceptsAddressesAndNothingGiven) {
  for (const char* email : {"an@example.vn", "nguyen.van.an+hoso@mail.tinh.gov.vn", "a@b.co", ""}) {
    EXPECT_TRUE(CheckEmail(email, "applicant.email")) << email;
  }
}

TEST(CheckEmail, RefusesMalformedAddressesSayingWhy) {
  const auto why = [](std::string_view email) {
    const auto checked = CheckEmail(email, "applicant.email");
    EXPECT_FALSE(checked) << email;
    if (checked) return std::string();
    EXPECT_EQ(checked.error().field, "applicant.email");
    return checked.error().message_en;
  };
  EXPECT_NE(why("an.example.vn").find("exactly one @"), std::string::npos);
  EXPECT_NE(why("an@@example.vn").find("exactly one @"), std::string::npos);
  EXPECT_NE(why("@example.vn").find("nothing before"), std::string::npos);
  EXPECT_NE(why("an@localhost").find("domain"), std::string::npos);
  EXPECT_NE(why("an@example..vn").find("domain"), std::string::npos);
  EXPECT_NE(why("an@.example.vn").find("domain"), std::string::npos);
  EXPECT_NE(why("an @example.vn").find("space"), std::string::npos);
  EXPECT_NE(why(std::string(250, 'a') + "@x.vn").find("254"), std::string::npos);
}

}  // namespace
}  // namespace motcua
