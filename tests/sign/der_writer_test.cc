// The DER encodings against X.690's rules and well-known encodings (RFC 5652's OIDs as every CMS file spells them).
#include "sign/der_writer.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::sign::der {
namespace {

std::string Bytes(std::initializer_list<int> values) {
  std::string bytes;
  for (int value : values) bytes += static_cast<char>(value);
  return bytes;
}

TEST(DerWriterTest, ObjectIdentifiersAsCmsFilesSpellThem) {
  // id-signedData and sha256, as found in any CMS signature.
  EXPECT_EQ(ObjectIdentifier("1.2.840.113549.1.7.2"),
            Bytes({0x06, 0x09, 0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x02}));
  EXPECT_EQ(ObjectIdentifier("2.16.840.1.101.3.4.2.1"),
            Bytes({0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01}));
  // X.690 §8.19.5's example: {2 999 3} → 88 37 03.
  EXPECT_EQ(ObjectIdentifier("2.999.3"), Bytes({0x06, 0x03, 0x88, 0x37, 0x03}));
}

TEST(DerWriterTest, LengthsUseTheShortFormBelow128AndTheFewestOctetsAbove) {
  EXPECT_EQ(Tlv(kOctetString, std::string(127, 'a')).substr(0, 2), Bytes({0x04, 0x7F}));
  EXPECT_EQ(Tlv(kOctetString, std::string(128, 'a')).substr(0, 3), Bytes({0x04, 0x81, 0x80}));
  EXPECT_EQ(Tlv(kOctetString, std::string(300, 'a')).substr(0, 4), Bytes({0x04, 0x82, 0x01, 0x2C}));
  EXPECT_EQ(Tlv(kOctetString, std::string(70000, 'a')).substr(0, 5), Bytes({0x04, 0x83, 0x01, 0x11, 0x70}));
}

TEST(DerWriterTest, IntegersAreMinimalAndNeverNegative) {
  EXPECT_EQ(SmallInteger(0), Bytes({0x02, 0x01, 0x00}));
  EXPECT_EQ(SmallInteger(1), Bytes({0x02, 0x01, 0x01}));
  EXPECT_EQ(SmallInteger(127), Bytes({0x02, 0x01, 0x7F}));
  EXPECT_EQ(SmallInteger(128), Bytes({0x02, 0x02, 0x00, 0x80}));
  EXPECT_EQ(SmallInteger(256), Bytes({0x02, 0x02, 0x01, 0x00}));
}

TEST(DerWriterTest, SetOfSortsItsElementsByTheirEncodings) {
  const std::string b = OctetString("b");
  const std::string a = OctetString("a");
  const std::string longer = OctetString("ab");
  EXPECT_EQ(SetOf({b, longer, a}), Tlv(kSet, a + b + longer));
  EXPECT_EQ(SetOf({Null(), SmallInteger(5)}), Tlv(kSet, SmallInteger(5) + Null()));
}

TEST(DerWriterTest, ContextTagsImplicitReplaceExplicitWrap) {
  const std::string set = SetOf({Null()});
  EXPECT_EQ(ImplicitConstructed(0, set), Bytes({0xA0, 0x02, 0x05, 0x00}));
  EXPECT_EQ(Explicit(0, Null()), Bytes({0xA0, 0x02, 0x05, 0x00}));
  EXPECT_EQ(Explicit(4, set), Bytes({0xA4, 0x04, 0x31, 0x02, 0x05, 0x00}));
  EXPECT_EQ(Algorithm("2.16.840.1.101.3.4.2.1", false), Sequence({ObjectIdentifier("2.16.840.1.101.3.4.2.1")}));
}

TEST(DerWriterTest, ReadElementReadsWhatTlvWroteAndRefusesWhatDoesNotFit) {
  Element element;
  const std::string encoded = Tlv(kOctetString, std::string(300, 'x'));
  ASSERT_TRUE(ReadElement(encoded + "trailing zeros", element));
  EXPECT_EQ(element.tag, kOctetString);
  EXPECT_EQ(element.header_length, 4u);
  EXPECT_EQ(element.content_length, 300u);
  EXPECT_FALSE(ReadElement(encoded.substr(0, 200), element));
  EXPECT_FALSE(ReadElement(Bytes({0x04}), element));
  EXPECT_FALSE(ReadElement(Bytes({0x04, 0x80}), element));  // indefinite length: not DER
}

}  // namespace
}  // namespace motcua::sign::der
