// The province's own search synonyms over HTTP (src/http/search_synonyms_api.h): only the administrator lists,
// adds and retires them, the body is read strictly, a bad expansion is refused naming it, and the public search
// uses an added synonym at once and a retired one no longer. The world is tests/support/dossier_api_fixture.h.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "support/dossier_api_fixture.h"

namespace motcua::http {
namespace {

using nlohmann::json;
using test_support::HttpReply;

constexpr const char* kSynonyms = "/api/v1/search/synonyms";
// A phrase no national synonym knows and no procedure says, and the wording of first land certificates.
constexpr const char* kPhrase = "bìa xanh lá";
constexpr const char* kExpansion = "giấy chứng nhận quyền sử dụng đất";

class SearchSynonymsApiTest : public test_support::DossierApiFixture {
 protected:
  std::string FirstFound(const std::string& q) {
    const HttpReply found = server_->Get("/api/v1/procedures?q=" + q);
    EXPECT_EQ(found.status, 200u) << found.body;
    const json items = found.Json()["items"];
    return items.empty() ? std::string() : items[0]["name"].get<std::string>();
  }
};

TEST_F(SearchSynonymsApiTest, TheAdministratorAddsASynonymThatSearchUsesAtOnceUntilRetired) {
  const std::string q = "b%C3%ACa%20xanh%20l%C3%A1";  // "bìa xanh lá"
  EXPECT_EQ(FirstFound(q).find("quyền sử dụng đất"), std::string::npos);

  const HttpReply added = Post("admin", kSynonyms, {{"phrase", kPhrase}, {"expansion", kExpansion}});
  ASSERT_EQ(added.status, 201u) << added.body;
  EXPECT_EQ(added.Json()["phrase"], kPhrase);
  EXPECT_EQ(added.Json()["added_by"], "admin");
  EXPECT_EQ(added.Json()["active"], true);
  EXPECT_NE(FirstFound(q).find("quyền sử dụng đất"), std::string::npos) << FirstFound(q);

  const HttpReply listed = server_->Send(Method::get, kSynonyms, "", test_support::TokenOf("admin"));
  ASSERT_EQ(listed.status, 200u) << listed.body;
  ASSERT_EQ(listed.Json()["items"].size(), 1u);

  const std::string retire = std::string(kSynonyms) + "/" + std::to_string(added.Json()["id"].get<int>()) + "/retire";
  const HttpReply retired = Post("admin", retire, json::object());
  ASSERT_EQ(retired.status, 200u) << retired.body;
  EXPECT_EQ(retired.Json()["active"], false);
  EXPECT_EQ(retired.Json()["retired_by"], "admin");
  EXPECT_EQ(FirstFound(q).find("quyền sử dụng đất"), std::string::npos);
  EXPECT_EQ(Post("admin", retire, json::object()).status, 409u);
}

TEST_F(SearchSynonymsApiTest, OnlyTheAdministratorChangesThemAndBadOnesAreRefusedNamingTheField) {
  for (const char* who : {"tn.vanson", "ld.vanson", "gs.phutho", "cd.an"}) {
    ExpectDenied(Post(who, kSynonyms, {{"phrase", kPhrase}, {"expansion", kExpansion}}), "role");
    ExpectDenied(server_->Send(Method::get, kSynonyms, "", test_support::TokenOf(who)), "role");
  }
  EXPECT_EQ(server_->Send(Method::post, kSynonyms, json{{"phrase", kPhrase}, {"expansion", kExpansion}}.dump()).status,
            401u);
  struct Case {
    json body;
    const char* field;
  } cases[] = {
      {{{"phrase", kPhrase}, {"expansion", "nấu canh chua"}}, "expansion"},
      {{{"phrase", kPhrase}}, "expansion"},
      {{{"phrase", ""}, {"expansion", kExpansion}}, "phrase"},
      {{{"phrase", kPhrase}, {"expansion", kExpansion}, {"colour", "red"}}, "colour"},
      {{{"phrase", std::string(201, 'a')}, {"expansion", kExpansion}}, "phrase"},
  };
  for (const Case& c : cases) {
    const HttpReply refused = Post("admin", kSynonyms, c.body);
    EXPECT_EQ(refused.status, 400u) << c.body.dump() << " " << refused.body;
    EXPECT_EQ(refused.Json()["error"]["field"], c.field) << c.body.dump();
  }
  EXPECT_EQ(Post("admin", std::string(kSynonyms) + "/abc/retire", json::object()).status, 400u);
  EXPECT_EQ(Post("admin", std::string(kSynonyms) + "/999/retire", json::object()).status, 404u);
  const HttpReply listed = server_->Send(Method::get, kSynonyms, "", test_support::TokenOf("admin"));
  EXPECT_TRUE(listed.Json()["items"].empty()) << listed.body;
}

}  // namespace
}  // namespace motcua::http
