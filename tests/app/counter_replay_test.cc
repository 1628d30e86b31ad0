// The import holds every event to what the counter could have written (app/counter_replay.h; issue 15, item 10):
// each case below is a history the counter could not have produced, and must be rejected with its line, its
// dossier and the field at fault, leaving nothing of the dossier behind. The dates are worked by hand from the
// work calendar's rules (domain/work_calendar.h): a working day is 8 working hours, 07:30–11:30 and 13:00–17:00.
#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "app/catalogue_installer.h"
#include "app/event_transfer.h"
#include "store/dossier_event_codec.h"
#include "store/store_factory.h"

namespace motcua::app {
namespace {

Instant At(const char* iso) { return ParseIsoInstant(iso, "test").value(); }

// A file id (SHA-256 hex) of something uploaded in the tests that need one.
const std::string kUploaded(64, 'a');
const std::string kNeverUploaded(64, 'b');

// A temporary residence registration (1.004194: 3 working days, direct or online) received at the counter of
// Xã Vân Sơn on Monday 4 August 2025 at 09:00: the clock starts at once and runs 24 working hours, to Thursday
// 7 August at 09:00.
DossierEvent Receipt() {
  DossierEvent event;
  event.dossier_code = "R-1";
  event.seq = 1;
  event.actor = {"tiep.nhan", "receptionist", "05152"};
  event.occurred_at = At("2025-08-04T09:00:00+07:00");
  event.recorded_at = event.occurred_at;
  event.payload = Received{"1.004194",
                           Channel::kDirect,
                           {"Đinh Văn Em", "017080000123", "", "", "", ""},
                           {},
                           "05152",
                           "UBND xã Vân Sơn",
                           "Công an xã Vân Sơn",
                           "05152",
                           3,
                           TimeUnit::kWorkingDay,
                           At("2025-08-04T09:00:00+07:00"),
                           At("2025-08-07T09:00:00+07:00")};
  return event;
}

DossierEvent Then(std::int64_t seq, EventPayload payload, const char* when, const char* role = "leader") {
  DossierEvent event = Receipt();
  event.seq = seq;
  event.actor = {"lanh.dao", role, "05152"};
  event.occurred_at = At(when);
  event.recorded_at = event.occurred_at;
  event.payload = std::move(payload);
  return event;
}

Received& ReceivedOf(std::vector<DossierEvent>& history) { return std::get<Received>(history.front().payload); }

// The receipt, a supplement asked on Tuesday 09:00 (16 working hours left) and given on Wednesday 09:00: due
// Friday 8 August at 09:00.
std::vector<DossierEvent> WithSupplement(const char* due) {
  return {Receipt(), Then(2, SupplementRequested{"Thiếu hợp đồng thuê nhà", {"Hợp đồng"}}, "2025-08-05T09:00:00+07:00"),
          Then(3, Supplemented{{}, At(due)}, "2025-08-06T09:00:00+07:00", "receptionist")};
}

struct Case {
  const char* why;
  std::function<std::vector<DossierEvent>()> history;
  int line;           // the line at fault
  const char* field;  // the field it names
};

const Case kCases[] = {
    {"an unknown procedure code",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).procedure_code = "9.999999";
       return h;
     },
     1, "payload.procedure_code"},
    {"a competent unit in another province (Phường Ba Đình, Hà Nội, for a Phú Thọ counter)",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).competent_unit = "00004";
       return h;
     },
     1, "payload.competent_unit"},
    {"a channel the procedure is not offered on (1.004194 is not received by post)",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).channel = Channel::kPostal;
       return h;
     },
     1, "payload.channel"},
    {"an applicant's citizen ID that is not 12 digits",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).applicant.citizen_id = "0170800001";
       return h;
     },
     1, "payload.applicant.citizen_id"},
    {"a result approved before the dossier was received",
     [] {
       return std::vector{Receipt(), Then(2, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2025-08-01T10:00:00+07:00")};
     },
     2, "occurred_at"},
    {"an event after the import's now (9 January 2026)",
     [] {
       return std::vector{Receipt(), Then(2, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2026-02-02T10:00:00+07:00")};
     },
     2, "occurred_at"},
    {"a due date 400 days after the receipt of a 1-working-day procedure (1.003133)",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       Received& r = ReceivedOf(h);
       r.procedure_code = "1.003133";
       r.processing_amount = 1;
       r.due_at = r.clock_started_at + std::chrono::days(400);
       return h;
     },
     1, "payload.due_at"},
    {"a due date a minute off the rules",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).due_at += std::chrono::minutes(1);
       return h;
     },
     1, "payload.due_at"},
    {"a clock started later than the receipt at 09:00 within working hours",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).clock_started_at += std::chrono::hours(1);
       ReceivedOf(h).due_at += std::chrono::hours(1);
       return h;
     },
     1, "payload.clock_started_at"},
    {"a processing time longer than the catalogue's 3 working days",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).processing_amount = 400;
       return h;
     },
     1, "payload.processing_amount"},
    {"a processing time in another unit than the catalogue's",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       ReceivedOf(h).processing_unit = TimeUnit::kDay;
       return h;
     },
     1, "payload.processing_unit"},
    {"1.5 calendar days (1.000253 counts 7 days; days are whole, Civil Code art. 148)",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       Received& r = ReceivedOf(h);
       r.procedure_code = "1.000253";
       r.processing_amount = 1.5;
       r.processing_unit = TimeUnit::kDay;
       return h;
     },
     1, "payload.processing_amount"},
    {"an unknown role",
     [] {
       std::vector<DossierEvent> h{Receipt()};
       h.front().actor.role = "thu.ky";
       return h;
     },
     1, "actor.role"},
    {"a step given to an unknown role",
     [] {
       return std::vector{Receipt(),
                          Then(2, StepAssigned{"Thẩm định", "thu.ky", "Công an xã", "a"}, "2025-08-04T10:00:00+07:00")};
     },
     2, "payload.role"},
    {"a file never uploaded",
     [] {
       return std::vector{Receipt(),
                          Then(2, Digitized{1, kNeverUploaded}, "2025-08-04T09:05:00+07:00", "receptionist")};
     },
     2, "payload.file"},
    {"a file reference that is no file of this database",
     [] {
       return std::vector{Receipt(),
                          Then(2, Digitized{1, "scan/R-1-1.pdf"}, "2025-08-04T09:05:00+07:00", "receptionist")};
     },
     2, "payload.file"},
    {"a supplement's new due date other than the rules' (Friday 09:00)",
     [] { return WithSupplement("2025-08-08T10:00:00+07:00"); }, 3, "payload.due_at"},
};

class CounterReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::OpenStore(store::StoreSpec::Sqlite(":memory:")).value();
    ASSERT_TRUE(InstallReferenceCatalogue(*store_, BuiltInReferenceFiles()).has_value());
    ASSERT_TRUE(store_->RecordDocumentUpload(
        {kUploaded, 4, MediaType::kPdf, "to-khai.pdf", "tiep.nhan", At("2025-08-04T09:01:00+07:00")}));
  }

  ImportReport Import(const std::vector<DossierEvent>& history) {
    std::string lines;
    for (const DossierEvent& event : history) lines += store::EncodeDossierEvent(event).dump() + "\n";
    std::istringstream in(lines);
    ImportOptions options;
    options.importer = "nguyen.admin";
    return ImportEvents(*store_, clock_, in, options).value();
  }

  std::unique_ptr<store::Store> store_;
  const FixedClock clock_{At("2026-01-09T16:59:00+07:00")};
};

TEST_F(CounterReplayTest, AHistoryTheCounterCouldHaveWrittenGoesIn) {
  std::vector<DossierEvent> history = WithSupplement("2025-08-08T09:00:00+07:00");
  history.push_back(Then(4, Digitized{1, kUploaded}, "2025-08-06T09:05:00+07:00", "receptionist"));
  history.push_back(
      Then(5, StepAssigned{"Thẩm định", "specialist", "Công an xã", "chuyen.vien"}, "2025-08-06T10:00:00+07:00"));
  history.push_back(Then(6, ResultApproved{"Đã đăng ký", "lanh.dao"}, "2025-08-07T10:00:00+07:00"));
  const ImportReport report = Import(history);
  for (const ImportProblem& p : report.problems)
    ADD_FAILURE() << p.line << " " << p.error.field << " " << p.error.message_en;
  EXPECT_EQ(report.dossiers_imported, 1u);
  EXPECT_EQ(store_->LoadDossier("R-1").value()->status, DossierStatus::kResultReady);
}

TEST_F(CounterReplayTest, EachHistoryTheCounterCouldNotHaveWrittenIsRejectedNamingLineDossierAndField) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.why);
    SetUp();
    const ImportReport report = Import(c.history());
    EXPECT_EQ(report.dossiers_imported, 0u);
    EXPECT_EQ(report.dossiers_rejected, 1u);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line, c.line);
    EXPECT_EQ(report.problems[0].dossier_code, "R-1");
    EXPECT_EQ(report.problems[0].error.field, c.field) << report.problems[0].error.message_en;
    EXPECT_FALSE(report.problems[0].error.message_vi.empty());
    EXPECT_FALSE(report.problems[0].error.message_en.empty());
    EXPECT_TRUE(store_->LoadDossierEvents("R-1").value().empty()) << "nothing of the dossier is written";
  }
}

// Outside files: a history moved from another system keeps its references, but one shaped as a file id of this
// database must still be one.
TEST_F(CounterReplayTest, OutsideFilesAcceptReferencesButNotAnUnknownFileId) {
  const std::vector<std::pair<std::string, bool>> files = {{"scan/R-1-1.pdf", true}, {kNeverUploaded, false}};
  for (const auto& [file, accepted] : files) {
    SetUp();
    std::string lines;
    for (const DossierEvent& event :
         {Receipt(), Then(2, Digitized{1, file}, "2025-08-04T09:05:00+07:00", "receptionist")}) {
      lines += store::EncodeDossierEvent(event).dump() + "\n";
    }
    std::istringstream in(lines);
    ImportOptions options;
    options.importer = "nguyen.admin";
    options.outside_files = true;
    const ImportReport report = ImportEvents(*store_, clock_, in, options).value();
    EXPECT_EQ(report.dossiers_imported, accepted ? 1u : 0u) << file;
  }
}

}  // namespace
}  // namespace motcua::app
