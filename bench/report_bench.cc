// Report time against years of history (issue 5, item 3; DESIGN.md §4 "reports never scan history"): a commune's
// quarter, a whole province's year, and that year split by commune (the ranking's query) add up whole months and
// years of the report counters, so their time should stay the same as the years stored grow.
//
// Sizes. The argument is the years of history, ending with 2025, of Tỉnh Cao Bằng (04, 56 communes):
//  - MOTCUA_BENCH_FULL=1: 1 and 10 years at about 1 M dossiers a year, i.e. ≈1 M and ≈10 M dossiers. Each
//    commune, each weekday, gets the rows of 8 procedures (6 of the commune, 2 of a provincial department received
//    at the commune) × 2 channels × 3 officials, each with 6 flows (received by its channel, resolved early, on
//    time, digitized, evaluations, score sum; boundaryless too for the provincial ones) and, per procedure and
//    channel, the open balance (and the overdue one for half of the procedures): 324 day rows a commune, 18,144 a
//    day for the province, plus the month and year roll-ups — ≈5 M rows a year. Each received row counts 1 or 2
//    dossiers (≈72 a commune a day, ≈1.05 M a year): ≈4.5 day rows a dossier, as the ~8 deltas of a dossier's
//    life fall on keys that other dossiers of the day share. Building the 10-year database takes ~8 minutes and
//    ≈19 GB under /tmp (removed at exit; an interrupted run leaves /tmp/motcua_test_<pid>).
//  - otherwise (the ctest smoke run): 1 and 3 years of 8 communes × 2 procedures × 1 channel × 1 official.
// Run: MOTCUA_BENCH_FULL=1 ./build/bench/report_bench
//
// The history is written as counter rows, not as dossiers: going through Store::AppendDossierEvents would take
// hours at 10 M dossiers, and the reports read only report_counters and the totals derived from them (migration
// 0009, applied once they are written). The rows have exactly the layout
// SqlReportCounters::Apply writes (bucket 'd' / 'm' / 'y', and 'a' for balances; period text, MeasureName,
// ChannelName, provinces), with the month and year rows the sums of their days; their figures are made up (a flow is 1
// or 2, a balance delta -1, 0 or 1). Before timing, the province's year report must count exactly the dossiers
// generated. Each report is repeated (caches as warm as memory allows), through Store::SumCounters: BuildPeriodicReport
// adds label look-ups that do not depend on the history. What to compare: the time at 10 (or 3) years with that at 1.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "app/catalogue_installer.h"
#include "app/reference_files.h"
#include "store/store.h"
#include "store/store_factory.h"
#include "support/temp_db.h"

namespace motcua {
namespace {

using std::chrono::January;

constexpr const char* kProvince = "04";    // Tỉnh Cao Bằng
constexpr const char* kCommune = "01273";  // Phường Thục Phán: the first by code, in every size
constexpr const char* kProvincialAgency = "000.00.00.H04";
constexpr int kLastYear = 2025;

bool FullSizes() {
  const char* full = std::getenv("MOTCUA_BENCH_FULL");
  return full != nullptr && std::string(full) == "1";
}

// What a commune's day holds (see the top of the file).
struct Density {
  std::size_t communes = 0;  // the first ones of the province by code; 0 for all
  int commune_procedures = 0;
  int provincial_procedures = 0;
  int channels = 0;  // direct, then online
  int officials = 0;
};

Density ChosenDensity() { return FullSizes() ? Density{0, 6, 2, 2, 3} : Density{8, 1, 1, 1, 1}; }

// One counter row of a commune without its unit and period: the same keys come back every weekday.
struct RowShape {
  std::string measure, competent_unit, agency, procedure_code, channel, official;
  bool received = false;  // a received_* row: its values count dossiers
  bool balance = false;
  auto Key() const { return std::tie(measure, competent_unit, agency, procedure_code, channel, official); }
};

std::string Name(Measure measure) { return std::string(MeasureName(measure)); }

// The rows of `commune`'s day, in the order of the table's key after (receiving_unit, bucket, period).
std::vector<RowShape> ShapesOf(const std::string& commune, const Density& density,
                               const std::vector<std::string>& commune_codes,
                               const std::vector<std::string>& provincial_codes) {
  const Measure kFlows[] = {Measure::kResolvedEarly, Measure::kResolvedOnTime, Measure::kDigitizedDossiers,
                            Measure::kEvaluations, Measure::kEvaluationScoreSum};
  const Channel kChannels[] = {Channel::kDirect, Channel::kOnline};
  std::vector<RowShape> shapes;
  auto add_procedure = [&](const std::string& code, bool provincial, int index) {
    const std::string unit = provincial ? kProvince : commune;
    const std::string agency = provincial ? kProvincialAgency : "000." + commune + ".H04";
    for (int c = 0; c < density.channels; ++c) {
      const Channel channel = kChannels[c];
      const std::string channel_name(ChannelName(channel));
      for (int o = 0; o < density.officials; ++o) {
        const std::string official = "cb" + std::to_string(o + 1) + "." + commune;
        const Measure received = channel == Channel::kDirect ? Measure::kReceivedDirect : Measure::kReceivedOnline;
        shapes.push_back({Name(received), unit, agency, code, channel_name, official, true});
        for (Measure flow : kFlows) shapes.push_back({Name(flow), unit, agency, code, channel_name, official});
        if (provincial) shapes.push_back({Name(Measure::kBoundaryless), unit, agency, code, channel_name, official});
      }
      shapes.push_back({Name(Measure::kOpen), unit, agency, code, channel_name, "", false, true});
      if (index % 2 == 0) {
        shapes.push_back({Name(Measure::kOverdue), unit, agency, code, channel_name, "", false, true});
      }
    }
  };
  for (int p = 0; p < density.commune_procedures; ++p) add_procedure(commune_codes[p], false, p);
  for (int p = 0; p < density.provincial_procedures; ++p) add_procedure(provincial_codes[p], true, p);
  std::ranges::sort(shapes, [](const RowShape& a, const RowShape& b) { return a.Key() < b.Key(); });
  return shapes;
}

std::uint64_t Mix(std::uint64_t x) {  // splitmix64
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::string MonthText(int year, unsigned month) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u", year, month);
  return text;
}

// Writes the rows of whole years, day by day and commune by commune in code order, each commune's rows in key
// order: every insert appends to the table and to its indexes. Month and year rows are written when they close.
class HistoryGenerator {
 public:
  HistoryGenerator(SQLite::Database& db, std::vector<std::string> communes, std::vector<std::vector<RowShape>> shapes)
      : insert_(db,
                "INSERT INTO report_counters (receiving_unit, bucket, period, measure, competent_unit, agency, "
                "procedure_code, channel, official, receiving_province, competent_province, value) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        communes_(std::move(communes)),
        shapes_(std::move(shapes)),
        month_(communes_.size(), std::vector<std::int64_t>(shapes_.front().size())),
        year_(month_),
        all_time_(month_) {}

  void Year(int year) {
    for (unsigned month = 1; month <= 12; ++month) {
      const std::chrono::year_month ym{std::chrono::year{year}, std::chrono::month{month}};
      for (LocalDate day{ym / 1}; day < LocalDate{(ym + std::chrono::months{1}) / 1}; day += std::chrono::days{1}) {
        const unsigned weekday = std::chrono::weekday{day}.c_encoding();
        if (weekday != 0 && weekday != 6) Day(day, year == kLastYear);
      }
      Close("m", MonthText(year, month), month_, &year_);
    }
    Close("y", std::to_string(year), year_, &all_time_);
  }

  // The all-time running rows the store keeps for balances (bucket 'a'), once every year is written.
  void Finish() {
    for (std::size_t c = 0; c < communes_.size(); ++c) {
      for (std::size_t s = 0; s < shapes_[c].size(); ++s) {
        if (shapes_[c][s].balance) Insert(c, "a", "", shapes_[c][s], all_time_[c][s]);
      }
    }
  }

  std::int64_t rows() const { return rows_; }
  std::int64_t dossiers() const { return dossiers_; }
  std::int64_t last_year_dossiers() const { return last_year_dossiers_; }

 private:
  void Day(LocalDate day, bool last_year) {
    const std::string period = FormatIsoDate(day);
    const auto day_number = static_cast<std::uint64_t>(day.time_since_epoch().count());
    for (std::size_t c = 0; c < communes_.size(); ++c) {
      for (std::size_t s = 0; s < shapes_[c].size(); ++s) {
        const RowShape& shape = shapes_[c][s];
        const std::uint64_t h = Mix((day_number << 32) ^ (c << 16) ^ s);
        const std::int64_t value = shape.balance
                                       ? static_cast<std::int64_t>(h & 1) - static_cast<std::int64_t>((h >> 1) & 1)
                                       : 1 + static_cast<std::int64_t>(h & 1);
        Insert(c, "d", period, shape, value);
        month_[c][s] += value;
        if (!shape.received) continue;
        dossiers_ += value;
        if (last_year) last_year_dossiers_ += value;
      }
    }
  }

  // Writes the rows of a closed month or year, adds them into `into` (the year of a month), and zeroes them.
  void Close(const std::string& bucket, const std::string& period, std::vector<std::vector<std::int64_t>>& sums,
             std::vector<std::vector<std::int64_t>>* into) {
    for (std::size_t c = 0; c < communes_.size(); ++c) {
      for (std::size_t s = 0; s < shapes_[c].size(); ++s) {
        Insert(c, bucket, period, shapes_[c][s], sums[c][s]);
        if (into != nullptr) (*into)[c][s] += sums[c][s];
        sums[c][s] = 0;
      }
    }
  }

  void Insert(std::size_t commune, const std::string& bucket, const std::string& period, const RowShape& shape,
              std::int64_t value) {
    const std::string* key[] = {&communes_[commune],
                                &bucket,
                                &period,
                                &shape.measure,
                                &shape.competent_unit,
                                &shape.agency,
                                &shape.procedure_code,
                                &shape.channel,
                                &shape.official,
                                &province_,
                                &province_};
    insert_.reset();
    for (int i = 0; i < 11; ++i) insert_.bindNoCopy(i + 1, *key[i]);
    insert_.bind(12, value);
    insert_.exec();
    ++rows_;
  }

  SQLite::Statement insert_;
  const std::string province_ = kProvince;  // every unit here is of the province, or the province itself
  std::vector<std::string> communes_;
  std::vector<std::vector<RowShape>> shapes_;  // by commune
  std::vector<std::vector<std::int64_t>> month_, year_, all_time_;
  std::int64_t rows_ = 0, dossiers_ = 0, last_year_dossiers_ = 0;
};

// A store holding `years` of generated history; its files are removed when it goes.
struct History {
  std::string path;
  std::unique_ptr<store::Store> store;
  std::vector<std::string> communes;
  std::int64_t rows = 0, dossiers = 0, last_year_dossiers = 0, bytes = 0;
  std::string error;  // why the history cannot be timed; empty when it can

  ~History() {
    store.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
  }
};

template <typename T>
T Must(Result<T> result) {
  if (!result) throw std::runtime_error(result.error().message_en);
  return std::move(*result);
}

std::vector<std::string> CodesAtLevel(const std::vector<Procedure>& procedures, const char* level, const char* not_at) {
  std::vector<std::string> codes;
  for (const Procedure& p : procedures) {
    if (p.HasLevel(level) && !p.HasLevel(not_at)) codes.push_back(p.code);
  }
  std::ranges::sort(codes);
  return codes;
}

store::CounterQuery ProvinceYear(store::ReportGrouping group_by) {
  using std::chrono::year;
  return {.province = kProvince,
          .from = LocalDate{year{kLastYear} / January / 1},
          .to = LocalDate{year{kLastYear + 1} / January / 1},
          .group_by = group_by};
}

// The province's year report must count exactly the dossiers generated for that year: the rows have the layout
// the store reads.
std::string Check(History& history) {
  auto totals = history.store->SumCounters(ProvinceYear(store::ReportGrouping::kNone));
  if (!totals) return totals.error().message_en;
  const auto& flows = totals->front().flows;
  const std::int64_t received = flows[static_cast<int>(Measure::kReceivedDirect)] +
                                flows[static_cast<int>(Measure::kReceivedOnline)] +
                                flows[static_cast<int>(Measure::kReceivedPostal)];
  if (received == history.last_year_dossiers) return "";
  return "the year report counts " + std::to_string(received) + " dossiers, not " +
         std::to_string(history.last_year_dossiers);
}

// The catalogue through the store (as `motcua init`), then the counters through a connection of our own without
// the WAL, in one transaction (a WAL would hold the whole database once more before the checkpoint).
std::unique_ptr<History> Build(int years) {
  const auto started = std::chrono::steady_clock::now();
  auto history = std::make_unique<History>();
  history->path = test_support::TempDbPath();
  const Density density = ChosenDensity();
  std::vector<std::string> commune_codes, provincial_codes;
  {
    auto store = Must(store::OpenStore(store::StoreSpec::Sqlite(history->path)));
    if (!app::InstallReferenceCatalogue(*store, app::BuiltInReferenceFiles())) throw std::runtime_error("catalogue");
    for (const Commune& commune : Must(store->CommunesOfProvince(kProvince))) history->communes.push_back(commune.code);
    std::ranges::sort(history->communes);
    if (density.communes != 0) history->communes.resize(std::min(density.communes, history->communes.size()));
    const std::vector<Procedure> procedures = Must(store->ListProcedures());
    commune_codes = CodesAtLevel(procedures, "commune", "province");
    provincial_codes = CodesAtLevel(procedures, "province", "commune");
  }
  std::vector<std::vector<RowShape>> shapes;
  for (const std::string& commune : history->communes) {
    shapes.push_back(ShapesOf(commune, density, commune_codes, provincial_codes));
  }
  {
    SQLite::Database db(history->path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA journal_mode = MEMORY");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -524288");  // 512 MiB
    HistoryGenerator generator(db, history->communes, std::move(shapes));
    SQLite::Transaction transaction(db);
    for (int year = kLastYear - years + 1; year <= kLastYear; ++year) generator.Year(year);
    generator.Finish();
    transaction.commit();
    // The per-unit totals most reports read are the counters added up, and the units a province's reports read
    // are those of its counters: migrations 0009 and 0010 derive them, so they are undone here and applied again
    // when the store opens below.
    db.exec(
        "DROP TABLE report_totals; DROP TABLE report_units; DELETE FROM schema_migrations WHERE version IN (9, 10)");
    db.exec("PRAGMA journal_mode = WAL");
    history->rows = generator.rows();
    history->dossiers = generator.dossiers();
    history->last_year_dossiers = generator.last_year_dossiers();
  }
  history->bytes = static_cast<std::int64_t>(std::filesystem::file_size(history->path));
  history->store = Must(store::OpenStore(store::StoreSpec::Sqlite(history->path)));
  history->error = Check(*history);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::fprintf(stderr, "built %d year(s): %lld rows, %lld dossiers, %.1f MB in %.1f s\n", years,
               static_cast<long long>(history->rows), static_cast<long long>(history->dossiers),
               static_cast<double>(history->bytes) / 1e6, took.count());
  return history;
}

// Each size is built once, by the first benchmark that needs it.
History& HistoryOf(int years) {
  static std::map<int, std::unique_ptr<History>> built;
  std::unique_ptr<History>& history = built[years];
  if (!history) history = Build(years);
  return *history;
}

void TimeReport(benchmark::State& state, store::CounterQuery query) {
  History& history = HistoryOf(static_cast<int>(state.range(0)));
  if (!history.error.empty()) {
    state.SkipWithError(history.error.c_str());
    return;
  }
  std::size_t groups = 0;
  for (auto _ : state) {
    auto totals = history.store->SumCounters(query);
    if (!totals) {
      state.SkipWithError(totals.error().message_en.c_str());
      return;
    }
    groups = totals->size();
    benchmark::DoNotOptimize(totals->data());
  }
  using benchmark::Counter;
  state.counters["rows"] = Counter(static_cast<double>(history.rows));
  state.counters["dossiers"] = Counter(static_cast<double>(history.dossiers));
  state.counters["db_bytes"] = Counter(static_cast<double>(history.bytes), Counter::kDefaults, Counter::kIs1024);
  state.counters["groups"] = Counter(static_cast<double>(groups));
}

void YearsOfHistory(benchmark::internal::Benchmark* benchmark) {
  benchmark->ArgName("years")->Arg(1)->Arg(FullSizes() ? 10 : 3)->Unit(benchmark::kMicrosecond);
}

// The commune's last quarter (Q4 2025: three month rows a key, and the balances before and after it).
void BM_CommuneQuarterReport(benchmark::State& state) {
  using std::chrono::year;
  TimeReport(state, {.unit = kCommune,
                     .from = LocalDate{year{kLastYear} / std::chrono::October / 1},
                     .to = LocalDate{year{kLastYear + 1} / January / 1}});
}
BENCHMARK(BM_CommuneQuarterReport)->Apply(YearsOfHistory);

// The whole province's last year (one year row a key).
void BM_ProvinceYearReport(benchmark::State& state) { TimeReport(state, ProvinceYear(store::ReportGrouping::kNone)); }
BENCHMARK(BM_ProvinceYearReport)->Apply(YearsOfHistory);

// The same, split by receiving commune: the query behind RankUnits.
void BM_ProvinceYearByCommune(benchmark::State& state) {
  TimeReport(state, ProvinceYear(store::ReportGrouping::kUnit));
}
BENCHMARK(BM_ProvinceYearByCommune)->Apply(YearsOfHistory);

}  // namespace
}  // namespace motcua
