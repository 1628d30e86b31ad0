// The logfmt lines of src/http/log_line.h: values quoted and escaped so that a line always parses back, and
// targets stripped of personal data before they are written.
#include "http/log_line.h"

#include <gtest/gtest.h>

#include <string>

namespace motcua::http {
namespace {

TEST(LogLineTest, QuotesTextAndEscapesWhatWouldBreakTheLine) {
  const std::string line = LogLine("event")
                               .Text("plain", "tn.vanson")
                               .Text("spaces", "a b=c")
                               .Text("quotes", "say \"hi\" \\ now")
                               .Text("controls", "l1\nl2\tx\x01y\x7f")
                               .Text("vietnamese", "Không đủ điều kiện")
                               .Text("empty", "")
                               .Number("status", 403)
                               .Number("negative", -5)
                               .str();
  EXPECT_EQ(line,
            "event plain=\"tn.vanson\" spaces=\"a b=c\" quotes=\"say \\\"hi\\\" \\\\ now\" "
            "controls=\"l1\\nl2\\tx\\u0001y\\u007f\" vietnamese=\"Không đủ điều kiện\" empty=\"\" status=403 "
            "negative=-5");
}

TEST(LogLineTest, RedactsPersonalDataFromTargets) {
  const struct {
    const char* target;
    const char* logged;
  } cases[] = {
      {"/healthz", "/healthz"},
      {"/api/v1/dossiers?applicant_id=025099012345&limit=5", "/api/v1/dossiers?applicant_id=***&limit=5"},
      // The parameter is redacted whatever its value looks like; the citizen ID wherever it stands.
      {"/api/v1/dossiers?limit=5&applicant_id=0250", "/api/v1/dossiers?limit=5&applicant_id=***"},
      {"/api/v1/x?citizen_id=1&phone=0912345678&email=a%40b.vn&name=An",
       "/api/v1/x?citizen_id=***&phone=***&email=***&name=***"},
      {"/api/v1/dossiers/025099012345", "/api/v1/dossiers/***"},
      {"/api/v1/x?q=025099012345", "/api/v1/x?q=***"},
      // Not a citizen ID: 11 or 13 digits, a dossier code, a unit code, a procedure code.
      {"/a?n=02509901234&m=0250990123456", "/a?n=02509901234&m=0250990123456"},
      {"/api/v1/dossiers/000.00.25.H52-260112-0001", "/api/v1/dossiers/000.00.25.H52-260112-0001"},
      {"/api/v1/reports?unit=05152&procedure=1.004194", "/api/v1/reports?unit=05152&procedure=1.004194"},
      // Parameters without a value, empty ones, and a bare "?".
      {"/a?applicant_id&x=&", "/a?applicant_id&x=&"},
      {"/a?", "/a?"},
      {"-", "-"},
  };
  for (const auto& c : cases) EXPECT_EQ(RedactedTarget(c.target), c.logged) << c.target;
}

}  // namespace
}  // namespace motcua::http
