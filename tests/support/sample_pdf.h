#pragma once
// PDFs for the signing tests: a page drawn by Cairo (what the server's forms are made with) and the same page
// rewritten by qpdf with object streams and a cross-reference stream (what other software writes, e.g. a
// result uploaded from a word processor), or encrypted.
#include <cairo-pdf.h>
#include <cairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

namespace motcua::test_support {

inline cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// An A4 page of Cairo's, saying `text`, `pages` times.
inline std::string CairoPdf(const std::string& text = "KET QUA GIAI QUYET HO SO", int pages = 1) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendToString, &pdf, 595, 842);
  cairo_t* context = cairo_create(surface);
  for (int page = 0; page < pages; ++page) {
    cairo_move_to(context, 72, 100);
    cairo_set_font_size(context, 14);
    cairo_show_text(context, text.c_str());
    cairo_show_page(context);
  }
  cairo_destroy(context);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

enum class Rewrite { kObjectStreams, kEncrypted };

// `pdf` written again by qpdf.
inline std::string RewrittenPdf(const std::string& pdf, Rewrite how) {
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
