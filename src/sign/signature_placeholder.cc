#include "sign/signature_placeholder.h"

#include <charconv>
#include <chrono>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "sign/qpdf_document.h"

namespace motcua::sign {
namespace {

using UpdatedObjects = std::map<int, qpdf_document::UpdatedObject>;

// The fixed width of each number in /ByteRange: room for a file of up to 10 GB, so that writing the real values
// later moves nothing.
constexpr std::size_t kByteRangeDigits = 10;
constexpr std::string_view kSignatureTag = "%%motcua-signature%%";

Error NotAPdf(std::string_view why_vi, std::string_view why_en) {
  return Error::InvalidArgument("file", fmt::format("Tệp không ký được: {}.", why_vi),
                                fmt::format("The file cannot be signed: {}.", why_en));
}

std::string TextEntry(std::string_view key, const std::string& utf8) {
  if (utf8.empty()) return {};
  return fmt::format(" {} {}", key, qpdf_document::TextString(utf8));
}

// The signature dictionary, its /ByteRange and /Contents to be found again by kSignatureTag's place and filled.
std::string SignatureDictionary(const SignatureFieldText& text, std::size_t capacity) {
  const std::string blank_range(3 * (kByteRangeDigits + 1) + 1, ' ');
  return fmt::format(
      "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached{}{}{}{}\n/ByteRange [0{}] {}\n"
      "/Contents <{}> >>",
      TextEntry("/M", text.signing_time), TextEntry("/Name", text.signer_name), TextEntry("/Reason", text.reason),
      TextEntry("/Location", text.location), blank_range, kSignatureTag, std::string(2 * capacity, '0'));
}

// The offset the last "startxref" names: where the cross-reference data the update continues begins.
std::optional<long long> PreviousCrossReference(std::string_view pdf) {
  const std::size_t keyword = pdf.rfind("startxref");
  if (keyword == std::string_view::npos) return std::nullopt;
  std::size_t digits = keyword + 9;
  while (digits < pdf.size() && std::isspace(static_cast<unsigned char>(pdf[digits]))) ++digits;
  long long offset = -1;
  std::from_chars(pdf.data() + digits, pdf.data() + pdf.size(), offset);
  if (offset < 0) return std::nullopt;
  return offset;
}

// The objects, a cross-reference section of one subsection per run of consecutive numbers, the trailer.
std::string Update(const UpdatedObjects& objects, std::size_t start, std::string trailer_entries) {
  std::string text;
  std::map<int, std::size_t> offsets;
  for (const auto& [number, object] : objects) {
    offsets[number] = start + text.size();
    text += fmt::format("{} {} obj\n{}\nendobj\n", number, object.generation, object.body);
  }
  const std::size_t xref = start + text.size();
  text += "xref\n";
  for (auto run = objects.begin(); run != objects.end();) {
    auto end = run;
    int count = 0;
    while (end != objects.end() && end->first == run->first + count) ++end, ++count;
    text += fmt::format("{} {}\n", run->first, count);
    for (auto it = run; it != end; ++it)
      text += fmt::format("{:010} {:05} n\r\n", offsets[it->first], it->second.generation);
    run = end;
  }
  return text + fmt::format("trailer\n<<{} >>\nstartxref\n{}\n%%EOF\n", trailer_entries, xref);
}

// Writes the real /ByteRange over its blank and drops the tag that marked the place.
SignaturePlaceholder Finish(std::string pdf) {
  const std::size_t tag = pdf.rfind(kSignatureTag);
  const std::size_t contents = pdf.find('<', tag);
  const std::size_t contents_end = pdf.find('>', contents) + 1;
  const std::size_t blank = pdf.rfind("[0", tag) + 2;
  const std::string range = fmt::format(" {} {} {}]", contents, contents_end, pdf.size() - contents_end);
  const std::size_t blank_length = tag - blank;
  pdf.replace(blank, blank_length, range + std::string(blank_length - range.size(), ' '));
  pdf.replace(tag, kSignatureTag.size(), std::string(kSignatureTag.size(), ' '));
  return {std::move(pdf), contents, contents_end - contents};
}

}  // namespace

std::string SignaturePlaceholder::SignedBytes() const {
  return pdf.substr(0, contents_offset) + pdf.substr(contents_offset + contents_length);
}

Result<SignaturePlaceholder> AppendSignaturePlaceholder(std::string_view original, const SignatureFieldText& text,
                                                        std::size_t capacity) {
  using qpdf_document::Refusal;
  qpdf_document::SignatureUpdate update = qpdf_document::PlanSignatureUpdate(std::string(original));
  const std::optional<long long> previous = PreviousCrossReference(original);
  switch (update.refusal) {
    case Refusal::kUnreadable:
      return Fail(NotAPdf("đây không phải tệp PDF đọc được", "this is not a readable PDF"));
    case Refusal::kEncrypted:
      return Fail(NotAPdf("tệp PDF được mã hóa", "the PDF is encrypted"));
    case Refusal::kNoPages:
      return Fail(NotAPdf("tệp PDF không có trang nào", "the PDF has no pages"));
    case Refusal::kDamaged:
    case Refusal::kNone:
      break;
  }
  if (update.refusal == Refusal::kDamaged || !previous) {
    return Fail(NotAPdf("tệp PDF bị hỏng, cần lưu lại bằng phần mềm khác", "the PDF is damaged; save it again"));
  }
  update.objects[update.signature_object].body = SignatureDictionary(text, capacity);
  std::string bytes(original);
  if (bytes.back() != '\n') bytes += '\n';
  bytes += Update(update.objects, bytes.size(), fmt::format("{} /Prev {}", update.trailer_entries, *previous));
  return Finish(std::move(bytes));
}

Result<std::string> FillSignature(SignaturePlaceholder placeholder, std::string_view cms) {
  if (cms.size() > placeholder.capacity()) {
    return Fail(Error::InvalidArgument(
        "signature", fmt::format("Chữ ký dài {} byte, quá chỗ dành sẵn {} byte.", cms.size(), placeholder.capacity()),
        fmt::format("The signature takes {} bytes, more than the {} set aside.", cms.size(), placeholder.capacity())));
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::size_t at = placeholder.contents_offset + 1;
  for (const char byte : cms) {
    placeholder.pdf[at++] = kHex[static_cast<unsigned char>(byte) >> 4];
    placeholder.pdf[at++] = kHex[static_cast<unsigned char>(byte) & 0x0F];
  }
  return std::move(placeholder.pdf);
}

std::string PdfDate(long long unix_seconds) {
  using namespace std::chrono;
  const sys_seconds vietnam_local{seconds{unix_seconds + 7 * 3600}};
  const sys_days day = floor<days>(vietnam_local);
  const year_month_day date{day};
  const hh_mm_ss time{vietnam_local - day};
  return fmt::format("D:{:04}{:02}{:02}{:02}{:02}{:02}+07'00'", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

}  // namespace motcua::sign
