#pragma once
// The server's FormRenderer (app/form_renderer.h): lays a PrintedForm out on A4 or A5 pages with Pango (HarfBuzz
// shaping, line breaking, Vietnamese letters) and writes the PDF with Cairo, which embeds the subset of the font
// it used, so that the paper looks the same on any printer. The typeface is Liberation Serif (fonts-liberation2:
// Times New Roman's metrics, the face Decree 30/2020/NĐ-CP prescribes for administrative documents); margins and
// sizes follow the same decree (docs/law/forms.md). QR codes are drawn as vector squares from libqrencode's matrix.
// A form too long for one page continues on the next, a table repeating its heading row; the signature blocks are
// never split. Thread-safe: every call has its own surface and Pango context.
#include <optional>
#include <string>

#include "app/form_renderer.h"

namespace motcua::print {

class CairoFormRenderer final : public app::FormRenderer {
 public:
  // Looks the typeface up once: RenderPdf says plainly when this machine lacks it.
  CairoFormRenderer();
  Result<std::string> RenderPdf(const app::PrintedForm& form) const override;
  // Why forms cannot be made on this machine (a missing font), for the server to say when it starts.
  const std::optional<Error>& problem() const { return font_problem_; }

  // The family forms are set in.
  static constexpr const char* kFamily = "Liberation Serif";

 private:
  std::optional<Error> font_problem_;
};

}  // namespace motcua::print
