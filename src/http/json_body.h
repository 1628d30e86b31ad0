#pragma once
// A strict reader of JSON request bodies, so that every endpoint refuses the same things the same way: a body
// that is not one JSON object, a field it does not know, a missing field, a value of the wrong type, a string
// too long, an array too big, a number out of range. Each error is an InvalidArgument naming the path of the
// culprit ("applicant.citizen_id", "components[2].copies") with the reason in Vietnamese and English.
//
// Usage: parse the body, read every field the endpoint knows from Root() (and from the objects it holds), then
// call Finish(), which reports the first problem or success:
//
//   auto body = JsonBody::Parse(text);
//   if (!body) return Fail(body.error());
//   JsonObject root = body->Root();
//   Request request{.reason = root.RequiredString("reason", 2000)};
//   if (auto done = body->Finish(); !done) return Fail(done.error());
//
// Reads never fail on the spot: a read that finds a problem records it and returns an empty value, so parsing
// code stays a straight list of fields; only the result of Finish() may be trusted.
//
// Decisions:
//  - Syntax is nlohmann-json's (RFC 8259): invalid UTF-8 in a string, a lone surrogate escape ("\ud800"),
//    trailing text or truncated text make the whole body invalid ("body").
//  - A key given twice in one object is refused, naming its path: nlohmann would silently keep the last one,
//    and two readers of the same body (a proxy, an audit log) could then disagree on what was asked.
//  - Objects and arrays nest at most kMaxJsonNesting levels ("body"): no endpoint needs more, and the bound
//    keeps a hostile body from building a deep tree.
//  - An integer must be written as one: 1.0, 1e2 and 1.5 are refused where an integer is required (no client
//    serializer writes a whole number with a fraction), as are booleans and integers beyond the given range
//    (and so beyond int64).
//  - An optional field is absent or has a value of its type: null is refused like any other wrong type, so
//    that there is one way to say "not given".
//  - A required string must not be blank (nothing but white space or invisible characters) unless the
//    read says otherwise; strings are returned exactly as sent, never trimmed.
//  - The first unknown field (in document order, objects in the order they were read) is reported before any
//    other error: a misspelt field would otherwise show up as the missing one, hiding the cause.
//
// Thread-compatible: one JsonBody per request. JsonObject is a handle into its JsonBody, valid while it lives.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace motcua::http {

// The deepest nesting of objects and arrays accepted; the body's own object is level 1.
inline constexpr int kMaxJsonNesting = 16;

// What an empty body (nothing, or only white space) means.
enum class EmptyBody {
  kRefused,        // InvalidArgument on "body", like any text that is not a JSON object
  kIsEmptyObject,  // read as {}: every field absent
};

// Whether a required string may be blank.
enum class Blank { kRefused, kAllowed };

class JsonBody;

// One JSON object of a body, with the path that names its fields in errors. Each method marks the field as
// read, whatever it finds, so Finish() reports only fields no one asked for.
class JsonObject {
 public:
  // A string of at most `max_bytes` bytes (UTF-8), present and, unless `blank` allows it, not blank.
  std::string RequiredString(std::string_view name, std::size_t max_bytes, Blank blank = Blank::kRefused);
  // A string of at most `max_bytes` bytes, possibly blank; "" when absent.
  std::string OptionalString(std::string_view name, std::size_t max_bytes);

  // An integer from `min` to `max` inclusive (see the decisions above); 0 after an error.
  std::int64_t RequiredInt(std::string_view name, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> OptionalInt(std::string_view name, std::int64_t min, std::int64_t max);

  // true or false (JSON booleans only: 0, 1 and "true" are refused); nullopt when absent or after an error.
  std::optional<bool> OptionalBool(std::string_view name);

  // A number (integer or not) greater than `greater_than` and at most `at_most`; 0 after an error.
  double RequiredNumber(std::string_view name, double greater_than, double at_most);

  // A nested object. When it is missing or not an object, the error is recorded and the returned object is
  // empty (its fields read as absent, and the errors they raise come after the first one).
  JsonObject RequiredObject(std::string_view name);
  // A nested object, or nullopt when absent (or not an object: the error is recorded).
  std::optional<JsonObject> OptionalObject(std::string_view name);

  // An array of at most `max_items` objects; empty when absent. Items are named "name[0]", "name[1]"...
  std::vector<JsonObject> OptionalObjectArray(std::string_view name, std::size_t max_items);
  // An array of at most `max_items` strings of at most `max_bytes` bytes each; empty when absent.
  std::vector<std::string> OptionalStringArray(std::string_view name, std::size_t max_items, std::size_t max_bytes);

  // Whether the field is present (does not mark it as read).
  bool Has(std::string_view name) const;
  // The path naming `name` in errors: "applicant.citizen_id", "components[2].copies".
  std::string PathOf(std::string_view name) const;
  // Records a problem the caller found in a value it read (an unknown enumeration value, a bad time).
  void Reject(std::string_view name, std::string vi, std::string en);
  void Reject(Error error);

 private:
  friend class JsonBody;
  struct State;
  JsonObject(State* state, std::size_t node) : state_(state), node_(node) {}

  State* state_;
  std::size_t node_;  // index of this object among those handed out by the body
};

// A parsed request body and the first problem found while reading it. Movable, not copyable.
class JsonBody {
 public:
  // InvalidArgument on "body" when `text` is not one well-formed JSON object (UTF-8) or nests too deeply, or
  // on the path of a key given twice.
  static Result<JsonBody> Parse(std::string_view text, EmptyBody empty = EmptyBody::kRefused);

  JsonBody(JsonBody&&) noexcept;
  JsonBody& operator=(JsonBody&&) noexcept;
  ~JsonBody();

  // The body's object; its fields' paths are their bare names.
  JsonObject Root();

  // The first unknown field among the objects handed out, else the first error recorded by a read, else
  // success.
  [[nodiscard]] Result<void> Finish() const;

 private:
  explicit JsonBody(std::unique_ptr<JsonObject::State> state);
  std::unique_ptr<JsonObject::State> state_;
};

}  // namespace motcua::http
