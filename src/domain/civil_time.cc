#include "domain/civil_time.h"

#include <charconv>
#include <cstdio>
#include <optional>

namespace motcua {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Reads exactly `width` decimal digits at `pos`, or nothing.
std::optional<int> ReadDigits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  // from_chars would accept a leading '-': only the digits 0-9 belong here.
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int value = 0;
  const char* begin = text.data() + pos;
  auto [end, ec] = std::from_chars(begin, begin + width, value);
  if (ec != std::errc() || end != begin + width) return std::nullopt;
  return value;
}

Error BadTime(std::string_view field, std::string_view text) {
  return Error::InvalidArgument(
      std::string(field),
      "thời điểm '" + std::string(text) + "' không đúng định dạng ISO 8601, ví dụ 2026-01-09T16:59:00+07:00",
      "'" + std::string(text) + "' is not an ISO 8601 time such as 2026-01-09T16:59:00+07:00");
}

// Parses "hh:mm" or "hh:mm:ss" at `pos`; returns the time of day and moves `pos` past it.
std::optional<seconds> ReadTimeOfDay(std::string_view text, std::size_t& pos) {
  auto hh = ReadDigits(text, pos, 2);
  if (!hh || pos + 2 >= text.size() || text[pos + 2] != ':') return std::nullopt;
  auto mm = ReadDigits(text, pos + 3, 2);
  if (!mm) return std::nullopt;
  pos += 5;
  int ss = 0;
  if (pos < text.size() && text[pos] == ':') {
    auto s = ReadDigits(text, pos + 1, 2);
    if (!s) return std::nullopt;
    ss = *s;
    pos += 3;
  }
  if (*hh > 23 || *mm > 59 || ss > 59) return std::nullopt;
  return hours(*hh) + minutes(*mm) + seconds(ss);
}

// Parses the zone designator at `pos`: "Z", "+07:00", "+0700", or nothing (Viet Nam time).
std::optional<seconds> ReadUtcOffset(std::string_view text, std::size_t& pos) {
  if (pos == text.size()) return kVietnamUtcOffset;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
    return seconds(0);
  }
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int sign = text[pos] == '-' ? -1 : 1;
  auto hh = ReadDigits(text, pos + 1, 2);
  std::size_t minutes_at = pos + 3;
  if (minutes_at < text.size() && text[minutes_at] == ':') ++minutes_at;
  auto mm = ReadDigits(text, minutes_at, 2);
  if (!hh || !mm || *hh > 14 || *mm > 59) return std::nullopt;
  pos = minutes_at + 2;
  return sign * (hours(*hh) + minutes(*mm));
}

}  // namespace

Result<LocalDate> ParseIsoDate(std::string_view text, std::string_view field) {
  auto y = ReadDigits(text, 0, 4);
  auto m = ReadDigits(text, 5, 2);
  auto d = ReadDigits(text, 8, 2);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !y || !m || !d) {
    return Fail(Error::InvalidArgument(std::string(field), "ngày '" + std::string(text) + "' phải có dạng YYYY-MM-DD",
                                       "date '" + std::string(text) + "' must look like YYYY-MM-DD"));
  }
  const std::chrono::year_month_day ymd{std::chrono::year(*y), std::chrono::month(static_cast<unsigned>(*m)),
                                        std::chrono::day(static_cast<unsigned>(*d))};
  if (!ymd.ok()) {
    return Fail(Error::InvalidArgument(std::string(field), "ngày '" + std::string(text) + "' không có trong lịch",
                                       "date '" + std::string(text) + "' does not exist"));
  }
  return LocalDate(ymd);
}

Result<Instant> ParseIsoInstant(std::string_view text, std::string_view field) {
  auto date = ParseIsoDate(text.substr(0, 10), field);
  if (!date) {
    return text.size() >= 10 ? Fail(date.error()) : Fail(BadTime(field, text));
  }
  if (text.size() == 10) return ToInstant(LocalTime(*date));
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return Fail(BadTime(field, text));
  std::size_t pos = 11;
  auto time_of_day = ReadTimeOfDay(text, pos);
  if (!time_of_day) return Fail(BadTime(field, text));
  auto offset = ReadUtcOffset(text, pos);
  if (!offset || pos != text.size()) return Fail(BadTime(field, text));
  const seconds local_since_epoch = LocalTime(*date).time_since_epoch() + *time_of_day;
  const Instant instant(local_since_epoch - *offset);
  // FormatIsoLocal writes Viet Nam time with a four-digit year: "0000-01-01T00:00:00+08:00" would come back as
  // "-001-12-31T...", which nothing reads (an exported event could not be imported again).
  const int vietnam_year =
      static_cast<int>(std::chrono::year_month_day(std::chrono::floor<days>(ToLocal(instant))).year());
  if (vietnam_year < 0 || vietnam_year > 9999) return Fail(BadTime(field, text));
  return instant;
}

std::string FormatIsoDate(LocalDate date) {
  const std::chrono::year_month_day ymd{date};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

std::string FormatIsoLocal(Instant instant) {
  const LocalTime local = ToLocal(instant);
  const LocalDate date = std::chrono::floor<days>(local);
  const std::chrono::hh_mm_ss<seconds> tod{local - date};
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%sT%02ld:%02ld:%02ld+07:00", FormatIsoDate(date).c_str(),
                static_cast<long>(tod.hours().count()), static_cast<long>(tod.minutes().count()),
                static_cast<long>(tod.seconds().count()));
  return buffer;
}

}  // namespace motcua
