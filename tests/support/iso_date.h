#pragma once
// A test's dates written as "2026-03-05": the LocalDate of that text, so that tables of cases read like the
// calendar. A malformed text is a bug in the test, and throws.
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/civil_time.h"

namespace motcua::test_support {

inline LocalDate IsoDate(std::string_view iso) {
  auto date = ParseIsoDate(iso, "test");
  if (!date) throw std::invalid_argument("bad test date " + std::string(iso));
  return *date;
}

}  // namespace motcua::test_support
