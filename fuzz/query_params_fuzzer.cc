// Fuzzes the reading of query strings and percent-encoded text (src/http/query_params.h): each input is a
// request target ("/api/v1/procedures?q=dang+ky&limit=10"), read with the parameter names of every endpoint
// that has some (the lists are those of the handlers, named beside each) and then as the handler reads its
// values: integers with GetInt, times and dates with the civil-time parsers, statuses and report options with
// their parsers.
//
// A failure: a crash, a sanitizer report, an exception escaping, a refusal that is not an InvalidArgument
// naming its parameter, a value handed out that is not UTF-8 (checked with nlohmann-json's decoder, not ours),
// IsValidUtf8 disagreeing with that decoder, or GetInt returning a number outside its range.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string_view>

#include "app/periodic_reports.h"
#include "domain/civil_time.h"
#include "domain/dossier_state.h"
#include "fuzz_check.h"
#include "http/query_params.h"

namespace {

using motcua::fuzz::Check;
using motcua::fuzz::CheckRefusal;
using motcua::fuzz::IsUtf8ForNlohmann;
using motcua::http::QueryParams;

// An integer parameter as one handler reads it: GetInt(name, fallback, min, max).
struct IntParameter {
  std::string_view name;
  int fallback = 0;
  int min = 0;
  int max = 0;
};

// Every value of `names` in `query` is UTF-8, as QueryParams promises; Require agrees with Get.
void CheckValues(const QueryParams& query, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const auto value = query.Get(name);
    if (value) Check(IsUtf8ForNlohmann(*value), "a decoded parameter is UTF-8");
    Check(query.Require(name).has_value() == value.has_value(), "Require finds what Get finds");
  }
}

void CheckInt(const QueryParams& query, const IntParameter& parameter) {
  const auto number = query.GetInt(parameter.name, parameter.fallback, parameter.min, parameter.max);
  if (!number) return CheckRefusal(number.error());
  if (!query.Get(parameter.name)) return Check(*number == parameter.fallback, "GetInt gives the fallback");
  Check(*number >= parameter.min && *number <= parameter.max, "GetInt stays in its range");
}

// Reads `target` as an endpoint whose handler knows `names` (and reads `integer`, when it has a name).
void ReadAs(std::string_view target, std::initializer_list<std::string_view> names, IntParameter integer = {}) {
  auto query = QueryParams::ParseKnown(target, names);
  if (!query) return CheckRefusal(query.error());
  CheckValues(*query, names);
  if (!integer.name.empty()) CheckInt(*query, integer);
}

// The values that handlers parse further, read by the same parsers (dossier_api.cc, report_api.cc).
void ParseValues(const QueryParams& query) {
  for (std::string_view name : {"due_from", "due_to"}) {
    const auto text = query.Get(name);
    if (!text) continue;
    if (auto instant = motcua::ParseIsoInstant(*text, name); !instant) CheckRefusal(instant.error());
  }
  for (std::string_view name : {"from", "to"}) {
    const auto text = query.Get(name);
    if (!text) continue;
    if (auto date = motcua::ParseIsoDate(*text, name); !date) CheckRefusal(date.error());
  }
  if (auto status = query.Get("status")) (void)motcua::ParseDossierStatus(*status);
  (void)motcua::app::ParseReportSide(query.Get("side").value_or("receiving"));
  (void)motcua::app::ParseReportBreakdown(query.Get("by").value_or(""));
}

// Every parameter of the query, whatever its name: any GetInt on it keeps its promise.
void ReadAnything(std::string_view target) {
  auto query = QueryParams::Parse(target);
  if (!query) return CheckRefusal(query.error());
  ParseValues(*query);
  for (std::string_view name : {"q", "limit", "year", "cursor"}) {
    CheckInt(*query, {name, 7, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()});
    CheckInt(*query, {name, 7, -5, 5});
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view target(reinterpret_cast<const char*>(data), size);
  Check(motcua::http::IsValidUtf8(target) == IsUtf8ForNlohmann(target),
        "IsValidUtf8 agrees with nlohmann-json's decoder");
  for (bool plus_is_space : {false, true}) {
    auto decoded = motcua::http::PercentDecode(target, "path", plus_is_space);
    if (decoded) Check(IsUtf8ForNlohmann(*decoded), "PercentDecode gives UTF-8");
    if (!decoded) CheckRefusal(decoded.error());
  }
  ReadAs(target, {});                                                              // most endpoints
  ReadAs(target, {"q", "level", "prefer_level", "limit"}, {"limit", 10, 1, 100});  // public_api.cc: search
  ReadAs(target, {"q", "prefer_level"});                                           // assistant_api.cc
  ReadAs(target, {"province"});                                                    // public_api.cc: units
  ReadAs(target, {"year"}, {"year", 0, 1900, 9999});                               // calendar_api.cc
  ReadAs(target,
         {"unit", "agency", "status", "procedure", "due_from", "due_to", "assignee", "applicant_id", "order", "cursor",
          "limit"},
         {"limit", 50, 1, 500});                               // dossier_api.cc: the list
  ReadAs(target, {"cursor", "limit"}, {"limit", 50, 1, 500});  // dossier_api.cc: a page of history
  ReadAs(target, {"name"});                                    // files_api.cc: an upload
  ReadAs(target, {"unit"});                                    // registry_api.cc
  ReadAs(target, {"unit", "province", "agency", "from", "to", "by", "side", "format"});  // report_api.cc
  ReadAs(target, {"province", "from", "to", "side", "format"});                          // report_api.cc: CSV
  ReadAnything(target);
  return 0;
}
