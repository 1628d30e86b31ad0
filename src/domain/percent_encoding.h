#pragma once
// Percent-encoding (RFC 3986 §2.1): every byte but ASCII letters, digits and the punctuation a context leaves as
// is becomes "%XX", upper-case hex. One rule for the Content-Disposition file names of http/files_api.cc (RFC 8187
// attr-chars) and the tracking addresses of app/form_names.cc (as JavaScript's encodeURIComponent). Pure.
#include <string>
#include <string_view>

namespace motcua {

// `text` with each byte outside [A-Za-z0-9] and `kept` percent-encoded.
//   PercentEncoded("Sổ đỏ.pdf", "-.") == "S%E1%BB%95%20%C4%91%E1%BB%8F.pdf"
std::string PercentEncoded(std::string_view text, std::string_view kept);

}  // namespace motcua
