#pragma once
// What src/sign asks of qpdf, behind a header plain enough for C++17. qpdf 11.3's headers (Debian 12) do not
// compile as C++20 or later with clang — JSON.hh holds a std::vector of its own still-incomplete type, whose
// destructor libstdc++ makes constexpr from C++20 on — and the fuzzers and the sanitizer build use clang; so the
// one translation unit that includes qpdf (qpdf_document.cc) is compiled as C++17 (see CMakeLists.txt), and the
// rest of src/sign reaches qpdf only through this header. Pure functions over bytes; thread-safe.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace motcua::sign::qpdf_document {

// Why a PDF cannot take a signature.
enum class Refusal { kNone, kUnreadable, kEncrypted, kNoPages, kDamaged };

// An object an incremental update writes: its generation and its text.
struct UpdatedObject {
  int generation = 0;
  std::string body;
};

// The objects of an update that adds an empty signature field on the first page (ISO 32000-1 §12.7.4.5), by
// object number: the widget, the page or its annotation array, the catalog or its AcroForm (SigFlags 3). The
// signature dictionary's own number is `signature_object`; its body is left empty for the caller to write.
struct SignatureUpdate {
  Refusal refusal = Refusal::kNone;
  std::map<int, UpdatedObject> objects;
  int signature_object = 0;
  std::string trailer_entries;  // " /Size … /Root …" and /Info, /ID as the last trailer has them; not /Prev
};

// Any qpdf failure, any warning (a repaired cross-reference), encryption, no page: `refusal` says which.
SignatureUpdate PlanSignatureUpdate(const std::string& pdf);

// `utf8` as a PDF text string (PDFDocEncoding when it fits, else UTF-16BE with its byte order mark).
std::string TextString(const std::string& utf8);

// A signature field's value as the file states it, unjudged.
struct SignatureField {
  std::string name;                                                     // the field's full name ("Signature1")
  std::string sub_filter, signing_time, signer_name, reason, location;  // "" when absent
  std::optional<std::vector<long long>> byte_range;                     // when /ByteRange is an array of integers
  std::optional<std::string> contents;                                  // /Contents' bytes, when a string
};

// Every signed signature field, in the form's order; nullopt for bytes qpdf cannot read as a PDF.
std::optional<std::vector<SignatureField>> ReadSignatureFields(const std::string& pdf);

}  // namespace motcua::sign::qpdf_document
