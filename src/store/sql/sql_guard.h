#pragma once
// The one boundary where the engine's exceptions (sql::DbError) stop: a store call runs inside Guard, and a
// database failure comes out as an Unavailable Error on "db" saying what was being done.
#include <string>

#include "domain/error.h"
#include "store/sql/connection.h"

namespace motcua::store {

template <typename F>
auto Guard(const char* what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const sql::DbError& e) {
    return Fail(Error::Unavailable("db", std::string("lỗi cơ sở dữ liệu khi ") + what + ": " + e.what(),
                                   std::string("database error while ") + what + ": " + e.what()));
  }
}

}  // namespace motcua::store
