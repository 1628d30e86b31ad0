#pragma once
// How a refusal names a field inside a JSON object (Error::field): "applicant.name", "components[1].copies".
// Every reader of JSON (request bodies, imported events) names fields this way, so that a user reads one kind
// of path whichever door the input came through.
#include <string>
#include <string_view>

namespace motcua {

// A key as it appears in a field path: "" for an empty key (a refusal always names its field), and a hostile
// megabyte-long key cut to its first 64 bytes, at a character boundary, followed by "…".
std::string FieldPathKey(std::string_view key);

// `path` followed by `key`, joined by a dot unless `path` is empty: FieldPath("applicant", "name").
std::string FieldPath(std::string_view path, std::string_view key);

}  // namespace motcua
