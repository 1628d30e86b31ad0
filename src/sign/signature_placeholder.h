#pragma once
// A PDF with an empty signature appended as an incremental update (ISO 32000-1 §7.5.6): the original bytes stay
// as they are — so an earlier signature stays valid — and after them come a signature dictionary
// (/Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached, ISO 32000-1 §12.8.1, ETSI EN 319 142-1), an invisible
// signature field on the first page, the page and the form that now list it, a cross-reference section and a
// trailer pointing back at the previous one. /Contents is a run of zeros the CMS later overwrites; /ByteRange names
// everything else, which is what is hashed and signed. The original is read with qpdf (any PDF: object streams,
// cross-reference streams); the update itself is written here, because qpdf writes whole files only.
// Pure functions over bytes; thread-safe.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::sign {

// What the signature dictionary says besides the signature itself. Text is UTF-8; empty fields are left out.
struct SignatureFieldText {
  std::string signer_name;   // /Name
  std::string reason;        // /Reason, e.g. "Phê duyệt kết quả hồ sơ H1.234-…"
  std::string location;      // /Location, e.g. the agency's place
  std::string signing_time;  // /M, a PDF date "D:YYYYMMDDHHmmSS+07'00'" (PdfDate())
};

struct SignaturePlaceholder {
  std::string pdf;                  // the original bytes, then the update
  std::size_t contents_offset = 0;  // where /Contents' hex string begins (its '<')
  std::size_t contents_length = 0;  // the hex string's length, '<' and '>' included
  // The bytes the signature covers: all of `pdf` except the hex string.
  std::string SignedBytes() const;
  // How many bytes of DER the hex string can take.
  std::size_t capacity() const { return (contents_length - 2) / 2; }
};

// The room left for the CMS: 16 KiB, enough for a signer's certificate, a chain of three CAs and a timestamp token.
inline constexpr std::size_t kSignatureCapacity = 16 * 1024;

// Appends the empty signature to `pdf`. InvalidArgument naming "file" for bytes that are not a PDF qpdf reads
// without repairing it, an encrypted PDF, or one without pages.
Result<SignaturePlaceholder> AppendSignaturePlaceholder(std::string_view pdf, const SignatureFieldText& text,
                                                        std::size_t capacity = kSignatureCapacity);

// The signed PDF: `cms` (DER) written in hex into the placeholder, the rest of the hex string left as zeros.
// InvalidArgument naming "signature" when the CMS does not fit.
Result<std::string> FillSignature(SignaturePlaceholder placeholder, std::string_view cms);

// A PDF date for a moment given as seconds since the epoch, in Vietnam's time (UTC+7, no summer time):
// "D:20261207153000+07'00'".
std::string PdfDate(long long unix_seconds);

}  // namespace motcua::sign
