// Import and export of dossier histories as JSON Lines: round trip, bad lines, legacy unit codes, reruns.
#include "app/event_transfer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "app/catalogue_installer.h"
#include "app/dossier_lifecycle.h"
#include "app/work_calendar_loader.h"
#include "store/dossier_event_codec.h"
#include "store/store_factory.h"

namespace motcua::app {
namespace {

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

std::unique_ptr<store::Store> NewStore() {
  auto store = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
  EXPECT_TRUE(InstallReferenceCatalogue(*store, BuiltInReferenceFiles()).has_value());
  return store;
}

// A dossier received on paper in an old commune before the arrangement, written by hand as a backfill.
std::string PaperDossierLine(const std::string& code, const std::string& old_unit, std::int64_t seq,
                             EventPayload payload, const char* when) {
  DossierEvent event;
  event.dossier_code = code;
  event.seq = seq;
  event.payload = std::move(payload);
  event.actor = {"can.bo.cu", "receptionist", old_unit};
  event.occurred_at = At(when);
  event.recorded_at = event.occurred_at;
  return store::EncodeDossierEvent(event).dump();
}

// Received at 09:00 on `day` (a working day), due 3 working days later at `due_day` 09:00.
Received PaperReceipt(const std::string& unit, const std::string& day = "2025-03-03",
                      const std::string& due_day = "2025-03-06") {
  return Received{"1.004194",
                  Channel::kDirect,
                  {"Đinh Văn Em", "017080000123", "", "", "", ""},
                  {},
                  unit,
                  "UBND xã",
                  "Công an xã",
                  unit,
                  3,
                  TimeUnit::kWorkingDay,
                  At((day + "T09:00:00+07:00").c_str()),
                  At((due_day + "T09:00:00+07:00").c_str())};
}

class EventTransferTest : public ::testing::Test {
 protected:
  ImportReport Import(store::Store& store, const std::string& jsonl) {
    std::istringstream in(jsonl);
    ImportOptions options;
    options.importer = "nguyen.admin";
    options.unit_map = unit_map_;
    auto report = ImportEvents(store, clock_, in, options);
    EXPECT_TRUE(report.has_value());
    return report.value_or(ImportReport{});
  }

  UnitMap unit_map_;

  FixedClock clock_{At("2026-01-09T16:59:00+07:00")};
};

TEST_F(EventTransferTest, ExportThenImportIntoAnEmptyStoreReproducesTheState) {
  auto source = NewStore();
  const WorkCalendar calendar = LoadWorkCalendar(*source).value();
  const LifecycleSettings settings;
  DossierLifecycle lifecycle(*source, clock_, calendar, settings);
  IntakeCommand command;
  command.procedure_code = "1.004194";
  command.applicant = {"Nguyễn Văn An", "025099012345", "", "", "", ""};
  command.receiving_unit = "05152";
  command.agency_id = "H52";
  command.competent_agency = "Công an xã Vân Sơn";
  command.actor = {"le.thi.binh", "receptionist", "05152"};
  const std::string first = lifecycle.Receive(command).value().code;
  const std::string second = lifecycle.Receive(command).value().code;
  clock_.Advance(std::chrono::hours(20));
  ASSERT_TRUE(lifecycle.Record(first, SupplementRequested{"Thiếu giấy tờ", {"Hợp đồng thuê nhà"}}, command.actor));
  ASSERT_TRUE(lifecycle.Record(second, ResultApproved{"Đã đăng ký", "lanh.dao"}, command.actor));

  std::ostringstream exported;
  ASSERT_EQ(ExportEvents(*source, {}, exported).value(), 4u);
  auto target = NewStore();
  const ImportReport report = Import(*target, exported.str());
  EXPECT_EQ(report.dossiers_imported, 2u);
  EXPECT_EQ(report.events_imported, 4u);
  EXPECT_TRUE(report.problems.empty());
  for (const std::string& code : {first, second}) {
    SCOPED_TRACE(code);
    const DossierState a = source->LoadDossier(code).value().value();
    const DossierState b = target->LoadDossier(code).value().value();
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.due_at, b.due_at);
    EXPECT_EQ(a.received_at, b.received_at);
    EXPECT_EQ(a.completed_at, b.completed_at);
    EXPECT_EQ(a.applicant.citizen_id, b.applicant.citizen_id);
    EXPECT_EQ(a.last_seq, b.last_seq);
  }
  const auto imported = target->LoadDossierEvents(first).value();
  EXPECT_TRUE(imported.front().imported);
  EXPECT_EQ(imported.front().imported_by, "nguyen.admin");
  EXPECT_EQ(imported.front().occurred_at, source->LoadDossierEvents(first).value().front().occurred_at);
}

TEST_F(EventTransferTest, ABadLineKeepsItsWholeDossierOutAndIsReportedByLineNumber) {
  auto store = NewStore();
  const std::string good = PaperDossierLine("A-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                            "2025-08-04T09:00:00+07:00");
  const std::string a2 = PaperDossierLine("B-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                          "2025-08-04T09:00:00+07:00");
  std::string b2 = PaperDossierLine("B-1", "05152", 2, Evaluated{4, ""}, "2025-08-04T10:00:00+07:00");
  b2.replace(b2.find("\"score\":4"), 9, "\"score\":\"four\"");
  const ImportReport report = Import(*store, good + "\n" + a2 + "\n" + b2 + "\n");
  EXPECT_EQ(report.dossiers_imported, 1u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].line, 3);
  EXPECT_EQ(report.problems[0].dossier_code, "B-1");
  EXPECT_EQ(report.problems[0].error.field, "payload.score");
  EXPECT_TRUE(store->LoadDossierEvents("B-1").value().empty()) << "nothing of B-1 is half-applied";
  EXPECT_EQ(store->LoadDossierEvents("A-1").value().size(), 1u);
}

TEST_F(EventTransferTest, AnIllegalHistoryIsRejectedWhole) {
  auto store = NewStore();
  const std::string lines =
      PaperDossierLine("C-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                       "2025-08-04T09:00:00+07:00") +
      "\n" +
      PaperDossierLine("C-1", "05152", 2, ResultReturned{ReturnMethod::kCounter, ""}, "2025-08-05T09:00:00+07:00") +
      "\n";
  const ImportReport report = Import(*store, lines);
  EXPECT_EQ(report.dossiers_imported, 0u);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_TRUE(store->LoadDossierEvents("C-1").value().empty());
}

TEST_F(EventTransferTest, OldCommuneCodesAreMappedOrHeld) {
  auto store = NewStore();
  // Xã Ngổ Luông (05194, Hòa Bình) went whole into Xã Vân Sơn (05152, Phú Thọ).
  const std::string whole = PaperDossierLine("D-1", "05194", 1, PaperReceipt("05194"), "2025-03-03T09:00:00+07:00");
  // Phường Điện Biên (00019, Hà Nội) was split between four wards: a person must choose.
  const std::string split = PaperDossierLine("E-1", "00019", 1, PaperReceipt("00019"), "2025-03-03T09:00:00+07:00");
  const ImportReport report = Import(*store, whole + "\n" + split + "\n");
  EXPECT_EQ(report.dossiers_imported, 1u);
  const DossierState mapped = store->LoadDossier("D-1").value().value();
  EXPECT_EQ(mapped.receiving_unit, "05152");
  EXPECT_EQ(mapped.competent_unit, "05152");
  ASSERT_EQ(report.holds.size(), 1u);
  EXPECT_EQ(report.holds[0].dossier_code, "E-1");
  EXPECT_EQ(report.holds[0].old_code, "00019");
  EXPECT_EQ(report.holds[0].candidates.size(), 4u);
  EXPECT_EQ(report.holds[0].lines, std::vector<std::string>{split});
  EXPECT_TRUE(store->LoadDossierEvents("E-1").value().empty());
}

TEST_F(EventTransferTest, ImportingTwiceAddsNothing) {
  auto store = NewStore();
  const std::string lines =
      PaperDossierLine("F-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                       "2025-08-04T09:00:00+07:00") +
      "\n" +
      PaperDossierLine("F-1", "05152", 2, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2025-08-05T09:00:00+07:00") + "\n";
  EXPECT_EQ(Import(*store, lines).events_imported, 2u);
  const ImportReport again = Import(*store, lines);
  EXPECT_EQ(again.events_imported, 0u);
  EXPECT_EQ(again.dossiers_unchanged, 1u);
  EXPECT_EQ(again.events_already_present, 2u);
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(store->LoadDossierEvents("F-1").value().size(), 2u);
}

// Regression (issue 15, item 10): a line that named no dossier stopped the whole file; now it is reported by its
// number and the rest goes in.
TEST_F(EventTransferTest, ALineThatNamesNoDossierIsReportedAndTheRestImported) {
  auto store = NewStore();
  const std::string lines = PaperDossierLine("G-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                             "2025-08-04T09:00:00+07:00") +
                            "\n{not json\n";
  const ImportReport report = Import(*store, lines);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].line, 2);
  EXPECT_EQ(report.problems[0].dossier_code, "");
  EXPECT_EQ(report.dossiers_imported, 1u);
  EXPECT_EQ(store->LoadDossierEvents("G-1").value().size(), 1u);
}

// Regression (issue 15, item 10): a truncated line rejects its dossier, whose code is still read, not the file.
TEST_F(EventTransferTest, ATruncatedLineRejectsItsDossierOnly) {
  auto store = NewStore();
  const std::string whole = PaperDossierLine("T-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                             "2025-08-04T09:00:00+07:00");
  const std::string first = PaperDossierLine("T-2", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                             "2025-08-04T09:00:00+07:00");
  const std::string second =
      PaperDossierLine("T-2", "05152", 2, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2025-08-05T09:00:00+07:00");
  const std::string cut = second.substr(0, second.size() / 2);  // a copy that stopped half way
  const ImportReport report = Import(*store, first + "\n" + cut + "\n" + whole + "\n");
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0].line, 2);
  EXPECT_EQ(report.problems[0].dossier_code, "T-2");
  EXPECT_EQ(report.dossiers_rejected, 1u);
  EXPECT_TRUE(store->LoadDossierEvents("T-2").value().empty()) << "the dossier's good first line is not applied";
  EXPECT_EQ(store->LoadDossierEvents("T-1").value().size(), 1u);
}

TEST(DossierCodeInTextTest, ReadsTheCodeOfALineThatIsNotWholeJson) {
  const struct {
    const char* text;
    const char* code;
  } cases[] = {
      {R"({"dossier_code":"H52-250804-0001","seq":2,"typ)", "H52-250804-0001"},  // cut after the code
      {R"({"actor":{"role":"x"}, "dossier_code" : "A-1", "pay)", "A-1"},         // spaces, not first
      {R"({"dossier_code":"H52-2508)", ""},                                      // cut inside the code
      {R"({"dossier_code":"A\"B","seq":1})", ""},                                // an escape: not read for sure
      {R"({"seq":1,"type":"received")", ""},                                     // no code at all
  };
  for (const auto& c : cases) EXPECT_EQ(DossierCodeInText(c.text), c.code) << c.text;
}

// Regression (issue 15, item 10): a dossier already present with other events was "already present (skipped)".
TEST_F(EventTransferTest, ADossierWhoseEventsDifferIsAConflictListingTheDifferences) {
  auto store = NewStore();
  const std::string receipt = PaperDossierLine("K-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                               "2025-08-04T09:00:00+07:00");
  const auto approval = [](const char* result) {
    return PaperDossierLine("K-1", "05152", 2, ResultApproved{result, "lanh.dao"}, "2025-08-05T09:00:00+07:00");
  };
  ASSERT_EQ(Import(*store, receipt + "\n" + approval("Đã đăng ký") + "\n").dossiers_imported, 1u);
  const std::vector<DossierEvent> before = store->LoadDossierEvents("K-1").value();

  const ImportReport report = Import(*store, receipt + "\n" + approval("Không đăng ký") + "\n");
  ASSERT_EQ(report.conflicts.size(), 1u);
  EXPECT_EQ(report.conflicts[0].dossier_code, "K-1");
  EXPECT_EQ(report.conflicts[0].line, 2);
  ASSERT_EQ(report.conflicts[0].differences.size(), 1u);
  const EventDifference& d = report.conflicts[0].differences[0];
  EXPECT_EQ(d.seq, 2);
  EXPECT_EQ(d.field, "payload.result");
  EXPECT_EQ(d.stored, "\"Đã đăng ký\"");
  EXPECT_EQ(d.imported, "\"Không đăng ký\"");
  EXPECT_EQ(report.dossiers_imported + report.dossiers_unchanged, 0u);
  EXPECT_EQ(store->LoadDossierEvents("K-1").value().size(), before.size()) << "nothing written";
  EXPECT_EQ(store->LoadDossierEvents("K-1").value().back().hash, before.back().hash);
}

TEST_F(EventTransferTest, AStoredDossierIsContinuedByTheEventsItLacks) {
  auto store = NewStore();
  const std::string receipt = PaperDossierLine("L-1", "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                                               "2025-08-04T09:00:00+07:00");
  ASSERT_EQ(Import(*store, receipt + "\n").dossiers_imported, 1u);
  const std::string approval =
      PaperDossierLine("L-1", "05152", 2, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2025-08-05T09:00:00+07:00");
  const ImportReport report = Import(*store, receipt + "\n" + approval + "\n");
  EXPECT_EQ(report.dossiers_imported, 1u);
  EXPECT_EQ(report.events_imported, 1u);
  EXPECT_EQ(report.events_already_present, 1u);
  EXPECT_EQ(store->LoadDossier("L-1").value()->status, DossierStatus::kResultReady);
}

// Regression (issue 15, item 10): a split commune's dossiers were held with no way in but editing the file.
TEST_F(EventTransferTest, APersonsChoiceInTheUnitMapImportsAHeldDossier) {
  auto store = NewStore();
  const std::string split = PaperDossierLine("E-1", "00019", 1, PaperReceipt("00019"), "2025-03-03T09:00:00+07:00");
  const ImportReport held = Import(*store, split + "\n");
  ASSERT_EQ(held.holds.size(), 1u);
  const std::string chosen = held.holds[0].candidates.back().commune_code;

  const std::string other = store->CommunesOfProvince("25").value().front().code;  // not where 00019 went
  unit_map_ = UnitMap::Parse("old_code,new_code\n00019," + other + "\n", "map.csv").value();
  const ImportReport refused = Import(*store, split + "\n");
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].error.field, "payload.receiving_unit");
  EXPECT_TRUE(store->LoadDossierEvents("E-1").value().empty());

  unit_map_ =
      UnitMap::Parse("old_code,new_code,dossier_code,candidates\n00019,,,\"for a person\"\n00019," + chosen + ",E-1,\n",
                     "map.csv")
          .value();
  const ImportReport report = Import(*store, split + "\n");
  EXPECT_TRUE(report.holds.empty());
  EXPECT_EQ(report.dossiers_imported, 1u);
  const DossierState state = store->LoadDossier("E-1").value().value();
  EXPECT_EQ(state.receiving_unit, chosen);
  EXPECT_EQ(state.competent_unit, chosen);
}

TEST(UnitMapTest, ADossiersOwnChoiceWinsOverTheChoiceForEveryDossier) {
  const UnitMap map =
      UnitMap::Parse("old_code,new_code,dossier_code\n00019,00004,\n00019,00008,E-2\n00020,,\n", "m.csv").value();
  EXPECT_EQ(map.Resolve("E-1", "00019"), "00004");
  EXPECT_EQ(map.Resolve("E-2", "00019"), "00008");
  EXPECT_EQ(map.Resolve("E-1", "00020"), std::nullopt) << "an empty new_code is a choice not yet made";
  EXPECT_FALSE(UnitMap::Parse("old_code,new_code\n19,00004\n", "m.csv").has_value());
  EXPECT_FALSE(UnitMap::Parse("old_code,new_code\n00019,00004\n00019,00008\n", "m.csv").has_value());
  EXPECT_FALSE(UnitMap::Parse("old,new\n00019,00004\n", "m.csv").has_value());
}

TEST_F(EventTransferTest, ProgressIsToldAfterEachDossier) {
  auto store = NewStore();
  std::string lines;
  for (const char* code : {"P-1", "P-2", "P-3"}) {
    lines += PaperDossierLine(code, "05152", 1, PaperReceipt("05152", "2025-08-04", "2025-08-07"),
                              "2025-08-04T09:00:00+07:00") +
             "\n";
  }
  std::vector<std::pair<std::size_t, std::size_t>> told;
  ImportOptions options;
  options.importer = "nguyen.admin";
  options.progress = [&](const ImportProgress& p) { told.emplace_back(p.dossiers_done, p.dossiers_total); };
  std::istringstream in(lines);
  ASSERT_TRUE(ImportEvents(*store, clock_, in, options).has_value());
  const std::vector<std::pair<std::size_t, std::size_t>> expected = {{1, 3}, {2, 3}, {3, 3}};
  EXPECT_EQ(told, expected);
}

}  // namespace
}  // namespace motcua::app
