#pragma once
// A document file kept for a dossier: the scan of a component handed in at the counter, a file a citizen
// attaches to an online submission, or the signed result. Files are addressed by their content (the SHA-256
// of their bytes, 64 lower-case hex digits), so the same scan uploaded twice is one file.
//
// Only the types a one-stop center exchanges are taken — PDF, JPEG and PNG — and the type is recognised from
// the first bytes of the content, never from the file's name or the type a client declares: a renamed
// executable is not a PDF. Pure functions and values; safe to share between threads.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_time.h"
#include "domain/error.h"

namespace motcua {

enum class MediaType { kPdf, kJpeg, kPng };

// "application/pdf", "image/jpeg", "image/png".
std::string_view MediaTypeName(MediaType type);
// The type named by a Content-Type value ("application/pdf; charset=binary" → kPdf, case-insensitive);
// nullopt for any other type.
std::optional<MediaType> ParseMediaType(std::string_view content_type);
// The type the content's first bytes show (the PDF "%PDF-" header, the JPEG SOI marker FF D8 FF, the PNG
// signature 89 50 4E 47 0D 0A 1A 0A); nullopt for anything else.
std::optional<MediaType> SniffMediaType(std::string_view content);

// The largest file taken: a multi-page scan at 300 dpi fits; a whole archive does not belong here.
inline constexpr std::size_t kMaxDocumentBytes = 20u << 20;  // 20 MiB
// The longest original file name kept (UTF-8 bytes).
inline constexpr std::size_t kMaxDocumentNameBytes = 255;

// Whether `id` has the form of a file id: 64 lower-case hexadecimal digits.
bool IsDocumentFileId(std::string_view id);

// Checks an upload before anything is stored: not empty ("body"), at most kMaxDocumentBytes ("body"), a PDF,
// JPEG or PNG by its content ("body"), matching the declared type when one of those three is declared
// ("content_type"; application/octet-stream or no type at all leaves it to the content; any other declared
// type is refused), and a name of at most kMaxDocumentNameBytes bytes without control characters or path
// separators ("name"). Returns the type found. InvalidArgument naming the field otherwise.
Result<MediaType> CheckDocumentUpload(std::string_view content, std::string_view declared_type, std::string_view name);

// One upload of a file: who uploaded which content, under which name, when. The same content uploaded by two
// people is one file with two uploads.
struct DocumentUpload {
  std::string id;  // SHA-256 of the content, hex
  std::int64_t size = 0;
  MediaType media_type = MediaType::kPdf;
  std::string original_name;  // as the uploader named it; may be empty
  std::string uploader;       // login
  Instant uploaded_at{};
};

}  // namespace motcua
