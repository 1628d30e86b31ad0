#include "domain/component_note.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "domain/text_folding.h"

namespace motcua {
namespace {

// Folded openings of explanations, checked on the text past its list marks ("- ", "+ ", "* ", "(").
constexpr std::array<std::string_view, 9> kExplanationOpenings = {
    "truong hop", "doi voi", "neu ", "nguoi tiep nhan", "co quan", "so luong ho so", "luu y", "ghi chu", "chu y"};

std::string WithoutListMarks(std::string folded) {
  const std::size_t start = folded.find_first_not_of("-+*•·. (");
  return start == std::string::npos ? std::string() : folded.substr(start);
}

bool HasLetter(const std::string& folded) {
  return std::ranges::any_of(folded, [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

bool IsNoteRow(const DossierComponent& component) {
  const std::string group = WithoutListMarks(FoldVietnamese(component.case_group));
  const std::string text = WithoutListMarks(FoldVietnamese(component.document));
  if (group.starts_with("luu y") || text.starts_with("luu y")) return true;
  if (component.originals > 0 || component.copies > 0) return false;
  if (!HasLetter(text) || text.ends_with(':')) return true;
  return std::ranges::any_of(kExplanationOpenings, [&](std::string_view opening) { return text.starts_with(opening); });
}

}  // namespace motcua
