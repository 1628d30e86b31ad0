#include "store/dossier_event_codec.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>

#include "domain/field_path.h"
#include "store/dossier_event_fields.h"

namespace motcua::store {
namespace {

using event_fields::Fields;
using event_fields::Is;
using nlohmann::json;

// --- Enumerations: one spelling each, the snake_case name ----------------------------------------------

std::string_view EnumName(Channel v) { return ChannelName(v); }
std::string_view EnumName(TimeUnit v) { return TimeUnitName(v); }
std::string_view EnumName(ReturnMethod v) { return ReturnMethodName(v); }
std::string_view EnumName(PaymentMethod v) { return PaymentMethodName(v); }
std::string_view EnumName(RefusalKind v) { return RefusalKindName(v); }

std::string_view Allowed(Channel) { return "direct, online, postal"; }
std::string_view Allowed(TimeUnit) { return "working_day, day, working_hour, month"; }
std::string_view Allowed(ReturnMethod) { return "counter, post, online"; }
std::string_view Allowed(PaymentMethod) { return "counter, online"; }
std::string_view Allowed(RefusalKind) { return "refused, not_supplemented"; }

std::optional<Channel> ParseEnum(std::string_view text, Channel) { return ParseChannel(text); }
std::optional<TimeUnit> ParseEnum(std::string_view text, TimeUnit) {
  // ParseTimeUnit also takes the catalogue's alias "hour"; events accept only the canonical spelling so that
  // a stored event re-encodes to exactly what was hashed.
  auto unit = ParseTimeUnit(text);
  if (unit && TimeUnitName(*unit) != text) return std::nullopt;
  return unit;
}
std::optional<ReturnMethod> ParseEnum(std::string_view text, ReturnMethod) { return ParseReturnMethod(text); }
std::optional<PaymentMethod> ParseEnum(std::string_view text, PaymentMethod) { return ParsePaymentMethod(text); }
std::optional<RefusalKind> ParseEnum(std::string_view text, RefusalKind) { return ParseRefusalKind(text); }

// --- Encoding ------------------------------------------------------------------------------------------

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <typename T>
json ToJson(const T& value);

struct ObjectWriter {
  json object = json::object();
  template <typename T>
  void operator()(const char* name, const T& value) {
    object[name] = ToJson(value);
  }
  // A field written only when it differs from its default (event_fields: Optional).
  template <typename T>
  void Optional(const char* name, const T& value) {
    if (!(value == T{})) (*this)(name, value);
  }
};

template <typename T>
json ToJson(const T& value) {
  if constexpr (std::is_same_v<T, Instant>) {
    return FormatIsoLocal(value);
  } else if constexpr (std::is_same_v<T, Money>) {
    return value.dong();
  } else if constexpr (std::is_enum_v<T>) {
    return std::string(EnumName(value));
  } else if constexpr (IsVector<T>::value) {
    json items = json::array();
    for (const auto& item : value) items.push_back(ToJson(item));
    return items;
  } else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
    return value;
  } else {
    ObjectWriter writer;
    Fields(writer, value);
    return std::move(writer.object);
  }
}

// --- Decoding: the first error wins and stops further reading ------------------------------------------

Error WrongType(const std::string& path, std::string_view vi, std::string_view en) {
  return Error::InvalidArgument(path, "trường '" + path + "' phải là " + std::string(vi),
                                "field '" + path + "' must be " + std::string(en));
}

template <typename T>
void FromJson(const json& j, const std::string& path, T& value, std::optional<Error>& error);

// Reads the fields of one JSON object, remembering which were asked for so that RejectUnknown() can refuse
// the rest: an unknown field in an import is more likely a typo than something to ignore.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string path, std::optional<Error>& error)
      : object_(object), path_(std::move(path)), error_(error) {}

  template <typename T>
  void operator()(const char* name, T& value) {
    known_.push_back(name);
    if (error_) return;
    auto it = object_.find(name);
    if (it == object_.end()) {
      const std::string path = FieldPath(path_, name);
      error_ = Error::InvalidArgument(path, "thiếu trường '" + path + "'", "missing field '" + path + "'");
      return;
    }
    FromJson(*it, FieldPath(path_, name), value, error_);
  }

  // A field that may be omitted, keeping `value` as it is.
  template <typename T>
  void Optional(const char* name, T& value) {
    if (object_.contains(name)) return (*this)(name, value);
    known_.push_back(name);
  }

  void Known(const char* name) { known_.push_back(name); }

  void RejectUnknown() {
    if (error_) return;
    for (const auto& [key, unused] : object_.items()) {
      if (std::ranges::find(known_, key) != known_.end()) continue;
      const std::string path = FieldPath(path_, key);
      error_ = Error::InvalidArgument(path, "trường không xác định '" + path + "'", "unknown field '" + path + "'");
      return;
    }
  }

 private:
  const json& object_;
  std::string path_;
  std::optional<Error>& error_;
  std::vector<std::string_view> known_;
};

template <typename T>
void IntegerFromJson(const json& j, const std::string& path, T& value, std::optional<Error>& error) {
  const bool fits = j.is_number_unsigned()
                        ? j.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max())
                        : j.is_number_integer() && j.get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                              j.get<std::int64_t>() <= std::numeric_limits<T>::max();
  if (!fits) {
    error = WrongType(path, "một số nguyên trong phạm vi", "an integer in range");
    return;
  }
  value = static_cast<T>(j.get<std::int64_t>());
}

template <typename E>
void EnumFromJson(const json& j, const std::string& path, E& value, std::optional<Error>& error) {
  std::optional<E> parsed = j.is_string() ? ParseEnum(j.get_ref<const std::string&>(), E{}) : std::nullopt;
  if (!parsed) {
    error = WrongType(path, "một trong: " + std::string(Allowed(E{})), "one of: " + std::string(Allowed(E{})));
    return;
  }
  value = *parsed;
}

template <typename T>
void FromJson(const json& j, const std::string& path, T& value, std::optional<Error>& error) {
  if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return void(error = WrongType(path, "chuỗi", "a string"));
    value = j.get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) return void(error = WrongType(path, "true hoặc false", "true or false"));
    value = j.get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    IntegerFromJson(j, path, value, error);
  } else if constexpr (std::is_same_v<T, double>) {
    if (!j.is_number()) return void(error = WrongType(path, "một số", "a number"));
    value = j.get<double>();
  } else if constexpr (std::is_same_v<T, Money>) {
    std::int64_t dong = 0;
    IntegerFromJson(j, path, dong, error);
    value = Money::Dong(dong);
  } else if constexpr (std::is_same_v<T, Instant>) {
    if (!j.is_string()) return void(error = WrongType(path, "thời điểm ISO 8601", "an ISO 8601 time"));
    auto parsed = ParseIsoInstant(j.get_ref<const std::string&>(), path);
    if (!parsed) {
      error = Error::InvalidArgument(path, "trường '" + path + "': " + parsed.error().message_vi,
                                     "field '" + path + "': " + parsed.error().message_en);
      return;
    }
    value = *parsed;
  } else if constexpr (std::is_enum_v<T>) {
    EnumFromJson(j, path, value, error);
  } else if constexpr (IsVector<T>::value) {
    if (!j.is_array()) return void(error = WrongType(path, "một mảng", "an array"));
    value.assign(j.size(), {});
    for (std::size_t i = 0; i < j.size() && !error; ++i)
      FromJson(j[i], path + "[" + std::to_string(i) + "]", value[i], error);
  } else {
    if (!j.is_object()) return void(error = WrongType(path, "một đối tượng", "an object"));
    ObjectReader reader(j, path, error);
    Fields(reader, value);
    reader.RejectUnknown();
  }
}

// Decodes `j` as the payload alternative whose type name is `type`, if alternative I is that one.
template <std::size_t I>
bool DecodeAlternative(std::string_view type, const json& j, EventPayload& payload, std::optional<Error>& error) {
  using T = std::variant_alternative_t<I, EventPayload>;
  if (EventTypeName(EventPayload(std::in_place_index<I>)) != type) return false;
  T value;
  FromJson(j, "payload", value, error);
  payload = std::move(value);
  return true;
}

template <std::size_t... I>
bool DecodePayload(std::string_view type, const json& j, EventPayload& payload, std::optional<Error>& error,
                   std::index_sequence<I...>) {
  return (DecodeAlternative<I>(type, j, payload, error) || ...);
}

void DecodePayload(const std::string& type, const json& event, EventPayload& payload, std::optional<Error>& error) {
  auto it = event.find("payload");
  if (it == event.end()) {
    error = Error::InvalidArgument("payload", "thiếu trường 'payload'", "missing field 'payload'");
  } else if (!DecodePayload(type, *it, payload, error, std::make_index_sequence<std::variant_size_v<EventPayload>>())) {
    error = Error::InvalidArgument("type", "trường 'type': loại sự kiện không xác định '" + type + "'",
                                   "field 'type': unknown event type '" + type + "'");
  }
}

}  // namespace

json EncodeDossierEvent(const DossierEvent& event) {
  ObjectWriter writer;
  writer("dossier_code", event.dossier_code);
  writer("seq", event.seq);
  writer("type", std::string(EventTypeName(event.payload)));
  writer("actor", event.actor);
  writer("occurred_at", event.occurred_at);
  writer("recorded_at", event.recorded_at);
  writer("imported", event.imported);
  writer("imported_by", event.imported_by);
  writer.object["payload"] = std::visit([](const auto& payload) { return ToJson(payload); }, event.payload);
  writer("prev_hash", event.prev_hash);
  writer("hash", event.hash);
  return std::move(writer.object);
}

Result<DossierEvent> DecodeDossierEvent(const json& j) {
  if (!j.is_object()) {
    return Fail(
        Error::InvalidArgument("", "mỗi sự kiện phải là một đối tượng JSON", "each event must be a JSON object"));
  }
  std::optional<Error> error;
  DossierEvent event;
  std::string type;
  ObjectReader reader(j, "", error);
  reader("dossier_code", event.dossier_code);
  reader("seq", event.seq);
  reader("type", type);
  reader("actor", event.actor);
  reader("occurred_at", event.occurred_at);
  reader("recorded_at", event.recorded_at);
  reader("imported", event.imported);
  reader.Optional("imported_by", event.imported_by);
  reader.Optional("prev_hash", event.prev_hash);
  reader.Optional("hash", event.hash);
  reader.Known("payload");
  reader.RejectUnknown();
  if (!error) DecodePayload(type, j, event.payload, error);
  if (error) return Fail(std::move(*error));
  return event;
}

}  // namespace motcua::store
