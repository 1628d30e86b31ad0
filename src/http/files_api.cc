#include "http/files_api.h"

#include <cctype>
#include <string>

#include <nlohmann/json.hpp>

#include "app/document_files.h"
#include "app/dossier_desk.h"
#include "app/dossier_view.h"
#include "domain/percent_encoding.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/request_account.h"
#include "http/throttle.h"

namespace motcua::http {
namespace {

using nlohmann::json;

json UploadJson(const DocumentUpload& u) {
  return {{"id", u.id},
          {"size", u.size},
          {"media_type", MediaTypeName(u.media_type)},
          {"name", u.original_name},
          {"uploaded_at", FormatIsoLocal(u.uploaded_at)}};
}

json DocumentJson(const app::DossierDocument& d) {
  json item = {{"component_seq", d.component_seq},
               {"file", d.file},
               {"attached_by", d.attached_by},
               {"attached_at", FormatIsoLocal(d.attached_at)},
               {"stored", d.upload.has_value()}};
  if (d.upload) {
    item["name"] = d.upload->original_name;
    item["size"] = d.upload->size;
    item["media_type"] = MediaTypeName(d.upload->media_type);
  }
  return item;
}

// "filename*" of RFC 6266 / RFC 8187: UTF-8, percent-encoded outside the attribute characters.
std::string ExtendedFileName(std::string_view name) { return "UTF-8''" + PercentEncoded(name, "!#$&+-.^_`|~"); }

Response FileResponse(const Request& request, const app::DocumentContent& content) {
  Response response{Status::ok, request.version()};
  response.set(boost::beast::http::field::content_type, std::string(MediaTypeName(content.upload.media_type)));
  const std::string name = content.upload.original_name.empty() ? content.upload.id : content.upload.original_name;
  response.set(boost::beast::http::field::content_disposition, "inline; filename*=" + ExtendedFileName(name));
  // The content never changes under its id; only the account that asked may keep it.
  response.set(boost::beast::http::field::cache_control, "private, max-age=31536000, immutable");
  response.set("X-Content-Type-Options", "nosniff");
  response.body() = content.bytes;
  response.prepare_payload();
  return response;
}

// Authenticates the request, then runs `body` with the account, the thread's store and a desk on it.
template <typename F>
Response AsAccount(const FilesApiContext& c, const Request& request, F&& body) {
  auto account = RequestAccount(c.dossiers.sessions, request);
  if (!account) return ErrorResponse(account.error());
  auto store = c.dossiers.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  const auto calendar = c.dossiers.calendar.Current();
  app::DossierDesk desk(**store, c.dossiers.clock, *calendar, c.dossiers.settings);
  return body(*account, **store, desk);
}

// 429: the account's bytes of the day are used up (domain/upload_quota.h).
Response QuotaExceeded(std::chrono::seconds wait, std::int64_t quota_bytes) {
  const std::string mib = std::to_string(quota_bytes >> 20);
  const std::string minutes = std::to_string((wait.count() + 59) / 60);
  Response response = ErrorResponse(
      Status::too_many_requests, "quota_exceeded",
      "tài khoản đã tải lên hết hạn mức " + mib + " MiB trong 24 giờ; thử lại sau " + minutes + " phút",
      "this account has used its " + mib + " MiB of uploads in 24 hours; try again in " + minutes + " min", "file");
  response.set(boost::beast::http::field::retry_after, std::to_string(wait.count()));
  return response;
}

Response Upload(const FilesApiContext& c, const Request& request) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"name"});
  if (!query) return ErrorResponse(query.error());
  if (auto refused = Throttle(c.limits.per_client, request, "file", "lượt tải tệp lên", "uploads")) {
    return std::move(*refused);
  }
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk&) {
    const auto type = request.find(boost::beast::http::field::content_type);
    const std::string_view declared = type == request.end() ? std::string_view() : ToStd(type->value());
    app::DocumentFiles files(store, c.blobs, c.dossiers.clock);
    const auto size = static_cast<std::int64_t>(request.body().size());
    auto wait = files.QuotaWait(account, size, c.limits.quota);
    if (!wait) return ErrorResponse(wait.error());
    if (*wait > std::chrono::seconds(0)) return QuotaExceeded(*wait, QuotaBytesOf(account.role, c.limits.quota));
    auto upload = files.Upload(account, declared, query->Get("name").value_or(""), request.body());
    if (!upload) return AccountFailure(account, request, upload.error());
    Response response = JsonResponse(Status::created, UploadJson(*upload));
    response.set(boost::beast::http::field::location, "/api/v1/files/" + upload->id);
    return response;
  });
}

Response Download(const FilesApiContext& c, const Request& request, const PathParams& params) {
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    app::DocumentFiles files(store, c.blobs, c.dossiers.clock);
    auto content = files.Read(account, params.Get("id"), [&](const std::string& code) {
      return desk.Authorize(account, code, DossierAction::kView);
    });
    if (!content) return AccountFailure(account, request, content.error());
    return FileResponse(request, *content);
  });
}

Response DossierFiles(const FilesApiContext& c, const Request& request, const PathParams& params) {
  if (auto query = QueryParams::ParseKnown(ToStd(request.target()), {}); !query) return ErrorResponse(query.error());
  return AsAccount(c, request, [&](const Account& account, store::Store& store, app::DossierDesk& desk) {
    auto view = desk.Show(account, std::string(params.Get("code")));
    if (!view) return AccountFailure(account, request, view.error());
    auto documents = app::DocumentsOf(store, view->history);
    if (!documents) return ErrorResponse(documents.error());
    json items = json::array();
    for (const app::DossierDocument& d : *documents) items.push_back(DocumentJson(d));
    return JsonResponse(Status::ok, {{"items", std::move(items)}});
  });
}

}  // namespace

void AddFilesApi(Router& router, const FilesApiContext& context) {
  router.Add(Method::post, "/api/v1/files", [context](const Request& request) { return Upload(context, request); });
  router.Add(Method::get, "/api/v1/files/{id}", RouteHandler([context](const Request& request, const PathParams& p) {
               return Download(context, request, p);
             }));
  router.Add(Method::get, "/api/v1/dossiers/{code}/files",
             RouteHandler(
                 [context](const Request& request, const PathParams& p) { return DossierFiles(context, request, p); }));
}

}  // namespace motcua::http
