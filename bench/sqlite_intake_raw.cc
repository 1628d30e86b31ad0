// sqlite_intake_raw: the physical limit of durable receptions on this disk, the baseline of the intake benchmark
// (issue 7). It repeats, in raw SQL, exactly the rows one reception through the API wrote: the template database
// holds the catalogue and ONE dossier received through `motcua serve`, so its only dossier_events row, its only
// dossiers row and all of its report_counters and report_totals rows are that reception's. Each repetition inserts
// the event and projection rows under a new code, adds 1 to every counter row the reception touched, and bumps the
// code's
// daily sequence — the same statements' worth of B-tree work, with none of motcua's parsing, checking, hashing
// or HTTP. Durability as motcua's: WAL, synchronous=FULL, so a COMMIT returns once fsynced.
//
//   sqlite_intake_raw TEMPLATE.db SCRATCH.db SECONDS BATCH
// copies TEMPLATE.db to SCRATCH.db and writes for SECONDS seconds, BATCH receptions a transaction (1: one fsync
// per reception, the limit of a server without group commit; more: what one writer with group commit could reach
// at best). Prints one line: batch, receptions, rate/s.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// The columns of a table, in order, as a comma-separated list and as many '?'.
std::pair<std::string, std::string> ColumnsOf(SQLite::Database& db, const std::string& table) {
  SQLite::Statement info(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
  std::string names, marks;
  while (info.executeStep()) {
    names += (names.empty() ? "" : ", ") + info.getColumn(0).getString();
    marks += marks.empty() ? "?" : ", ?";
  }
  return {names, marks};
}

// Every row of `table` as text/integer/null values, in column order.
void Rows(SQLite::Database& db, const std::string& table, std::vector<std::vector<std::string>>& text,
          std::vector<std::vector<int>>& kinds) {
  SQLite::Statement all(db, "SELECT * FROM " + table);
  while (all.executeStep()) {
    std::vector<std::string> row_text;
    std::vector<int> row_kinds;
    for (int i = 0; i < all.getColumnCount(); ++i) {
      row_kinds.push_back(all.getColumn(i).getType());
      row_text.push_back(all.getColumn(i).isNull() ? "" : all.getColumn(i).getString());
    }
    text.push_back(row_text);
    kinds.push_back(row_kinds);
  }
}

void BindRow(SQLite::Statement& s, const std::vector<std::string>& text, const std::vector<int>& kinds) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (kinds[i] == SQLITE_NULL)
      s.bind(index);
    else if (kinds[i] == SQLITE_INTEGER)
      s.bind(index, static_cast<int64_t>(std::stoll(text[i])));
    else if (kinds[i] == SQLITE_FLOAT)
      s.bind(index, std::stod(text[i]));
    else
      s.bind(index, text[i]);
  }
}

struct Template {
  std::vector<std::vector<std::string>> event, dossier;
  std::vector<std::vector<int>> event_kinds, dossier_kinds;
};

// The counter rows of one table the reception wrote, and the upsert that adds 1 to each.
struct CounterRows {
  std::vector<std::vector<std::string>> text;
  std::vector<std::vector<int>> kinds;
  SQLite::Statement add;

  CounterRows(SQLite::Database& db, const std::string& table) : add(db, AddOne(db, table)) {
    Rows(db, table, text, kinds);
  }

  static std::string AddOne(SQLite::Database& db, const std::string& table) {
    const auto [columns, marks] = ColumnsOf(db, table);
    const std::string key = columns.substr(0, columns.rfind(", value"));
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT (" + key +
           ") DO UPDATE SET value = value + 1";
  }

  void AddAll() {
    for (std::size_t c = 0; c < text.size(); ++c) {
      add.reset();
      BindRow(add, text[c], kinds[c]);
      add.exec();
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: sqlite_intake_raw TEMPLATE.db SCRATCH.db SECONDS BATCH\n");
    return 2;
  }
  try {
    std::filesystem::copy_file(argv[1], argv[2], std::filesystem::copy_options::overwrite_existing);
    const double seconds = std::stod(argv[3]);
    const int batch = std::stoi(argv[4]);
    SQLite::Database db(argv[2], SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    Template t;
    Rows(db, "dossier_events", t.event, t.event_kinds);
    Rows(db, "dossiers", t.dossier, t.dossier_kinds);
    if (t.event.size() != 1 || t.dossier.size() != 1) {
      std::fprintf(stderr, "the template must hold exactly one dossier with one event (has %zu events)\n",
                   t.event.size());
      return 2;
    }
    const auto [event_columns, event_marks] = ColumnsOf(db, "dossier_events");
    const auto [dossier_columns, dossier_marks] = ColumnsOf(db, "dossiers");
    std::vector<std::unique_ptr<CounterRows>> counters;
    std::size_t counter_rows = 0;
    for (const char* table : {"report_counters", "report_totals"}) {
      counters.push_back(std::make_unique<CounterRows>(db, table));
      counter_rows += counters.back()->text.size();
    }
    SQLite::Statement insert_event(db,
                                   "INSERT INTO dossier_events (" + event_columns + ") VALUES (" + event_marks + ")");
    SQLite::Statement insert_dossier(db,
                                     "INSERT INTO dossiers (" + dossier_columns + ") VALUES (" + dossier_marks + ")");
    SQLite::Statement next_code(db,
                                "INSERT INTO dossier_code_sequences (prefix, last) VALUES ('raw', 1) "
                                "ON CONFLICT (prefix) DO UPDATE SET last = last + 1 RETURNING last");
    const auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    const auto start = Clock::now();
    long done = 0;
    while (Clock::now() < end) {
      db.exec("BEGIN IMMEDIATE");
      for (int i = 0; i < batch; ++i, ++done) {
        next_code.reset();
        next_code.executeStep();
        const std::string code = "RAW-" + std::to_string(next_code.getColumn(0).getInt64());
        next_code.reset();  // a RETURNING statement left unfinished would hold the transaction open
        auto event = t.event[0];
        event[0] = code;  // dossier_code is the first column of both tables
        insert_event.reset();
        BindRow(insert_event, event, t.event_kinds[0]);
        insert_event.exec();
        auto dossier = t.dossier[0];
        dossier[0] = code;
        insert_dossier.reset();
        BindRow(insert_dossier, dossier, t.dossier_kinds[0]);
        insert_dossier.exec();
        for (auto& rows : counters) rows->AddAll();
      }
      db.exec("COMMIT");
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::printf("%d\t%ld\t%.0f\t(%zu counter rows a reception)\n", batch, done, static_cast<double>(done) / elapsed,
                counter_rows);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sqlite_intake_raw: %s\n", e.what());
    return 1;
  }
}
