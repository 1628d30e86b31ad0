#pragma once
// A PDF written again by qpdf, as other software writes them: with object streams and a cross-reference stream
// (a result from a word processor), or encrypted. Declared here plainly, defined in qpdf_rewrite.cc, which is
// compiled as C++17 like src/sign/qpdf_document.cc (qpdf 11.3's headers and clang in C++20: see there).
#include <string>

namespace motcua::test_support {

enum class Rewrite { kObjectStreams, kEncrypted };

std::string RewrittenPdf(const std::string& pdf, Rewrite how);

}  // namespace motcua::test_support
