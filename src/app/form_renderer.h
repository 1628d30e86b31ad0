#pragma once
// The port that turns a PrintedForm into a PDF file (DESIGN.md §6: `DocumentRenderer`). The server's is
// print/cairo_form_renderer.h (Cairo and Pango, fonts embedded); the use cases and the HTTP layer know only this.
#include <string>

#include "app/printed_form.h"
#include "domain/error.h"

namespace motcua::app {

class FormRenderer {
 public:
  virtual ~FormRenderer() = default;
  // The PDF's bytes. Unavailable when the renderer cannot work (no usable font on this machine), naming "form".
  // Thread-safe: called from every server thread.
  virtual Result<std::string> RenderPdf(const PrintedForm& form) const = 0;
};

}  // namespace motcua::app
