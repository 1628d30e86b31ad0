#include "domain/component_note.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/procedure_catalogue.h"

namespace motcua {
namespace {

DossierComponent Row(const char* group, const char* document, int originals, int copies) {
  return DossierComponent{1, group, document, originals, copies};
}

TEST(ComponentNote, NotesAreToldFromPapers) {
  struct Case {
    const char* why;
    DossierComponent row;
    bool note;
  } cases[] = {
      {"under a Lưu ý heading", Row("* Lưu ý", "- Cá nhân có quyền lựa chọn ...", 0, 0), true},
      {"under a Lưu ý heading even with a count", Row("Lưu ý", "Bản sao giấy tờ", 1, 0), true},
      {"a paper with an original", Row("* Giấy tờ phải nộp", "- Giấy chứng sinh", 1, 0), false},
      {"a paper with copies", Row("", "Tờ khai hải quan", 0, 2), false},
      {"a condition without counts", Row("", "- Trường hợp gửi hồ sơ qua bưu chính thì ...", 0, 0), true},
      {"an introduction to a list", Row("", "- Người có yêu cầu nộp các giấy tờ sau:", 0, 0), true},
      {"punctuation only", Row("", ";", 0, 0), true},
      {"the number of sets", Row("", "* Số lượng hồ sơ: 01 (một) bộ.", 0, 0), true},
      {"a paper without counts stays a paper", Row("", "- Tờ khai hải quan: 02 bản.", 0, 0), false},
      {"the text itself says Lưu ý", Row("a) Hồ sơ", "Lưu ý: giấy tờ nước ngoài phải hợp pháp hóa", 0, 0), true},
  };
  for (const Case& c : cases) EXPECT_EQ(IsNoteRow(c.row), c.note) << c.why;
}

// Birth registration's published list has 33 rows; the counter checks off only its papers.
TEST(ComponentNote, BirthRegistrationKeepsItsPapersAndLosesItsNotes) {
  const auto catalogue = test_support::LoadProcedureCatalogue();
  const auto birth = std::ranges::find(catalogue, std::string("1.001193"), &Procedure::code);
  ASSERT_NE(birth, catalogue.end());
  ASSERT_EQ(birth->components.size(), 33U);
  std::size_t papers = 0;
  for (const DossierComponent& c : birth->components) papers += !IsNoteRow(c);
  EXPECT_LE(papers, 14U);
  EXPECT_GE(papers, 5U);
  for (const DossierComponent& c : birth->components) {
    if (c.document.find("Giấy chứng sinh;") != std::string::npos) {
      EXPECT_FALSE(IsNoteRow(c));
    }
    if (c.case_group == "* Lưu ý") {
      EXPECT_TRUE(IsNoteRow(c)) << c.document;
    }
  }
}

}  // namespace
}  // namespace motcua
