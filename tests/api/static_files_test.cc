// The web front end served beside the API (src/http/static_files.h), called directly with Beast requests: a
// small set of files stands for web/dist, so that the tests do not depend on whether the front end was built.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "http/health_handler.h"

namespace motcua::http {
namespace {

using boost::beast::http::field;

constexpr std::string_view kIndex = "<!doctype html><title>Một cửa</title><script src=\"/app.js\"></script>";
constexpr std::string_view kScript = "console.log('một cửa');";

const EmbeddedFile kFiles[] = {
    {"index.html", kIndex},
    {"app.js", kScript},
    {"app.css", "body{margin:0}"},
    {"app.js.map", "{\"version\":3}"},
    {"assets/logo-3F2A9C1B.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
    {"assets/inter-latin.woff2", "wOF2"},
    {"favicon.ico", "ico"},
};

Request Get(std::string target, Method method = Method::get) {
  Request request{method, target, 11};
  request.set(field::host, "127.0.0.1");
  return request;
}

std::string Header(const Response& response, std::string_view name) {
  return std::string(ToStd(response[boost::beast::string_view(name.data(), name.size())]));
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFiles files_{kFiles};
};

TEST_F(StaticFilesTest, RootIsTheIndexRevalidatedEachTime) {
  const Response response = files_.Handle(Get("/"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), kIndex);
  EXPECT_EQ(Header(response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Header(response, "Cache-Control"), "no-cache");
  EXPECT_EQ(Header(response, "ETag").size(), 18u);
  EXPECT_EQ(files_.Handle(Get("/index.html")).body(), kIndex);
}

TEST_F(StaticFilesTest, EveryAnswerCarriesTheSecurityHeaders) {
  for (const char* target : {"/", "/app.js", "/missing.png", "/dossiers/x"}) {
    SCOPED_TRACE(target);
    const Response response = files_.Handle(Get(target));
    EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
    const std::string csp = Header(response, "Content-Security-Policy");
    for (const char* directive : {"default-src 'self'", "script-src 'self';", "style-src 'self';",
                                  "img-src 'self' data: blob:;", "connect-src 'self';", "frame-ancestors 'none'"}) {
      EXPECT_NE(csp.find(directive), std::string::npos) << directive << " in " << csp;
    }
    EXPECT_EQ(csp.find("unsafe"), std::string::npos) << csp;
  }
}

// Paths of the client-side application (some with dots: dossier and procedure codes) get the index.
TEST_F(StaticFilesTest, ClientRoutesGetTheIndex) {
  for (const char* target : {"/dossiers", "/dossiers/H15.50.05.13-260112-0001", "/procedures/1.001193?q=khai+sinh",
                             "/agencies/000.00.25.H52", "/admin/users/", "/apix"}) {
    SCOPED_TRACE(target);
    const Response response = files_.Handle(Get(target));
    EXPECT_EQ(response.result(), Status::ok);
    EXPECT_EQ(response.body(), kIndex);
    EXPECT_EQ(Header(response, "Cache-Control"), "no-cache");
  }
}

TEST_F(StaticFilesTest, AssetsHaveTheirContentTypeAndCacheLife) {
  struct Case {
    const char* target;
    const char* content_type;
    const char* cache_control;
  };
  const Case cases[] = {
      {"/app.js", "text/javascript; charset=utf-8", "no-cache"},
      {"/app.css", "text/css; charset=utf-8", "no-cache"},
      {"/app.js.map", "application/json", "no-cache"},
      {"/assets/logo-3F2A9C1B.svg", "image/svg+xml", "public, max-age=31536000, immutable"},
      {"/assets/inter-latin.woff2", "font/woff2", "no-cache"},  // "latin" is a word, not a hash
      {"/favicon.ico", "image/x-icon", "no-cache"},
      {"/app.js?v=2", "text/javascript; charset=utf-8", "no-cache"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.target);
    const Response response = files_.Handle(Get(c.target));
    EXPECT_EQ(response.result(), Status::ok);
    EXPECT_EQ(Header(response, "Content-Type"), c.content_type);
    EXPECT_EQ(Header(response, "Cache-Control"), c.cache_control);
  }
  EXPECT_EQ(files_.Handle(Get("/app.js")).body(), kScript);
}

TEST(ContentTypeOfTest, ByExtension) {
  const std::pair<const char*, const char*> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"a/b.JS", "text/javascript; charset=utf-8"},
      {"x.png", "image/png"},
      {"manifest.json", "application/json"},
      {"1.001193", ""},
      {".hidden", ""},
      {"README", ""},
  };
  for (const auto& [name, type] : cases) EXPECT_EQ(ContentTypeOf(name), type) << name;
}

TEST_F(StaticFilesTest, MissingFilesAre404) {
  for (const char* target : {"/missing.js", "/assets/logo-00000000.svg", "/index.htm.map", "/APP.JS"}) {
    SCOPED_TRACE(target);
    const Response response = files_.Handle(Get(target));
    EXPECT_EQ(response.result(), Status::not_found);
    EXPECT_EQ(nlohmann::json::parse(response.body())["error"]["code"], "not_found");
  }
}

TEST_F(StaticFilesTest, IfNoneMatchWithTheETagIs304) {
  const std::string etag = Header(files_.Handle(Get("/app.js")), "ETag");
  for (const std::string& header : {etag, "W/" + etag, "\"other\", " + etag, std::string("*")}) {
    SCOPED_TRACE(header);
    Request request = Get("/app.js");
    request.set(field::if_none_match, header);
    const Response response = files_.Handle(request);
    EXPECT_EQ(response.result(), Status::not_modified);
    EXPECT_EQ(response.body(), "");
    EXPECT_EQ(Header(response, "ETag"), etag);
    EXPECT_EQ(Header(response, "Cache-Control"), "no-cache");
  }
  Request stale = Get("/app.js");
  stale.set(field::if_none_match, "\"0000000000000000\"");
  EXPECT_EQ(files_.Handle(stale).result(), Status::ok);
  EXPECT_NE(Header(files_.Handle(Get("/app.css")), "ETag"), etag);
}

TEST_F(StaticFilesTest, HeadHasTheHeadersWithoutTheBody) {
  const Response response = files_.Handle(Get("/app.js", Method::head));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), "");
  EXPECT_EQ(Header(response, "Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(response, "ETag"), Header(files_.Handle(Get("/app.js")), "ETag"));
}

// Whatever the encoding, a path never reaches past the embedded files: dot segments, backslashes and NULs are
// refused outright rather than resolved.
TEST_F(StaticFilesTest, PathTraversalNeverEscapesTheFiles) {
  const char* targets[] = {
      "/../etc/passwd", "/assets/../app.js",       "/./app.js",           "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/app.js", "/..%2f..%2fetc%2fpasswd", "/assets/..%2fapp.js", "/assets/..%5capp.js",
      "/..\\app.js",    "/app.js%00.html",         "/%2e/app.js",         "/a/b/../../etc/passwd",
  };
  for (const char* target : targets) {
    SCOPED_TRACE(target);
    const Response response = files_.Handle(Get(target));
    EXPECT_EQ(response.result(), Status::not_found);
    EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
  }
  const Response malformed = files_.Handle(Get("/%zz"));
  EXPECT_EQ(malformed.result(), Status::bad_request);
  EXPECT_EQ(nlohmann::json::parse(malformed.body())["error"]["field"], "path");
  // An encoded API path is not a page either.
  EXPECT_EQ(files_.Handle(Get("/%61pi/v1/users")).result(), Status::not_found);
}

TEST(IsApiPathTest, ApiHealthAndMetricsAndWhatLiesBelow) {
  const std::pair<const char*, bool> cases[] = {
      {"/api", true},     {"/api/v1/units", true}, {"/api/", true},      {"/healthz", true},
      {"/metrics", true}, {"/metrics/x", true},    {"/", false},         {"/apis", false},
      {"/app.js", false}, {"/healthzz", false},    {"/dossiers", false},
  };
  for (const auto& [path, api] : cases) EXPECT_EQ(IsApiPath(path), api) << path;
}

// The wrapper `motcua serve` uses: the API keeps its own answers, JSON errors included.
TEST_F(StaticFilesTest, WrapperLeavesTheApiToTheRouter) {
  const Handler handler = WithStaticFiles(MakeFoundationRouter("test"), files_);
  const Response missing = handler(Get("/api/v1/nothing"));
  EXPECT_EQ(missing.result(), Status::not_found);
  EXPECT_EQ(Header(missing, "Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(nlohmann::json::parse(missing.body())["error"]["code"], "not_found");
  const Response health = handler(Get("/healthz"));
  EXPECT_EQ(health.result(), Status::ok);
  EXPECT_EQ(nlohmann::json::parse(health.body())["version"], "test");
  // Only reads are pages: another method on a page path is the router's JSON 404.
  const Response post = handler(Get("/dossiers", Method::post));
  EXPECT_EQ(post.result(), Status::not_found);
  EXPECT_EQ(Header(post, "Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(handler(Get("/")).body(), kIndex);
  EXPECT_EQ(handler(Get("/dossiers/H15.50.05.13-260112-0001")).body(), kIndex);
  EXPECT_EQ(handler(Get("/app.js", Method::head)).result(), Status::ok);
}

// A C++-only build embeds nothing: the index says the front end was not built, and there are no assets.
TEST(StaticFilesNotBuiltTest, TheIndexSaysSo) {
  const StaticFiles none{std::span<const EmbeddedFile>()};
  EXPECT_TRUE(none.empty());
  for (const char* target : {"/", "/dossiers/x", "/index.html"}) {
    SCOPED_TRACE(target);
    const Response response = none.Handle(Get(target));
    EXPECT_EQ(response.result(), Status::ok);
    EXPECT_EQ(Header(response, "Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(response.body().find("scripts/build.sh"), std::string::npos);
  }
  EXPECT_EQ(none.Handle(Get("/app.js")).result(), Status::not_found);
}

// Whatever this build embedded (web/dist, or nothing), the root is an HTML page.
TEST(StaticFilesEmbeddedTest, RootIsAnHtmlPage) {
  const Response response = StaticFiles::Embedded().Handle(Get("/"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(Header(response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(response.body().empty());
}

}  // namespace
}  // namespace motcua::http
