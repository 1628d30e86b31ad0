#include "print/cairo_form_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace motcua::print {
namespace {

using app::Paper;

constexpr double kPointsPerMm = 72.0 / 25.4;

// The page and its text area. A4 as Decree 30/2020/NĐ-CP sets administrative documents (margins top and bottom
// 20 mm, left 30 mm, right 15 mm; text 13 pt); A5 with the margins and sizes scaled down so that the same slip fits.
struct Geometry {
  double width, height;  // points
  double top, bottom, left, right;
  double body_size, title_size, small_size;
  double qr_size;

  double TextWidth() const { return width - left - right; }
  double Bottom() const { return height - bottom; }
};

Geometry GeometryOf(Paper paper) {
  if (paper == Paper::kA5) {
    return {148 * kPointsPerMm,
            210 * kPointsPerMm,
            10 * kPointsPerMm,
            10 * kPointsPerMm,
            15 * kPointsPerMm,
            10 * kPointsPerMm,
            9.5,
            11,
            7,
            22 * kPointsPerMm};
  }
  return {210 * kPointsPerMm,
          297 * kPointsPerMm,
          20 * kPointsPerMm,
          20 * kPointsPerMm,
          30 * kPointsPerMm,
          15 * kPointsPerMm,
          13,
          14,
          9,
          28 * kPointsPerMm};
}

struct CairoDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(PangoLayout* l) const { g_object_unref(l); }
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
  void operator()(QRcode* q) const { QRcode_free(q); }
  void operator()(PangoFont* f) const { g_object_unref(f); }
  void operator()(PangoContext* c) const { g_object_unref(c); }
  void operator()(char* text) const { g_free(text); }
};
template <typename T>
using Owned = std::unique_ptr<T, CairoDeleter>;

cairo_status_t AppendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string Escaped(const std::string& text) {
  Owned<char> escaped(g_markup_escape_text(text.c_str(), static_cast<gssize>(text.size())));
  return escaped.get();
}

enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  double size = 13;
  bool bold = false;
  bool italic = false;
  Align align = Align::kLeft;
};

// Writes pages top to bottom: `y` is where the next block starts; a block that does not fit starts a new page.
class PageWriter {
 public:
  PageWriter(const app::PrintedForm& form, std::string& pdf) : form_(form), g_(GeometryOf(form.paper)), y_(g_.top) {
    surface_.reset(cairo_pdf_surface_create_for_stream(AppendTo, &pdf, g_.width, g_.height));
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, form.title.c_str());
    cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "motcua");
    cr_.reset(cairo_create(surface_.get()));
  }

  const Geometry& geometry() const { return g_; }
  double y() const { return y_; }
  void Advance(double height) { y_ += height; }

  // Starts a new page unless `height` still fits on this one.
  void EnsureRoom(double height) {
    if (y_ + height > g_.Bottom() && y_ > g_.top) NewPage();
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr_.get());
    ++page_;
    y_ = g_.top;
  }

  Result<void> Finish() {
    Footer();
    cairo_show_page(cr_.get());
    cairo_surface_finish(surface_.get());
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) {
      return Fail(Error::Internal("không tạo được tệp PDF của biểu mẫu",
                                  std::string("the form's PDF could not be written: ") +
                                      cairo_status_to_string(cairo_surface_status(surface_.get()))));
    }
    return {};
  }

  // A laid-out paragraph of `markup` (Pango markup) `width` points wide.
  Owned<PangoLayout> Layout(const std::string& markup, double width, const TextStyle& style) {
    Owned<PangoLayout> layout(pango_cairo_create_layout(cr_.get()));
    Owned<PangoFontDescription> font(pango_font_description_new());
    pango_font_description_set_family(font.get(), CairoFormRenderer::kFamily);
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), style.align == Align::kCenter  ? PANGO_ALIGN_CENTER
                                             : style.align == Align::kRight ? PANGO_ALIGN_RIGHT
                                                                            : PANGO_ALIGN_LEFT);
    pango_layout_set_markup(layout.get(), markup.c_str(), -1);
    return layout;
  }

  static double Height(PangoLayout* layout) {
    int width = 0, height = 0;
    pango_layout_get_size(layout, &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  void Draw(PangoLayout* layout, double x, double y) {
    cairo_move_to(cr_.get(), x, y);
    pango_cairo_show_layout(cr_.get(), layout);
  }

  void Line(double x0, double y0, double x1, double y1, double width = 0.6) {
    cairo_set_line_width(cr_.get(), width);
    cairo_move_to(cr_.get(), x0, y0);
    cairo_line_to(cr_.get(), x1, y1);
    cairo_stroke(cr_.get());
  }

  // The QR code of `text`, `size` points square, its top left corner at (x, y); a four-module quiet zone inside.
  void QrCode(const std::string& text, double x, double y, double size) {
    Owned<QRcode> code(QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
    if (!code) return;  // longer than a QR code holds: the address is printed in words below
    const int modules = code->width;
    const double module = size / (modules + 8);
    for (int row = 0; row < modules; ++row) {
      for (int column = 0; column < modules; ++column) {
        if (code->data[row * modules + column] & 1) {
          cairo_rectangle(cr_.get(), x + (column + 4) * module, y + (row + 4) * module, module, module);
        }
      }
    }
    cairo_fill(cr_.get());
  }

 private:
  void Footer() {
    if (form_.footer.empty()) return;
    auto layout = Layout(Escaped(form_.footer + " — trang " + std::to_string(page_)), g_.TextWidth(),
                         {g_.small_size, false, true, Align::kRight});
    Draw(layout.get(), g_.left, g_.Bottom() + g_.bottom / 3);
  }

  const app::PrintedForm& form_;
  Geometry g_;
  double y_;
  int page_ = 1;
  Owned<cairo_surface_t> surface_;
  Owned<cairo_t> cr_;
};

// The two header columns: the issuing body with the number under it, and the national motto with the place and date.
void DrawHeader(PageWriter& w, const app::PrintedForm& form) {
  const Geometry& g = w.geometry();
  const double left_width = g.TextWidth() * 0.42;
  const double right_width = g.TextWidth() - left_width;
  const double size = g.body_size - 1;
  if (!form.form_number.empty()) {
    auto number = w.Layout(Escaped(form.form_number), g.TextWidth(), {g.small_size, false, true, Align::kRight});
    w.Draw(number.get(), g.left, g.top - PageWriter::Height(number.get()) - 2);
  }
  const double top = w.y();
  double left_y = top;
  for (std::size_t i = 0; i < form.issuer_lines.size(); ++i) {
    const bool last = i + 1 == form.issuer_lines.size();
    auto line = w.Layout(Escaped(form.issuer_lines[i]), left_width, {size, last, false, Align::kCenter});
    w.Draw(line.get(), g.left, left_y);
    left_y += PageWriter::Height(line.get());
  }
  w.Line(g.left + left_width * 0.35, left_y + 3, g.left + left_width * 0.65, left_y + 3);
  left_y += 7;
  auto number = w.Layout(Escaped(form.number_line), left_width, {size, false, false, Align::kCenter});
  w.Draw(number.get(), g.left, left_y);
  left_y += PageWriter::Height(number.get());

  const double right_x = g.left + left_width;
  double right_y = top;
  auto nation = w.Layout("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_width, {size, true, false, Align::kCenter});
  w.Draw(nation.get(), right_x, right_y);
  right_y += PageWriter::Height(nation.get());
  auto motto = w.Layout("Độc lập - Tự do - Hạnh phúc", right_width, {size + 0.5, true, false, Align::kCenter});
  w.Draw(motto.get(), right_x, right_y);
  right_y += PageWriter::Height(motto.get());
  w.Line(right_x + right_width * 0.28, right_y + 3, right_x + right_width * 0.72, right_y + 3);
  right_y += 7;
  auto date = w.Layout(Escaped(form.place_and_date), right_width, {size, false, true, Align::kCenter});
  w.Draw(date.get(), right_x, right_y);
  right_y += PageWriter::Height(date.get());
  w.Advance(std::max(left_y, right_y) - top + g.body_size);
}

void DrawTitle(PageWriter& w, const app::PrintedForm& form) {
  const Geometry& g = w.geometry();
  auto title = w.Layout(Escaped(form.title), g.TextWidth(), {g.title_size, true, false, Align::kCenter});
  w.Draw(title.get(), g.left, w.y());
  w.Advance(PageWriter::Height(title.get()));
  if (!form.subtitle.empty()) {
    auto subtitle = w.Layout(Escaped(form.subtitle), g.TextWidth(), {g.body_size, true, false, Align::kCenter});
    w.Draw(subtitle.get(), g.left, w.y());
    w.Advance(PageWriter::Height(subtitle.get()));
  }
  w.Advance(g.body_size * 0.6);
}

void DrawParagraph(PageWriter& w, const app::FormParagraph& paragraph) {
  const Geometry& g = w.geometry();
  auto layout =
      w.Layout(Escaped(paragraph.text), g.TextWidth(),
               {g.body_size, paragraph.bold, paragraph.italic, paragraph.centered ? Align::kCenter : Align::kLeft});
  const double height = PageWriter::Height(layout.get());
  w.EnsureRoom(height);
  w.Draw(layout.get(), g.left, w.y());
  w.Advance(height + g.body_size * 0.25);
}

// "Label: value" lines, narrowed to leave room for a QR code at their right when one follows them.
void DrawFacts(PageWriter& w, const app::FormFacts& facts, const app::FormQrCode* qr) {
  const Geometry& g = w.geometry();
  const double width = g.TextWidth() - (qr ? g.qr_size + g.body_size : 0);
  const double top = w.y();
  if (qr) w.EnsureRoom(g.qr_size);
  for (const auto& [label, value] : facts.lines) {
    auto layout = w.Layout(Escaped(label) + ": <b>" + Escaped(value) + "</b>", width, {g.body_size});
    const double height = PageWriter::Height(layout.get());
    w.EnsureRoom(height);
    w.Draw(layout.get(), g.left, w.y());
    w.Advance(height + g.body_size * 0.15);
  }
  if (!qr) return;
  const double qr_x = g.left + g.TextWidth() - g.qr_size;
  w.QrCode(qr->text, qr_x, w.y() < top ? g.top : top, g.qr_size);
  auto caption = w.Layout(Escaped(qr->caption), g.qr_size + g.body_size, {g.small_size, false, true, Align::kCenter});
  const double caption_top = (w.y() < top ? g.top : top) + g.qr_size;
  w.Draw(caption.get(), qr_x - g.body_size / 2, caption_top);
  w.Advance(std::max(0.0, caption_top + PageWriter::Height(caption.get()) - w.y()));
  w.Advance(g.body_size * 0.4);
}

void DrawQrAlone(PageWriter& w, const app::FormQrCode& qr) {
  const Geometry& g = w.geometry();
  w.EnsureRoom(g.qr_size + g.body_size);
  w.QrCode(qr.text, g.left + g.TextWidth() - g.qr_size, w.y(), g.qr_size);
  w.Advance(g.qr_size);
  auto caption = w.Layout(Escaped(qr.caption), g.TextWidth(), {g.small_size, false, true, Align::kRight});
  w.Draw(caption.get(), g.left, w.y());
  w.Advance(PageWriter::Height(caption.get()) + g.body_size * 0.4);
}

// A table row laid out: its cells' layouts, in the style they are drawn in, and its height with padding (the
// tallest cell's). Measuring and drawing share it, so a row never takes more room than was made for it.
struct LaidOutRow {
  std::vector<Owned<PangoLayout>> cells;
  double height = 0;
};

double ColumnWidth(const Geometry& g, const std::vector<double>& widths, std::size_t i) {
  return g.TextWidth() * (i < widths.size() ? widths[i] : 0.1);
}

LaidOutRow LayOutRow(PageWriter& w, const std::vector<std::string>& cells, const app::FormTable& table, bool heading) {
  const Geometry& g = w.geometry();
  const double padding = g.body_size * 0.3;
  LaidOutRow row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    // The heading row is centred, and so is every column but those of running text.
    const Align align = heading || !table.LeftAligned(i) ? Align::kCenter : Align::kLeft;
    row.cells.push_back(w.Layout(Escaped(cells[i]), ColumnWidth(g, table.widths, i) - 2 * padding,
                                 {g.body_size - 1, heading, false, align}));
    row.height = std::max(row.height, PageWriter::Height(row.cells.back().get()));
  }
  row.height += 2 * padding;
  return row;
}

// Draws `row` with its borders at the writer's position; its height.
double DrawRow(PageWriter& w, const LaidOutRow& row, const std::vector<double>& widths) {
  const Geometry& g = w.geometry();
  const double padding = g.body_size * 0.3;
  const double y = w.y();
  double x = g.left;
  w.Line(g.left, y, g.left + g.TextWidth(), y);
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    w.Draw(row.cells[i].get(), x + padding, y + padding);
    w.Line(x, y, x, y + row.height);
    x += ColumnWidth(g, widths, i);
  }
  w.Line(g.left + g.TextWidth(), y, g.left + g.TextWidth(), y + row.height);
  w.Line(g.left, y + row.height, g.left + g.TextWidth(), y + row.height);
  return row.height;
}

void DrawTable(PageWriter& w, const app::FormTable& table) {
  const LaidOutRow heading = LayOutRow(w, table.headings, table, true);
  const double first = table.rows.empty() ? 0 : LayOutRow(w, table.rows.front(), table, false).height;
  w.EnsureRoom(heading.height + first);  // never a heading alone at the foot of a page
  w.Advance(DrawRow(w, heading, table.widths));
  for (const auto& cells : table.rows) {
    const LaidOutRow row = LayOutRow(w, cells, table, false);
    if (w.y() + row.height > w.geometry().Bottom()) {
      w.NewPage();
      w.Advance(DrawRow(w, heading, table.widths));
    }
    w.Advance(DrawRow(w, row, table.widths));
  }
  w.Advance(w.geometry().body_size * 0.5);
}

// "Nơi nhận:" over its list, flush left in `width` points from (x, the writer's line), as Decree 30/2020 sets it:
// the label bold italic, the list a size smaller. Its height; drawn only when `draw`.
double DrawRecipients(PageWriter& w, const std::vector<std::string>& recipients, double x, double width, bool draw) {
  const Geometry& g = w.geometry();
  double y = w.y();
  auto label = w.Layout("Nơi nhận:", width, {g.body_size - 1, true, true, Align::kLeft});
  if (draw) w.Draw(label.get(), x, y);
  y += PageWriter::Height(label.get());
  for (const std::string& line : recipients) {
    auto layout = w.Layout(Escaped(line), width, {g.body_size - 2, false, false, Align::kLeft});
    if (draw) w.Draw(layout.get(), x, y);
    y += PageWriter::Height(layout.get());
  }
  return y - w.y();
}

// The signature row: the signatures side by side, filled from the right, and "Nơi nhận" in the leftmost column when
// the form has recipients.
void DrawSignatures(PageWriter& w, const std::vector<app::FormSignature>& signatures,
                    const std::vector<std::string>& recipients) {
  if (signatures.empty() && recipients.empty()) return;
  const Geometry& g = w.geometry();
  // A lone signer stands in the right half, where the forms place the one who signs (docs/law/forms.md §3, §4).
  const std::size_t columns = std::max<std::size_t>(signatures.size() + (recipients.empty() ? 0 : 1), 2);
  const double column = g.TextWidth() / static_cast<double>(columns);
  const double first = g.left + column * static_cast<double>(columns - signatures.size());
  const double space = g.body_size * 4.5;  // room to sign
  auto block = [&](const app::FormSignature& s, double x, bool draw) {
    double y = w.y();
    for (const auto& [text, style] : {std::pair{s.title, TextStyle{g.body_size, true, false, Align::kCenter}},
                                      std::pair{s.hint, TextStyle{g.body_size - 1, false, true, Align::kCenter}}}) {
      auto layout = w.Layout(Escaped(text), column, style);
      if (draw) w.Draw(layout.get(), x, y);
      y += PageWriter::Height(layout.get());
    }
    y += space;
    auto name = w.Layout(Escaped(s.name), column, {g.body_size, true, false, Align::kCenter});
    if (draw) w.Draw(name.get(), x, y);
    return y + PageWriter::Height(name.get()) - w.y();
  };
  double height = recipients.empty() ? 0 : DrawRecipients(w, recipients, g.left, column, false);
  for (const auto& s : signatures) height = std::max(height, block(s, 0, false));
  w.EnsureRoom(height);
  if (!recipients.empty()) DrawRecipients(w, recipients, g.left, column, true);
  for (std::size_t i = 0; i < signatures.size(); ++i) block(signatures[i], first + column * i, true);
  w.Advance(height);
}

void DrawBody(PageWriter& w, const std::vector<app::FormBlock>& body) {
  for (std::size_t i = 0; i < body.size(); ++i) {
    const app::FormBlock& block = body[i];
    if (const auto* facts = std::get_if<app::FormFacts>(&block)) {
      const auto* qr = i + 1 < body.size() ? std::get_if<app::FormQrCode>(&body[i + 1]) : nullptr;
      DrawFacts(w, *facts, qr);
      if (qr) ++i;
    } else if (const auto* paragraph = std::get_if<app::FormParagraph>(&block)) {
      DrawParagraph(w, *paragraph);
    } else if (const auto* table = std::get_if<app::FormTable>(&block)) {
      DrawTable(w, *table);
    } else if (const auto* qr = std::get_if<app::FormQrCode>(&block)) {
      DrawQrAlone(w, *qr);
    }
  }
}

// Whether fontconfig gives Pango the family forms are set in, rather than a stand-in without its metrics.
std::optional<Error> FontProblem() {
  PangoFontMap* map = pango_cairo_font_map_get_default();
  Owned<PangoContext> context(pango_font_map_create_context(map));
  Owned<PangoFontDescription> wanted(pango_font_description_from_string(CairoFormRenderer::kFamily));
  Owned<PangoFont> font(pango_font_map_load_font(map, context.get(), wanted.get()));
  if (font) {
    Owned<PangoFontDescription> got(pango_font_describe(font.get()));
    const char* family = pango_font_description_get_family(got.get());
    if (family && std::string(family) == CairoFormRenderer::kFamily) return std::nullopt;
  }
  return Error::Unavailable(
      "form", std::string("máy chủ thiếu phông chữ ") + CairoFormRenderer::kFamily + " (gói fonts-liberation2)",
      std::string("this server lacks the font ") + CairoFormRenderer::kFamily +
          " that forms are printed in: install the package fonts-liberation2");
}

}  // namespace

CairoFormRenderer::CairoFormRenderer() : font_problem_(FontProblem()) {}

Result<std::string> CairoFormRenderer::RenderPdf(const app::PrintedForm& form) const {
  if (font_problem_) return Fail(*font_problem_);
  std::string pdf;
  {
    PageWriter writer(form, pdf);
    DrawHeader(writer, form);
    DrawTitle(writer, form);
    DrawBody(writer, form.body);
    writer.Advance(writer.geometry().body_size * 0.5);
    DrawSignatures(writer, form.signatures, form.recipients);
    if (auto done = writer.Finish(); !done) return Fail(done.error());
  }
  return pdf;
}

}  // namespace motcua::print
