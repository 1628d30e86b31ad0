#pragma once
// A form to print (the receipt slip, the supplement request, …; docs/law/forms.md), described without any notion of
// how it is drawn: the header blocks every administrative form of Decree 30/2020 and Circular 03/2025 has (the
// issuing body on the left, the national motto on the right, the number and the place and date), its title, a body
// of paragraphs, facts, tables and a QR code, and the signature blocks. The use cases fill it (receipt_slip.h); a
// FormRenderer (form_renderer.h) lays it out on A4 or A5 pages. Text is UTF-8 in NFC.
#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace motcua::app {

enum class Paper { kA4, kA5 };

// A line or paragraph of running text; wraps to the width of the page.
struct FormParagraph {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool centered = false;
};

// "Label: value" lines, the label in regular type and the value bold, wrapping under the value.
struct FormFacts {
  std::vector<std::pair<std::string, std::string>> lines;
};

// A table with a heading row, repeated on each page it continues on; `widths` are the columns' shares of the
// text width (they add up to 1). Cells of the columns `left_aligned` marks (running text: a document's name, a
// hand-over) are set flush left, the others (numbers, dates) centred; unmarked, the second column is the text.
struct FormTable {
  std::vector<std::string> headings;
  std::vector<double> widths;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> left_aligned = {};

  bool LeftAligned(std::size_t column) const {
    return left_aligned.empty() ? column == 1 : column < left_aligned.size() && left_aligned[column];
  }
};

// A QR code beside a caption, at the right of the page; `text` is what it encodes (a tracking address).
struct FormQrCode {
  std::string text;
  std::string caption;
};

using FormBlock = std::variant<FormParagraph, FormFacts, FormTable, FormQrCode>;

// A signature block: its title ("NGƯỜI TIẾP NHẬN HỒ SƠ"), the hint under it ("(Ký và ghi rõ họ tên)") and the
// name printed below the space left for the signature ("" for none).
struct FormSignature {
  std::string title;
  std::string hint;
  std::string name;
};

struct PrintedForm {
  Paper paper = Paper::kA4;
  std::string form_number;                // "Mẫu số 01", printed small at the top right; "" for none
  std::vector<std::string> issuer_lines;  // the issuing body, top left, the last line bold
  std::string number_line;                // "Số: H15.50-260112-0001"
  std::string place_and_date;             // "Sa Pa, ngày 12 tháng 01 năm 2026"
  std::string title;                      // in capitals, centred
  std::string subtitle;                   // under the title, centred, italic; "" for none
  std::vector<FormBlock> body;
  std::vector<FormSignature> signatures;  // side by side, left to right
  // "Nơi nhận:" and its lines ("- Như trên;", …, "- Lưu: VT."), at the left of the signatures as Decree 30/2020
  // places them; empty for none.
  std::vector<std::string> recipients;
  std::string footer;  // small print at the foot of each page ("" for none)
};

}  // namespace motcua::app
