// The strict reader of JSON request bodies (json_body.h): parsing with a guard against duplicate keys and deep
// nesting, typed reads that record the first problem, and the final check for fields no one read.
#include "http/json_body.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "domain/field_path.h"
#include "domain/text_folding.h"

namespace motcua::http {

// ordered_json keeps the keys in document order, so the first unknown field reported is the first one written.
using Json = nlohmann::ordered_json;

namespace {

Error BadBody(std::string vi, std::string en) { return Error::InvalidArgument("body", std::move(vi), std::move(en)); }

Error InvalidJson() {
  return BadBody("nội dung phải là một đối tượng JSON hợp lệ (UTF-8)", "the body must be a valid JSON object (UTF-8)");
}

Error TooDeep() {
  const std::string levels = std::to_string(kMaxJsonNesting);
  return BadBody("nội dung lồng nhau quá sâu (tối đa " + levels + " cấp)",
                 "the body is nested too deeply (at most " + levels + " levels)");
}

}  // namespace

struct JsonObject::State {
  struct Node {
    const Json* json;
    std::string prefix;              // "" for the body, "applicant.", "components[2]."
    std::vector<std::string> names;  // the fields read
  };
  Json document;
  const Json empty_object = Json::object();  // stands for a required object that is missing
  std::vector<Node> nodes;                   // nodes[0] is the body
  std::optional<Error> first_error;

  std::size_t AddNode(const Json* json, std::string prefix) {
    nodes.push_back(Node{json, std::move(prefix), {}});
    return nodes.size() - 1;
  }

  // The field `name` of nodes[node], marked as read; nullptr when absent.
  const Json* Read(std::size_t node, std::string_view name) {
    Node& object = nodes[node];
    if (std::ranges::find(object.names, name) == object.names.end()) object.names.emplace_back(name);
    const auto found = object.json->find(std::string(name));
    return found == object.json->end() ? nullptr : &found.value();
  }

  void Record(Error error) {
    if (!first_error) first_error = std::move(error);
  }

  // The array `name` of nodes[node], marked as read; nullptr when absent, or not an array of at most
  // `max_items` items (the problem recorded).
  const Json* ReadArray(std::size_t node, std::string_view name, std::size_t max_items) {
    const Json* value = Read(node, name);
    if (value == nullptr) return nullptr;
    const std::string path = nodes[node].prefix + std::string(name);
    if (!value->is_array()) {
      Record(Error::InvalidArgument(path, "phải là một mảng JSON", "must be a JSON array"));
      return nullptr;
    }
    if (value->size() > max_items) {
      const std::string items = std::to_string(max_items);
      Record(
          Error::InvalidArgument(path, "có nhiều nhất " + items + " phần tử", "must have at most " + items + " items"));
      return nullptr;
    }
    return value;
  }

  // The first field of any node that no one read.
  std::optional<Error> FirstUnknownField() const {
    for (const Node& node : nodes) {
      for (const auto& [key, value] : node.json->items()) {
        if (std::ranges::find(node.names, key) != node.names.end()) continue;
        return Error::InvalidArgument(node.prefix + FieldPathKey(key), "trường không được hỗ trợ", "unknown field");
      }
    }
    return std::nullopt;
  }
};

namespace {

// --- Parsing ---------------------------------------------------------------------------------------------------

// Watches the parser's events to find what nlohmann does not refuse: a key given twice in an object (it keeps
// the last value) and nesting beyond kMaxJsonNesting. Once a problem is found, nothing more is built.
class SyntaxGuard {
 public:
  bool OnEvent(Json::parse_event_t event, const Json& parsed) {
    if (problem_) return false;
    switch (event) {
      case Json::parse_event_t::object_start:
      case Json::parse_event_t::array_start:
        return Open(event == Json::parse_event_t::array_start);
      case Json::parse_event_t::key:
        return Key(parsed.get<std::string>());
      case Json::parse_event_t::object_end:
      case Json::parse_event_t::array_end:
        frames_.pop_back();
        [[fallthrough]];
      case Json::parse_event_t::value:
        if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
        return true;
    }
    return true;
  }

  const std::optional<Error>& problem() const { return problem_; }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;  // of the current item, in an array
    std::string key;        // the current key, in an object
    std::set<std::string> keys;
  };

  bool Open(bool is_array) {
    if (frames_.size() >= static_cast<std::size_t>(kMaxJsonNesting)) {
      problem_ = TooDeep();
      return false;
    }
    Frame frame;
    frame.is_array = is_array;
    frames_.push_back(std::move(frame));
    return true;
  }

  bool Key(std::string key) {
    Frame& frame = frames_.back();
    if (!frame.keys.insert(key).second) {
      problem_ = Error::InvalidArgument(PathTo(key), "trường bị lặp lại", "the field is given more than once");
      return false;
    }
    frame.key = std::move(key);
    return true;
  }

  // The path of `key` in the innermost object: "components[1].seq".
  std::string PathTo(const std::string& key) const {
    std::string path;
    for (std::size_t i = 0; i + 1 < frames_.size(); ++i) {
      const Frame& frame = frames_[i];
      if (frame.is_array) {
        path += "[" + std::to_string(frame.index) + "]";
      } else {
        path = FieldPath(path, frame.key);
      }
    }
    return FieldPath(path, key);
  }

  std::vector<Frame> frames_;
  std::optional<Error> problem_;
};

bool IsJsonWhiteSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Blank: nothing left once white space of any kind, control and invisible characters are dropped.
bool IsBlank(const std::string& text) { return FoldVietnamese(text).empty(); }

// "3650", "0.5": a bound as a person writes it.
std::string FormatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// --- Values ----------------------------------------------------------------------------------------------------

// What is wrong with a value, before it is known where the value sits.
struct Problem {
  std::string vi;
  std::string en;
};
template <typename T>
using Checked = std::expected<T, Problem>;

std::unexpected<Problem> Wrong(std::string vi, std::string en) {
  return std::unexpected<Problem>(Problem{std::move(vi), std::move(en)});
}

// The first control character of `text` other than tab, line feed and carriage return — C0 (U+0000–U+001F),
// DEL (U+007F) or C1 (U+0080–U+009F, UTF-8 C2 80–C2 9F) — as its code point, or -1. SQLite and C strings end a
// text at NUL (a name would be cut short), and the others corrupt printed slips, CSV exports and log lines.
int FirstControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7f) return byte;
    if (byte == 0xc2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return next;
    }
  }
  return -1;
}

Checked<std::string> AsString(const Json& value, std::size_t max_bytes) {
  if (!value.is_string()) return Wrong("phải là chuỗi ký tự", "must be a string");
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    const std::string bytes = std::to_string(max_bytes);
    return Wrong("không được dài quá " + bytes + " byte", "must be at most " + bytes + " bytes long");
  }
  if (const int control = FirstControlCharacter(text); control >= 0) {
    char code[16];  // "U+" and up to 8 hex digits as the compiler counts an int, and the NUL
    std::snprintf(code, sizeof code, "U+%04X", control);
    return Wrong(std::string("chứa ký tự điều khiển ") + code + " (không in được)",
                 std::string("contains the control character ") + code);
  }
  return text;
}

Checked<std::int64_t> AsInt(const Json& value, std::int64_t min, std::int64_t max) {
  const auto out_of_range = [&] {
    const std::string low = std::to_string(min), high = std::to_string(max);
    return Wrong("phải là số nguyên từ " + low + " đến " + high, "must be an integer from " + low + " to " + high);
  };
  // nlohmann reads a non-negative JSON integer as unsigned (so one above int64's range still fits), and one
  // above uint64's range as a float.
  if (!value.is_number_integer()) return out_of_range();
  std::int64_t number = 0;
  if (value.is_number_unsigned()) {
    const auto unsigned_number = value.get<std::uint64_t>();
    if (unsigned_number > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return out_of_range();
    number = static_cast<std::int64_t>(unsigned_number);
  } else {
    number = value.get<std::int64_t>();
  }
  if (number < min || number > max) return out_of_range();
  return number;
}

Checked<double> AsNumber(const Json& value, double greater_than, double at_most) {
  const double number = value.is_number() ? value.get<double>() : 0;
  if (!value.is_number() || !(number > greater_than && number <= at_most)) {
    return Wrong(
        "phải là số lớn hơn " + FormatNumber(greater_than) + " và không quá " + FormatNumber(at_most),
        "must be a number greater than " + FormatNumber(greater_than) + " and at most " + FormatNumber(at_most));
  }
  return number;
}

Checked<bool> AsBool(const Json& value) {
  if (!value.is_boolean()) return Wrong("phải là true hoặc false", "must be true or false");
  return value.get<bool>();
}

// The value a check accepted, or nullopt after recording its problem against `name`.
template <typename T>
std::optional<T> Accepted(JsonObject& object, std::string_view name, Checked<T> checked) {
  if (checked) return std::move(*checked);
  object.Reject(name, std::move(checked.error().vi), std::move(checked.error().en));
  return std::nullopt;
}

void RejectMissing(JsonObject& object, std::string_view name) {
  object.Reject(name, "là trường bắt buộc", "is required");
}

}  // namespace

// --- JsonObject ------------------------------------------------------------------------------------------------

std::string JsonObject::RequiredString(std::string_view name, std::size_t max_bytes, Blank blank) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) {
    RejectMissing(*this, name);
    return {};
  }
  std::optional<std::string> text = Accepted(*this, name, AsString(*value, max_bytes));
  if (text && blank == Blank::kRefused && IsBlank(*text)) {
    Reject(name, "không được để trống", "must not be blank");
    return {};
  }
  return text.value_or("");
}

std::string JsonObject::OptionalString(std::string_view name, std::size_t max_bytes) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) return {};
  return Accepted(*this, name, AsString(*value, max_bytes)).value_or("");
}

std::int64_t JsonObject::RequiredInt(std::string_view name, std::int64_t min, std::int64_t max) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) {
    RejectMissing(*this, name);
    return 0;
  }
  return Accepted(*this, name, AsInt(*value, min, max)).value_or(0);
}

std::optional<std::int64_t> JsonObject::OptionalInt(std::string_view name, std::int64_t min, std::int64_t max) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) return std::nullopt;
  return Accepted(*this, name, AsInt(*value, min, max));
}

std::optional<bool> JsonObject::OptionalBool(std::string_view name) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) return std::nullopt;
  return Accepted(*this, name, AsBool(*value));
}

double JsonObject::RequiredNumber(std::string_view name, double greater_than, double at_most) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) {
    RejectMissing(*this, name);
    return 0;
  }
  return Accepted(*this, name, AsNumber(*value, greater_than, at_most)).value_or(0);
}

JsonObject JsonObject::RequiredObject(std::string_view name) {
  if (!Has(name)) RejectMissing(*this, name);
  std::optional<JsonObject> object = OptionalObject(name);
  return object ? *object : JsonObject(state_, state_->AddNode(&state_->empty_object, PathOf(name) + "."));
}

std::optional<JsonObject> JsonObject::OptionalObject(std::string_view name) {
  const Json* value = state_->Read(node_, name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_object()) {
    Reject(name, "phải là một đối tượng JSON", "must be a JSON object");
    return std::nullopt;
  }
  return JsonObject(state_, state_->AddNode(value, PathOf(name) + "."));
}

std::vector<JsonObject> JsonObject::OptionalObjectArray(std::string_view name, std::size_t max_items) {
  const Json* array = state_->ReadArray(node_, name, max_items);
  if (array == nullptr) return {};
  const auto item_name = [&](std::size_t i) { return std::string(name) + "[" + std::to_string(i) + "]"; };
  // All items are checked before any is handed out, so that the fields of the good ones, unread, are not
  // reported as unknown ahead of the bad item.
  for (std::size_t i = 0; i < array->size(); ++i) {
    if ((*array)[i].is_object()) continue;
    Reject(item_name(i), "phải là một đối tượng JSON", "must be a JSON object");
    return {};
  }
  std::vector<JsonObject> objects;
  for (std::size_t i = 0; i < array->size(); ++i) {
    objects.push_back(JsonObject(state_, state_->AddNode(&(*array)[i], PathOf(item_name(i)) + ".")));
  }
  return objects;
}

std::vector<std::string> JsonObject::OptionalStringArray(std::string_view name, std::size_t max_items,
                                                         std::size_t max_bytes) {
  const Json* array = state_->ReadArray(node_, name, max_items);
  if (array == nullptr) return {};
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const std::string item = std::string(name) + "[" + std::to_string(i) + "]";
    std::optional<std::string> text = Accepted(*this, item, AsString((*array)[i], max_bytes));
    if (!text) return {};
    if (IsBlank(*text)) {
      Reject(item, "không được để trống", "must not be blank");
      return {};
    }
    texts.push_back(std::move(*text));
  }
  return texts;
}

bool JsonObject::Has(std::string_view name) const { return state_->nodes[node_].json->contains(std::string(name)); }

std::string JsonObject::PathOf(std::string_view name) const { return state_->nodes[node_].prefix + std::string(name); }

void JsonObject::Reject(std::string_view name, std::string vi, std::string en) {
  Reject(Error::InvalidArgument(PathOf(name), std::move(vi), std::move(en)));
}

void JsonObject::Reject(Error error) { state_->Record(std::move(error)); }

// --- JsonBody --------------------------------------------------------------------------------------------------

Result<JsonBody> JsonBody::Parse(std::string_view text, EmptyBody empty) {
  auto state = std::make_unique<JsonObject::State>();
  if (std::ranges::all_of(text, IsJsonWhiteSpace)) {
    if (empty == EmptyBody::kRefused) return Fail(InvalidJson());
    state->document = Json::object();
  } else {
    SyntaxGuard guard;
    state->document = Json::parse(
        text.begin(), text.end(),
        [&guard](int, Json::parse_event_t event, Json& parsed) { return guard.OnEvent(event, parsed); },
        /*allow_exceptions=*/false);
    if (guard.problem()) return Fail(*guard.problem());
    if (state->document.is_discarded() || !state->document.is_object()) return Fail(InvalidJson());
  }
  state->AddNode(&state->document, "");
  return JsonBody(std::move(state));
}

JsonBody::JsonBody(std::unique_ptr<JsonObject::State> state) : state_(std::move(state)) {}
JsonBody::JsonBody(JsonBody&&) noexcept = default;
JsonBody& JsonBody::operator=(JsonBody&&) noexcept = default;
JsonBody::~JsonBody() = default;

JsonObject JsonBody::Root() { return JsonObject(state_.get(), 0); }

Result<void> JsonBody::Finish() const {
  if (auto unknown = state_->FirstUnknownField()) return Fail(*std::move(unknown));
  if (state_->first_error) return Fail(*state_->first_error);
  return {};
}

}  // namespace motcua::http
