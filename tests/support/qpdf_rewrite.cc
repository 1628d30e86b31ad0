// Compiled as C++17: see qpdf_rewrite.h.
#include "support/qpdf_rewrite.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

namespace motcua::test_support {

std::string RewrittenPdf(const std::string& pdf, Rewrite how) {
  QPDF document;
  document.processMemoryFile("sample", pdf.data(), pdf.size());
  QPDFWriter writer(document);
  writer.setOutputMemory();
  if (how == Rewrite::kObjectStreams) writer.setObjectStreamMode(qpdf_o_generate);
  if (how == Rewrite::kEncrypted) {
    writer.setR6EncryptionParameters("", "owner", true, true, true, true, true, true, qpdf_r3p_full, true);
  }
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace motcua::test_support
