#include "sign/der_writer.h"

#include <algorithm>
#include <charconv>

namespace motcua::sign::der {
namespace {

std::string LengthOctets(std::size_t length) {
  if (length < 0x80) return std::string(1, static_cast<char>(length));
  std::string octets;
  for (std::size_t rest = length; rest > 0; rest >>= 8) octets.insert(octets.begin(), static_cast<char>(rest & 0xFF));
  return static_cast<char>(0x80 | octets.size()) + octets;
}

// One arc in base 128, high bit set on every octet but the last (X.690 §8.19.2).
void AppendBase128(unsigned long value, std::string& out) {
  std::string octets(1, static_cast<char>(value & 0x7F));
  for (value >>= 7; value > 0; value >>= 7) octets.insert(octets.begin(), static_cast<char>(0x80 | (value & 0x7F)));
  out += octets;
}

std::vector<unsigned long> Arcs(std::string_view dotted) {
  std::vector<unsigned long> arcs;
  while (!dotted.empty()) {
    const std::size_t dot = dotted.find('.');
    const std::string_view arc = dotted.substr(0, dot);
    unsigned long value = 0;
    std::from_chars(arc.data(), arc.data() + arc.size(), value);
    arcs.push_back(value);
    dotted = dot == std::string_view::npos ? std::string_view() : dotted.substr(dot + 1);
  }
  return arcs;
}

}  // namespace

std::string Tlv(unsigned char tag, std::string_view content) {
  return static_cast<char>(tag) + LengthOctets(content.size()) + std::string(content);
}

std::string Sequence(const std::vector<std::string>& elements) {
  std::string content;
  for (const std::string& element : elements) content += element;
  return Tlv(kSequence, content);
}

std::string SetOf(std::vector<std::string> elements) {
  // Shorter encodings compare as if padded with zero octets at their end (X.690 §11.6); no two distinct DER
  // encodings differ only by trailing zeros here, so byte-wise comparison with "shorter first on a tie" is that.
  std::sort(elements.begin(), elements.end(), [](const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
      return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
    });
  });
  std::string content;
  for (const std::string& element : elements) content += element;
  return Tlv(kSet, content);
}

std::string ObjectIdentifier(std::string_view dotted) {
  const std::vector<unsigned long> arcs = Arcs(dotted);
  std::string content;
  AppendBase128(arcs.at(0) * 40 + arcs.at(1), content);
  for (std::size_t i = 2; i < arcs.size(); ++i) AppendBase128(arcs[i], content);
  return Tlv(kObjectIdentifier, content);
}

std::string OctetString(std::string_view bytes) { return Tlv(kOctetString, bytes); }

std::string Null() { return Tlv(kNull, ""); }

std::string SmallInteger(unsigned value) {
  std::string content;
  for (unsigned rest = value; rest > 0; rest >>= 8) content.insert(content.begin(), static_cast<char>(rest & 0xFF));
  // A leading octet with its high bit set would read as negative; zero is one zero octet.
  if (content.empty() || (static_cast<unsigned char>(content.front()) & 0x80)) content.insert(content.begin(), '\0');
  return Tlv(kInteger, content);
}

std::string ImplicitConstructed(unsigned char number, std::string_view encoding) {
  std::string retagged(encoding);
  retagged[0] = static_cast<char>(0xA0 | number);
  return retagged;
}

std::string Explicit(unsigned char number, std::string_view encoding) {
  return Tlv(static_cast<unsigned char>(0xA0 | number), encoding);
}

std::string Algorithm(std::string_view dotted, bool null_parameters) {
  if (null_parameters) return Sequence({ObjectIdentifier(dotted), Null()});
  return Sequence({ObjectIdentifier(dotted)});
}

bool ReadElement(std::string_view bytes, Element& element) {
  if (bytes.size() < 2) return false;
  element.tag = static_cast<unsigned char>(bytes[0]);
  const auto first = static_cast<unsigned char>(bytes[1]);
  std::size_t length = first;
  std::size_t header = 2;
  if (first & 0x80) {
    const std::size_t count = first & 0x7F;
    if (count == 0 || count > sizeof(std::size_t) || bytes.size() < 2 + count) return false;
    length = 0;
    for (std::size_t i = 0; i < count; ++i) length = (length << 8) | static_cast<unsigned char>(bytes[2 + i]);
    header += count;
  }
  if (length > bytes.size() - header) return false;
  element.header_length = header;
  element.content_length = length;
  return true;
}

}  // namespace motcua::sign::der
