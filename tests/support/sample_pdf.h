#pragma once
// PDFs for the signing tests and benchmark: pages drawn by Cairo, what the server's forms are made with. The same
// rewritten by qpdf (object streams, encryption) is qpdf_rewrite.h.
#include <cairo-pdf.h>
#include <cairo.h>

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

}  // namespace motcua::test_support
