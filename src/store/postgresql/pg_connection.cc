#include "store/postgresql/pg_connection.h"

#include <libpq-fe.h>

#include <strings.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

namespace motcua::store {
namespace {

// Type OIDs of the result columns that Any() reads as numbers (PostgreSQL's pg_type.dat).
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;

// Owns a PGresult.
struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string Trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// The error of a failed command: from its result when there is one, else from the connection.
sql::DbError ErrorOf(PGconn* conn, const PGresult* result, bool was_commit) {
  if (PQstatus(conn) == CONNECTION_BAD) {
    return sql::DbError(was_commit ? sql::Failure::kCommitUnknown : sql::Failure::kConnectionLost,
                        Trimmed(PQerrorMessage(conn)));
  }
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* constraint = result != nullptr ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  const std::string message = Trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  const std::string sqlstate = state != nullptr ? state : "";
  return sql::DbError(FailureOfSqlState(sqlstate), message, sqlstate, constraint != nullptr ? constraint : "");
}

bool IsCommit(std::string_view sql) {
  while (!sql.empty() && (sql.front() == ' ' || sql.front() == '\n')) sql.remove_prefix(1);
  return sql.size() >= 6 && strncasecmp(sql.data(), "COMMIT", 6) == 0;
}

std::int64_t ParsedInt(const char* text, int length) {
  // Booleans come back as 't'/'f' from expressions such as count(*) > 0; SQLite would give 1/0.
  if (length == 1 && (text[0] == 't' || text[0] == 'f')) return text[0] == 't' ? 1 : 0;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text, text + length, value);
  if (error == std::errc() && end == text + length) return value;
  // A numeric value (sum() of integers is numeric on PostgreSQL) is read through a double when it has a point.
  return static_cast<std::int64_t>(std::strtod(text, nullptr));
}

class PgPreparedStatement final : public sql::PreparedStatement {
 public:
  // `commits`: the statement is a COMMIT, whose failure on a broken connection leaves the outcome unknown.
  PgPreparedStatement(PGconn* conn, std::string sql, std::string name, int parameters, bool commits)
      : conn_(conn),
        sql_(std::move(sql)),
        name_(std::move(name)),
        commits_(commits),
        values_(static_cast<std::size_t>(parameters)),
        formats_(static_cast<std::size_t>(parameters), 0),
        nulls_(static_cast<std::size_t>(parameters), true) {}

  const std::string& sql() const override { return sql_; }

  ~PgPreparedStatement() override {
    if (PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) != PQTRANS_INERROR) {
      PQclear(PQexec(conn_, ("DEALLOCATE " + name_).c_str()));
    }
  }

  // Parameters travel as text, which the server reads as the type it inferred for each when it prepared the SQL.
  void BindNull(int index) override { Set(index, kText, std::nullopt); }
  void BindInt(int index, std::int64_t value) override { Set(index, kText, std::to_string(value)); }
  void BindReal(int index, double value) override {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;  // shortest exact form
    Set(index, kText, std::string(buffer, end));
  }
  void BindText(int index, std::string_view value) override {
    // libpq sends a text parameter as a C string: a NUL would cut it short without a word.
    if (value.find('\0') != std::string_view::npos) {
      throw sql::DbError(sql::Failure::kBadText, "text with a NUL byte cannot be stored", "22021");
    }
    Set(index, kText, std::string(value));
  }
  void BindBlob(int index, std::span<const std::byte> value) override {
    Set(index, kBinary, std::string(reinterpret_cast<const char*>(value.data()), value.size()));
  }

  bool Step() override {
    if (!result_) Run();
    if (row_ + 1 >= rows_) {
      row_ = rows_;
      return false;
    }
    ++row_;
    return true;
  }
  std::int64_t Changes() const override { return changes_; }

  bool Null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  std::int64_t Int(int column) const override {
    if (Null(column)) return 0;
    return ParsedInt(PQgetvalue(result_.get(), row_, column), PQgetlength(result_.get(), row_, column));
  }
  double Real(int column) const override {
    return Null(column) ? 0.0 : std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  std::string Text(int column) const override {
    if (Null(column)) return {};
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
  }
  sql::Blob Bytes(int column) const override {
    if (Null(column)) return {};
    std::size_t length = 0;
    unsigned char* bytes =
        PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, column)), &length);
    if (bytes == nullptr) throw sql::DbError(sql::Failure::kOther, "cannot decode a bytea value");
    const auto* begin = reinterpret_cast<const std::byte*>(bytes);
    sql::Blob blob(begin, begin + length);
    PQfreemem(bytes);
    return blob;
  }

  sql::Value Any(int column) const override {
    if (Null(column)) return nullptr;
    switch (PQftype(result_.get(), column)) {
      case kInt8Oid:
      case kInt4Oid:
      case kInt2Oid:
      case kBoolOid:
        return Int(column);
      case kFloat8Oid:
      case kFloat4Oid:
        return Real(column);
      default:
        return Text(column);
    }
  }

  std::string Name(int column) const override {
    const char* name = PQfname(result_.get(), column);
    return name != nullptr ? name : "";
  }

  int Columns() const override { return result_ ? PQnfields(result_.get()) : 0; }

  void Reset() noexcept override {
    result_.reset();
    rows_ = 0;
    row_ = -1;
    changes_ = 0;
    std::fill(nulls_.begin(), nulls_.end(), true);
  }

 private:
  static constexpr int kText = 0;
  static constexpr int kBinary = 1;  // bytes as they are, for a bytea parameter

  void Set(int index, int format, std::optional<std::string> value) {
    if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
      throw sql::DbError(sql::Failure::kOther, "parameter " + std::to_string(index) + " is out of range");
    }
    const auto at = static_cast<std::size_t>(index - 1);
    nulls_[at] = !value.has_value();
    values_[at] = value.value_or(std::string());
    formats_[at] = format;
  }

  void Run() {
    std::vector<const char*> pointers(values_.size());
    std::vector<int> lengths(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      pointers[i] = nulls_[i] ? nullptr : values_[i].data();
      lengths[i] = static_cast<int>(values_[i].size());
    }
    result_.reset(PQexecPrepared(conn_, name_.c_str(), static_cast<int>(values_.size()), pointers.data(),
                                 lengths.data(), formats_.data(), 0));
    const ExecStatusType status = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK) {
      rows_ = PQntuples(result_.get());
      changes_ = std::atoll(PQcmdTuples(result_.get()));  // INSERT … RETURNING counts its rows
      return;
    }
    if (status == PGRES_COMMAND_OK) {
      changes_ = std::atoll(PQcmdTuples(result_.get()));
      return;
    }
    const sql::DbError error = ErrorOf(conn_, result_.get(), commits_);
    result_.reset();
    throw error;
  }

  PGconn* conn_;
  std::string sql_;  // as the store wrote it, with '?'
  std::string name_;
  bool commits_;
  std::vector<std::string> values_;
  std::vector<int> formats_;
  std::vector<bool> nulls_;
  PgResult result_;
  int rows_ = 0;
  int row_ = -1;
  std::int64_t changes_ = 0;
};

}  // namespace

std::string PostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or a quoted identifier, '' and "" inside doubling the quote
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment to the end of the line
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if (c != '?') {
      out.push_back(c);
      continue;
    }
    std::size_t digits = i + 1;
    while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
    if (digits > i + 1) {  // ?N: the N-th parameter, as SQLite numbers them
      out.push_back('$');
      out.append(sql.substr(i + 1, digits - i - 1));
      next = std::max(next, std::stoi(std::string(sql.substr(i + 1, digits - i - 1))));
      i = digits - 1;
    } else {  // ?: one more than the largest number so far, as in SQLite
      out.push_back('$');
      out.append(std::to_string(++next));
    }
  }
  return out;
}

sql::Failure FailureOfSqlState(std::string_view sqlstate) {
  if (sqlstate == "23505") return sql::Failure::kUniqueViolation;
  if (sqlstate == "23503") return sql::Failure::kForeignKey;
  if (sqlstate == "23514" || sqlstate == "23502" || sqlstate == "P0001") return sql::Failure::kCheck;
  if (sqlstate == "22021" || sqlstate == "22P05") return sql::Failure::kBadText;
  if (sqlstate == "40001") return sql::Failure::kSerialization;
  if (sqlstate == "40P01") return sql::Failure::kDeadlock;
  if (sqlstate == "55P03") return sql::Failure::kBusy;
  if (sqlstate == "53100") return sql::Failure::kDiskFull;
  if (sqlstate == "25006") return sql::Failure::kReadOnly;
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03") {
    return sql::Failure::kConnectionLost;
  }
  return sql::Failure::kOther;
}

PgConnection::PgConnection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (conn_ == nullptr) throw sql::DbError(sql::Failure::kConnectionLost, "libpq could not allocate a connection");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string reason = Trimmed(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw sql::DbError(sql::Failure::kConnectionLost, reason);
  }
  // The store's text is UTF-8 whatever the server's default; NOTICEs (e.g. "relation exists, skipping") are not
  // printed on stderr.
  PQsetClientEncoding(conn_, "UTF8");
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
}

PgConnection::~PgConnection() {
  ClearStatementCache();  // deallocates the statements while the connection is still open
  if (conn_ != nullptr) PQfinish(conn_);
}

void PgConnection::ExecuteScript(std::string_view sql) {
  PgResult result(PQexec(conn_, std::string(sql).c_str()));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    throw ErrorOf(conn_, result.get(), IsCommit(sql));
  }
}

bool PgConnection::InTransaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool PgConnection::Lost() const { return PQstatus(conn_) == CONNECTION_BAD; }

std::string_view PgConnection::BeginSql(sql::TxMode mode) const {
  // Writers see each other's commits and lock the rows they change (READ COMMITTED, design §3.5); a reader of
  // several statements gets one snapshot for all of them.
  return mode == sql::TxMode::kWrite ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ";
}

std::unique_ptr<sql::PreparedStatement> PgConnection::Prepare(std::string_view sql) {
  const std::string text = PostgresPlaceholders(sql);
  const std::string name = "s" + std::to_string(++next_statement_);
  PgResult prepared(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
  if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) throw ErrorOf(conn_, prepared.get(), false);
  PgResult described(PQdescribePrepared(conn_, name.c_str()));
  if (!described || PQresultStatus(described.get()) != PGRES_COMMAND_OK) {
    throw ErrorOf(conn_, described.get(), false);
  }
  return std::make_unique<PgPreparedStatement>(conn_, std::string(sql), name, PQnparams(described.get()),
                                               IsCommit(sql));
}

}  // namespace motcua::store
