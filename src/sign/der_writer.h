#pragma once
// The few DER encodings (ITU-T X.690) a CMS signature needs, as functions from content bytes to encoded bytes.
// OpenSSL 3.0 cannot hand out the DER of a signer's signed attributes before they are signed by someone else (a
// token, a remote service), nor leave out the signing time ETSI EN 319 142 forbids, so the signature's structure
// is written here and OpenSSL only hashes, signs and reads certificates. Pure functions; thread-safe.
#include <string>
#include <string_view>
#include <vector>

namespace motcua::sign::der {

// Universal tags, with the constructed bit where the type is always constructed.
inline constexpr unsigned char kInteger = 0x02;
inline constexpr unsigned char kOctetString = 0x04;
inline constexpr unsigned char kNull = 0x05;
inline constexpr unsigned char kObjectIdentifier = 0x06;
inline constexpr unsigned char kSequence = 0x30;
inline constexpr unsigned char kSet = 0x31;

// tag, length (short or long form), content.
std::string Tlv(unsigned char tag, std::string_view content);
// A SEQUENCE of the given encodings, in order.
std::string Sequence(const std::vector<std::string>& elements);
// A SET OF the given encodings, sorted as DER requires (X.690 §11.6: by their encodings, as octet strings).
std::string SetOf(std::vector<std::string> elements);
// The OBJECT IDENTIFIER written in dotted form ("1.2.840.113549.1.7.2"); precondition: a valid one.
std::string ObjectIdentifier(std::string_view dotted);
std::string OctetString(std::string_view bytes);
std::string Null();
// A small non-negative INTEGER (a version number).
std::string SmallInteger(unsigned value);
// [number] IMPLICIT over a constructed encoding: the same content under a context-specific constructed tag.
std::string ImplicitConstructed(unsigned char number, std::string_view encoding);
// [number] EXPLICIT: the encoding wrapped in a context-specific constructed tag.
std::string Explicit(unsigned char number, std::string_view encoding);
// AlgorithmIdentifier { algorithm, parameters NULL } (or without parameters when `null_parameters` is false).
std::string Algorithm(std::string_view dotted, bool null_parameters);

// The position of one encoding inside a buffer: where its content begins and how long it is.
struct Element {
  unsigned char tag = 0;
  std::size_t header_length = 0;
  std::size_t content_length = 0;
  std::size_t size() const { return header_length + content_length; }
};
// Reads the tag and length at the start of `bytes`; false when they are not a definite-length DER header that
// fits in `bytes`.
bool ReadElement(std::string_view bytes, Element& element);

}  // namespace motcua::sign::der
