#include "domain/document_file.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace motcua {
namespace {

struct Signature {
  MediaType type;
  std::string_view magic;
};

// The first bytes of each accepted format: PDF 1.7 (ISO 32000-1 §7.5.2, "%PDF-" then the version), JPEG
// (ITU T.81 SOI marker FF D8, then the FF of the next marker), PNG (ISO/IEC 15948 §5.2 signature).
constexpr std::array<Signature, 3> kSignatures = {{
    {MediaType::kPdf, std::string_view("%PDF-", 5)},
    {MediaType::kJpeg, std::string_view("\xFF\xD8\xFF", 3)},
    {MediaType::kPng, std::string_view("\x89PNG\r\n\x1A\n", 8)},
}};

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Error Invalid(std::string field, std::string vi, std::string en) {
  return Error::InvalidArgument(std::move(field), std::move(vi), std::move(en));
}

Result<void> CheckName(std::string_view name) {
  if (name.size() > kMaxDocumentNameBytes) {
    return Fail(Invalid("name", "tên tệp dài quá " + std::to_string(kMaxDocumentNameBytes) + " byte",
                        "the file name is longer than " + std::to_string(kMaxDocumentNameBytes) + " bytes"));
  }
  // The name is only shown and offered back on download; a separator or a control character in it could
  // still mislead a browser's save dialog or a log line.
  const bool bad = std::ranges::any_of(name, [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F || c == '/' || c == '\\';
  });
  if (bad) {
    return Fail(Invalid("name", "tên tệp không được chứa ký tự điều khiển hay dấu / \\",
                        "the file name may not contain control characters or / \\"));
  }
  return {};
}

}  // namespace

std::string_view MediaTypeName(MediaType type) {
  switch (type) {
    case MediaType::kPdf:
      return "application/pdf";
    case MediaType::kJpeg:
      return "image/jpeg";
    case MediaType::kPng:
      return "image/png";
  }
  return "application/octet-stream";
}

std::optional<MediaType> ParseMediaType(std::string_view content_type) {
  const std::string essence = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  for (MediaType type : {MediaType::kPdf, MediaType::kJpeg, MediaType::kPng}) {
    if (essence == MediaTypeName(type)) return type;
  }
  return std::nullopt;
}

std::optional<MediaType> SniffMediaType(std::string_view content) {
  for (const Signature& s : kSignatures) {
    if (content.starts_with(s.magic)) return s.type;
  }
  return std::nullopt;
}

bool IsDocumentFileId(std::string_view id) {
  return id.size() == 64 &&
         std::ranges::all_of(id, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<MediaType> CheckDocumentUpload(std::string_view content, std::string_view declared_type, std::string_view name) {
  if (content.empty()) return Fail(Invalid("body", "tệp rỗng", "the file is empty"));
  if (content.size() > kMaxDocumentBytes) {
    return Fail(Invalid("body", "tệp lớn hơn 20 MiB", "the file is larger than 20 MiB"));
  }
  const auto found = SniffMediaType(content);
  if (!found) {
    return Fail(Invalid("body", "chỉ nhận tệp PDF, JPEG hoặc PNG (nội dung tệp không phải các định dạng này)",
                        "only PDF, JPEG or PNG files are taken (the content is none of these)"));
  }
  const std::string_view essence = Trim(declared_type.substr(0, declared_type.find(';')));
  if (!essence.empty() && Lower(essence) != "application/octet-stream") {
    const auto declared = ParseMediaType(declared_type);
    if (!declared) {
      return Fail(Invalid("content_type", "chỉ nhận tệp PDF, JPEG hoặc PNG, không nhận " + std::string(essence),
                          "only PDF, JPEG or PNG files are taken, not " + std::string(essence)));
    }
    if (*declared != *found) {
      return Fail(Invalid("content_type",
                          "nội dung tệp là " + std::string(MediaTypeName(*found)) + " nhưng khai báo là " +
                              std::string(MediaTypeName(*declared)),
                          "the content is " + std::string(MediaTypeName(*found)) + " but was declared " +
                              std::string(MediaTypeName(*declared))));
    }
  }
  if (auto ok = CheckName(name); !ok) return Fail(ok.error());
  return *found;
}

}  // namespace motcua
