#pragma once
// A row's number in a route's path (".../synonyms/{id}/retire"): a positive decimal integer, else InvalidArgument
// naming the parameter. Pure; thread-safe.
#include <cstdint>
#include <string_view>

#include "domain/error.h"
#include "http/router.h"

namespace motcua::http {

Result<std::int64_t> PositiveIdParam(const PathParams& params, std::string_view name);

}  // namespace motcua::http
