#pragma once
// The web front end served beside the API. web/ is built into web/dist (scripts/build.sh) and compiled into the
// binary by CMake; StaticFiles answers GET and HEAD of every path outside the API from those files:
//   "/"                          index.html
//   "/app.js", "/assets/x.svg"   the file of that path (percent-decoded), or 404 when there is none and the
//                                last segment ends in a known file extension (the table of content types)
//   any other path               index.html: a client-side route ("/dossiers/H15.50.05.13-260112-0001")
// Every answer carries X-Content-Type-Options: nosniff, Referrer-Policy: same-origin and a Content-Security-Policy
// that lets scripts, styles, fonts and connections come from the server only, images also from data: and blob:
// URLs (QR codes, scans), and forbids framing. A file has an ETag (a hash of its bytes; If-None-Match gives 304)
// and Cache-Control "no-cache" (revalidate each time), except a file whose name carries a content hash
// ("app-3F2A9C1B.js": a last '-' or '.' part of 8 to 64 letters, digits or '_' with a digit and a letter),
// which is cached for a year as immutable. A path with a "." or ".." segment, a backslash or a NUL is 404;
// an undecodable escape is 400; the answer never comes from outside the given files. A build without
// the front end has no files: index.html is then a short page saying the front end was not built.
// HEAD answers as GET without the body (the server then sends Content-Length: 0).
//
// Immutable once built; Handle() is const and safe to call from many threads. The files' bytes are not copied.
#include <map>
#include <span>
#include <string>
#include <string_view>

#include "embedded_file.h"
#include "http/http_types.h"

namespace motcua::http {

// Whether `path` (without the query) belongs to the API: /api, /healthz and /metrics and whatever lies below
// them. Such paths never reach the static files.
bool IsApiPath(std::string_view path);

// The Content-Type of a file by its extension, case-insensitively (html, js, css, svg, png, woff2, json, map, ico
// and a few more); empty for a name whose extension is not in the table.
std::string_view ContentTypeOf(std::string_view file_name);

class StaticFiles {
 public:
  // Indexes `files` by path (as EmbeddedFile gives them, relative to web/dist) and hashes their bytes, which
  // must outlive this object (embedded files live for the whole program).
  explicit StaticFiles(std::span<const EmbeddedFile> files);
  // The files compiled into the binary from web/dist; none in a build without the front end.
  static StaticFiles Embedded();

  // The answer to a GET or HEAD of a path outside the API (see above); the caller sends other methods and API
  // paths elsewhere.
  Response Handle(const Request& request) const;

  bool empty() const { return files_.empty(); }

 private:
  struct File {
    std::string_view content;
    std::string_view content_type;
    std::string etag;  // quoted, e.g. "\"5f1c0a9e3b7d2c41\""
    bool immutable = false;
  };
  Response Serve(const Request& request, const File& file) const;
  const File& Index() const;

  std::map<std::string, File, std::less<>> files_;
  File not_built_;  // served as index.html when there is none
};

// A handler answering GET and HEAD of non-API paths from `files` and everything else with `api` (which keeps
// its JSON 404 and 405 for unknown API paths and other methods). Static requests are not counted by /metrics.
Handler WithStaticFiles(Handler api, StaticFiles files = StaticFiles::Embedded());

}  // namespace motcua::http
