#include "http/report_api.h"

#include "app/periodic_reports.h"
#include "app/report_csv.h"
#include "http/json_response.h"
#include "http/query_params.h"
#include "http/report_json.h"
#include "http/request_account.h"

namespace motcua::http {
namespace {

Result<LocalDate> RequiredDate(const QueryParams& query, std::string_view name) {
  auto text = query.Require(name);
  if (!text) return Fail(text.error());
  return ParseIsoDate(*text, name);
}

std::optional<std::string> Text(const QueryParams& query, std::string_view name) {
  const auto value = query.Get(name);
  return value ? std::optional<std::string>(std::string(*value)) : std::nullopt;
}

struct Period {
  LocalDate first, last;
  store::ReportSide side = store::ReportSide::kReceiving;
  bool csv = false;
};

Result<Period> ParsePeriod(const QueryParams& query) {
  auto first = RequiredDate(query, "from");
  if (!first) return Fail(first.error());
  auto last = RequiredDate(query, "to");
  if (!last) return Fail(last.error());
  auto side = app::ParseReportSide(query.Get("side").value_or("receiving"));
  if (!side) return Fail(side.error());
  const std::string_view format = query.Get("format").value_or("json");
  if (format != "json" && format != "csv") {
    return Fail(Error::InvalidArgument("format", "định dạng là json hoặc csv", "format is json or csv"));
  }
  return Period{*first, *last, *side, format == "csv"};
}

Response CsvResponse(std::string body, const std::string& name) {
  Response response{Status::ok, 11};
  response.set(boost::beast::http::field::content_type, "text/csv; charset=utf-8");
  response.set(boost::beast::http::field::content_disposition, "attachment; filename=\"" + name + "\"");
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

// Authenticates and authorizes, then runs `body` with the store.
template <typename F>
Response AsReader(const SessionApiContext& c, const Request& request, const QueryParams& query, F&& body) {
  auto account = RequestAccount(c, request);
  if (!account) return ErrorResponse(account.error());
  auto store = c.stores.ForThisThread();
  if (!store) return ErrorResponse(store.error());
  if (auto allowed = app::AuthorizeReport(**store, *account, Text(query, "unit"), Text(query, "province")); !allowed) {
    if (allowed.error().code == ErrorCode::kPermissionDenied) LogDenial(*account, request, allowed.error());
    return ErrorResponse(allowed.error());
  }
  return body(**store);
}

Response Report(const SessionApiContext& c, const Request& request) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()),
                                       {"unit", "province", "agency", "from", "to", "by", "side", "format"});
  if (!query) return ErrorResponse(query.error());
  auto period = ParsePeriod(*query);
  if (!period) return ErrorResponse(period.error());
  auto by = app::ParseReportBreakdown(query->Get("by").value_or(""));
  if (!by) return ErrorResponse(by.error());
  return AsReader(c, request, *query, [&](store::Store& store) {
    const app::ReportRequest wanted{period->side,
                                    Text(*query, "unit"),
                                    Text(*query, "province"),
                                    Text(*query, "agency"),
                                    period->first,
                                    period->last,
                                    *by};
    auto report = app::BuildPeriodicReport(store, wanted, c.clock.Now());
    if (!report) return ErrorResponse(report.error());
    if (period->csv) {
      return CsvResponse(app::PeriodicReportCsv(*report),
                         "bao-cao-" + (wanted.unit ? *wanted.unit : *wanted.province) + ".csv");
    }
    return JsonResponse(Status::ok, PeriodicReportJson(*report));
  });
}

Response Ranking(const SessionApiContext& c, const Request& request) {
  auto query = QueryParams::ParseKnown(ToStd(request.target()), {"province", "from", "to", "side", "format"});
  if (!query) return ErrorResponse(query.error());
  auto province = query->Require("province");
  if (!province) return ErrorResponse(province.error());
  auto period = ParsePeriod(*query);
  if (!period) return ErrorResponse(period.error());
  return AsReader(c, request, *query, [&](store::Store& store) {
    auto ranking = app::RankUnits(store, *province, period->first, period->last, period->side, c.clock.Now());
    if (!ranking) return ErrorResponse(ranking.error());
    if (period->csv) return CsvResponse(app::RankingCsv(*ranking), "xep-hang-" + *province + ".csv");
    return JsonResponse(Status::ok, RankingJson(*ranking));
  });
}

}  // namespace

void AddReportApi(Router& router, const SessionApiContext& context) {
  router.Add(Method::get, "/api/v1/reports", Handler([context](const Request& r) { return Report(context, r); }));
  router.Add(Method::get, "/api/v1/reports/ranking",
             Handler([context](const Request& r) { return Ranking(context, r); }));
}

}  // namespace motcua::http
