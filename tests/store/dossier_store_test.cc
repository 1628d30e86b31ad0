// The dossier event store: atomic appends through the state machine, the hash chain and its verification
// (including an attacker who drops the append-only triggers), sequence allocation, and the JSON codec.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/dossier_event_codec.h"
#include "store/event_hash.h"
#include "store/sqlite/sqlite_store.h"
#include "support/raw_sql.h"
#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

constexpr const char* kCode = "H15.50.05.13-260112-0001";

using test_support::At;
using test_support::SomeReceived;

DossierEvent Event(EventPayload payload, std::string_view when, std::string code = kCode) {
  return test_support::Event(std::move(payload), when, std::move(code));
}

using test_support::TempDbPath;

class DossierStoreTest : public test_support::StoreBackendTest {
 protected:
  Result<DossierState> Append(std::vector<DossierEvent> events) { return store_->AppendDossierEvents(events, {}); }

  DossierState Receive(std::string code = kCode) {
    auto state = Append({Event(SomeReceived(), "2026-01-12T07:45:00+07:00", std::move(code))});
    EXPECT_TRUE(state.has_value()) << state.error().message_en;
    return state.value_or(DossierState{});
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, DossierStoreTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

TEST_P(DossierStoreTest, AppendsAReceivedDossierAndFollowsItToTheEnd) {
  Receive();
  const std::vector<EventPayload> steps = {StepAssigned{"thẩm định", "specialist", "UBND xã", "chuyenvien01"},
                                           StepCompleted{"thẩm định", "đủ điều kiện"},
                                           ResultApproved{"Giấy khai sinh số 12/2026", "Chủ tịch UBND xã"},
                                           ResultReturned{ReturnMethod::kCounter, ""}, Evaluated{5, "Nhanh"}};
  for (const EventPayload& step : steps) {
    auto state = Append({Event(step, "2026-01-13T09:00:00+07:00")});
    ASSERT_TRUE(state.has_value()) << state.error().message_en;
  }
  auto loaded = store_->LoadDossier(kCode).value();
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->status, DossierStatus::kReturned);
  EXPECT_EQ(loaded->last_seq, 6);
  EXPECT_EQ(loaded->evaluation, 5);
  auto events = store_->LoadDossierEvents(kCode).value();
  ASSERT_EQ(events.size(), 6u);
  for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].seq, static_cast<std::int64_t>(i + 1));
  EXPECT_EQ(loaded->last_hash, events.back().hash);
}

TEST_P(DossierStoreTest, AnUnknownDossierLoadsAsNothing) {
  EXPECT_FALSE(store_->LoadDossier("none").value().has_value());
  EXPECT_TRUE(store_->LoadDossierEvents("none").value().empty());
}

TEST_P(DossierStoreTest, AnIllegalEventIsRefusedAndWritesNothing) {
  const DossierState before = Receive();
  auto returned = Append({Event(ResultReturned{}, "2026-01-13T09:00:00+07:00")});
  ASSERT_FALSE(returned.has_value());
  EXPECT_EQ(returned.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(store_->LoadDossierEvents(kCode).value().size(), 1u);
  EXPECT_EQ(store_->LoadDossier(kCode).value()->last_hash, before.last_hash);
}

TEST_P(DossierStoreTest, ABatchIsAppliedWholeOrNotAtAll) {
  auto batch = Append(
      {Event(SomeReceived(), "2026-01-12T07:45:00+07:00"), Event(ResultReturned{}, "2026-01-12T08:00:00+07:00")});
  ASSERT_FALSE(batch.has_value());
  EXPECT_EQ(batch.error().field, "events[1].type");
  EXPECT_FALSE(store_->LoadDossier(kCode).value().has_value());
  EXPECT_TRUE(store_->DossierCodes({}).value().empty());
}

TEST_P(DossierStoreTest, ABatchOfSeveralEventsIsStoredInOrder) {
  auto state =
      Append({Event(SomeReceived(), "2026-01-12T07:45:00+07:00"),
              Event(FeeAssessed{Money::Dong(8000), "Lệ phí"}, "2026-01-12T07:46:00+07:00"),
              Event(FeePaid{Money::Dong(8000), PaymentMethod::kOnline, "VNPAY-1"}, "2026-01-12T07:47:00+07:00")});
  ASSERT_TRUE(state.has_value()) << state.error().message_en;
  EXPECT_EQ(state->last_seq, 3);
  EXPECT_EQ(state->fees_paid_online, Money::Dong(8000));
}

TEST_P(DossierStoreTest, RefusesEventsOfSeveralDossiersOrNone) {
  auto mixed = Append({Event(SomeReceived(), "2026-01-12T07:45:00+07:00"),
                       Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "other")});
  ASSERT_FALSE(mixed.has_value());
  EXPECT_EQ(mixed.error().field, "events");
  EXPECT_FALSE(Append({}).has_value());
}

TEST_P(DossierStoreTest, AWrongSeqIsRefused) {
  Receive();
  DossierEvent event = Event(StepAssigned{"thẩm định", "specialist", "", "cv"}, "2026-01-13T09:00:00+07:00");
  event.seq = 5;
  auto state = Append({event});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().field, "seq");
}

TEST_P(DossierStoreTest, RefusesTextThatIsNotUtf8) {
  Received received = SomeReceived();
  received.applicant.name = "Nguy\xff";
  auto state = Append({Event(received, "2026-01-12T07:45:00+07:00")});
  ASSERT_FALSE(state.has_value());
  EXPECT_EQ(state.error().code, ErrorCode::kInvalidArgument);
}

TEST_P(DossierStoreTest, EventsAreHashChained) {
  Receive();
  ASSERT_TRUE(Append({Event(StepAssigned{"thẩm định", "specialist", "", "cv"}, "2026-01-13T09:00:00+07:00")}));
  auto events = store_->LoadDossierEvents(kCode).value();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].prev_hash, "");
  EXPECT_EQ(events[0].hash.size(), 64u);
  EXPECT_EQ(events[1].prev_hash, events[0].hash);
  for (const auto& event : events) EXPECT_EQ(EventHash(event), event.hash);
  EXPECT_NE(events[0].hash, events[1].hash);
}

TEST_P(DossierStoreTest, VerifyFindsNothingWrongInAnIntactStore) {
  Receive();
  Receive("H15.50.05.13-260112-0002");
  ASSERT_TRUE(Append({Event(Withdrawn{"không cần nữa"}, "2026-01-13T09:00:00+07:00")}));
  auto broken = store_->VerifyDossierChains();
  ASSERT_TRUE(broken.has_value()) << broken.error().message_en;
  EXPECT_FALSE(broken->has_value());
}

// Each prefix (an agency's day) numbers its dossiers from 1.
TEST_P(DossierStoreTest, NumbersNewDossiersPerPrefix) {
  const auto reception = std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "ignored")};
  auto code = [&](const std::string& prefix) {
    const Store::DossierCodeOf code_of = [&](std::int64_t n) -> Result<std::string> {
      return prefix + "-" + std::to_string(n);
    };
    auto stored = store_->AppendNewDossier(prefix, code_of, reception, {});
    return stored ? stored->code : stored.error().message_en;
  };
  EXPECT_EQ(code("H15.50.05.13-260112"), "H15.50.05.13-260112-1");
  EXPECT_EQ(code("H15.50.05.13-260112"), "H15.50.05.13-260112-2");
  EXPECT_EQ(code("H15.50.05.13-260113"), "H15.50.05.13-260113-1");
  EXPECT_EQ(code("H15.50.05.13-260112"), "H15.50.05.13-260112-3");
}

// A new dossier takes its number and is appended in one transaction: a refused append or a code that cannot
// be made takes no number, so the codes given out have no gaps.
TEST_P(DossierStoreTest, ANewDossierTakesTheNextNumberOnlyWhenItIsStored) {
  const Store::DossierCodeOf code_of = [](std::int64_t n) -> Result<std::string> { return "N-" + std::to_string(n); };
  const auto reception = std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "ignored")};
  auto first = store_->AppendNewDossier("N", code_of, reception, {});
  ASSERT_TRUE(first.has_value()) << first.error().message_en;
  EXPECT_EQ(first->code, "N-1");
  EXPECT_EQ(store_->LoadDossierEvents("N-1").value().size(), 1u);

  const auto orphan = std::vector{Event(ResultApproved{"Giấy khai sinh", "Chủ tịch"}, "2026-01-12T09:00:00+07:00", "")};
  auto refused = store_->AppendNewDossier("N", code_of, orphan, {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  const Store::DossierCodeOf unnamable = [](std::int64_t) -> Result<std::string> {
    return Fail(Error::InvalidArgument("agency_id", "sai", "bad"));
  };
  auto unnamed = store_->AppendNewDossier("N", unnamable, reception, {});
  ASSERT_FALSE(unnamed.has_value());
  EXPECT_EQ(unnamed.error().field, "agency_id");

  EXPECT_EQ(store_->AppendNewDossier("N", code_of, reception, {}).value().code, "N-2");
  EXPECT_EQ(store_->DossierCodes({}).value(), (std::vector<std::string>{"N-1", "N-2"}));
}

// A dossier's rows are kept under the province of its competent unit as it was first stored (0018): a transfer
// elsewhere does not move them, and its code sequence is kept under the same province.
TEST_P(DossierStoreTest, ADossierIsKeptUnderItsFirstCompetentUnitsProvince) {
  if (!GetParam().shared) GTEST_SKIP() << "the rows are looked at through a second connection";
  ReferenceCatalogue catalogue;
  catalogue.provinces = {{"04", "Tỉnh Cao Bằng", "tỉnh", "cao_bang", "206"},
                         {"15", "Tỉnh Lào Cai", "tỉnh", "lao_cai", "214"}};
  catalogue.communes = {{"04006", "Xã Đông Khê", "xã", "dong_khe", "04"}, {"15001", "Xã Y", "xã", "y", "15"}};
  ASSERT_TRUE(store_->SaveReferenceCatalogue(catalogue).has_value());
  const Store::DossierCodeOf code_of = [](std::int64_t n) -> Result<std::string> { return "N-" + std::to_string(n); };
  Received elsewhere = SomeReceived();
  elsewhere.competent_unit = "";  // decided where it was received
  elsewhere.receiving_unit = "15001";
  ASSERT_TRUE(
      store_->AppendNewDossier("N|1", code_of, std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "")}, {})
          .has_value());
  ASSERT_TRUE(
      Append({Event(Transferred{"UBND xã Y", "15001", "thẩm quyền"}, "2026-01-12T09:00:00+07:00", "N-1")}).has_value());
  const Store::DossierCodeOf other_code_of = [](std::int64_t n) -> Result<std::string> {
    return "M-" + std::to_string(n);
  };
  ASSERT_TRUE(
      store_->AppendNewDossier("M|1", other_code_of, std::vector{Event(elsewhere, "2026-01-12T07:50:00+07:00", "")}, {})
          .has_value());
  auto raw = test_support::RawSql(spec_);
  auto rows = [&](const std::string& query) {
    std::vector<std::string> found;
    sql::Statement row(*raw, query);
    while (row.Step()) found.push_back(row.Text(0) + " " + row.Text(1));
    return found;
  };
  EXPECT_EQ(rows("SELECT code, province_code FROM dossiers ORDER BY code"),
            (std::vector<std::string>{"M-1 15", "N-1 04"}));
  EXPECT_EQ(rows("SELECT dossier_code || '/' || seq, province_code FROM dossier_events ORDER BY 1"),
            (std::vector<std::string>{"M-1/1 15", "N-1/1 04", "N-1/2 04"}));
  EXPECT_EQ(rows("SELECT prefix, province_code FROM dossier_code_sequences ORDER BY prefix"),
            (std::vector<std::string>{"M|1 15", "N|1 04"}));
  EXPECT_EQ(store_->LoadDossier("N-1").value()->competent_unit, "15001");
  EXPECT_EQ(store_->LoadDossierEvents("N-1").value().size(), 2u);
  EXPECT_FALSE(store_->VerifyDossierChains().value().has_value());

  // A dossier row moved to another province than its events is found by verify.
  raw->ExecuteScript("UPDATE dossiers SET province_code = '15' WHERE code = 'N-1'");
  const std::optional<ChainBreak> moved = store_->VerifyDossierChains().value();
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(moved->dossier_code, "N-1");
  EXPECT_EQ(moved->what, "projection differs from its events: province_code");
}

TEST_P(DossierStoreTest, ListsDossierCodesByUnitAndTime) {
  Receive("A-1");
  Received elsewhere = SomeReceived();
  elsewhere.receiving_unit = "04010";
  elsewhere.competent_unit = "04010";
  ASSERT_TRUE(Append({Event(elsewhere, "2026-01-12T07:45:00+07:00", "A-2")}));
  Received later = SomeReceived();
  later.clock_started_at = At("2026-02-02T08:00:00+07:00");
  later.due_at = At("2026-02-05T08:00:00+07:00");
  ASSERT_TRUE(Append({Event(later, "2026-02-02T07:45:00+07:00", "A-3")}));
  EXPECT_EQ(store_->DossierCodes({}).value(), (std::vector<std::string>{"A-1", "A-2", "A-3"}));
  EXPECT_EQ(store_->DossierCodes({.unit = "04010"}).value(), (std::vector<std::string>{"A-2"}));
  EXPECT_EQ(store_->DossierCodes({.unit = "04006", .from = At("2026-02-01")}).value(),
            (std::vector<std::string>{"A-3"}));
  EXPECT_EQ(store_->DossierCodes({.to = At("2026-02-01")}).value(), (std::vector<std::string>{"A-1", "A-2"}));
}

// --- Tampering with the file, as someone with access to it would --------------------------------------

class DossierTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = TempDbPath();
    store_ = OpenSqliteStore(path_).value();
    for (const char* code : {"T-1", "T-2"}) {
      ASSERT_TRUE(
          store_->AppendDossierEvents(std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", code)}, {}));
      ASSERT_TRUE(store_->AppendDossierEvents(
          std::vector{Event(SupplementRequested{"thiếu giấy chứng sinh", {"Giấy chứng sinh"}},
                            "2026-01-12T09:00:00+07:00", code)},
          {}));
      ASSERT_TRUE(
          store_->AppendDossierEvents(std::vector{Event(Withdrawn{"đổi ý"}, "2026-01-12T10:00:00+07:00", code)}, {}));
    }
    raw_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READWRITE);
  }

  std::optional<ChainBreak> Verify() { return store_->VerifyDossierChains().value(); }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SQLite::Database> raw_;
};

TEST_F(DossierTamperTest, TheTriggersRefuseUpdatesAndDeletes) {
  EXPECT_THROW(raw_->exec("UPDATE dossier_events SET actor_user = 'x'"), SQLite::Exception);
  EXPECT_THROW(raw_->exec("DELETE FROM dossier_events"), SQLite::Exception);
  EXPECT_EQ(raw_->execAndGet("SELECT count(*) FROM dossier_events").getInt(), 6);
}

TEST_F(DossierTamperTest, AnEditedPayloadIsAHashMismatchAtThatEvent) {
  raw_->exec("DROP TRIGGER dossier_events_no_update");
  raw_->exec(
      "UPDATE dossier_events SET payload = json_set(payload, '$.reason', 'lý do khác') "
      "WHERE dossier_code = 'T-2' AND seq = 2");
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, "T-2");
  EXPECT_EQ(broken->seq, 2);
  EXPECT_EQ(broken->what, "hash mismatch");
}

TEST_F(DossierTamperTest, AnEditedAndRehashedEventBreaksTheNextLink) {
  auto events = store_->LoadDossierEvents("T-1").value();
  events[0].actor.user = "someone_else";
  raw_->exec("DROP TRIGGER dossier_events_no_update");
  SQLite::Statement edit(*raw_,
                         "UPDATE dossier_events SET actor_user = ?, hash = ? WHERE dossier_code = 'T-1' AND seq = 1");
  edit.bind(1, events[0].actor.user);
  edit.bind(2, EventHash(events[0]));
  edit.exec();
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, "T-1");
  EXPECT_EQ(broken->seq, 2);
  EXPECT_EQ(broken->what, "broken link");
}

TEST_F(DossierTamperTest, ADeletedEventIsMissing) {
  raw_->exec("DROP TRIGGER dossier_events_no_delete");
  raw_->exec("DELETE FROM dossier_events WHERE dossier_code = 'T-1' AND seq = 2");
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, "T-1");
  EXPECT_EQ(broken->seq, 2);
  EXPECT_EQ(broken->what, "missing event");
}

TEST_F(DossierTamperTest, ACutOffTailIsMissingByTheProjection) {
  raw_->exec("DROP TRIGGER dossier_events_no_delete");
  raw_->exec("DELETE FROM dossier_events WHERE dossier_code = 'T-2' AND seq = 3");
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, "T-2");
  EXPECT_EQ(broken->seq, 3);
  EXPECT_EQ(broken->what, "missing event");
}

TEST_F(DossierTamperTest, ADossierWhoseWholeHistoryIsDeletedIsMissing) {
  raw_->exec("DROP TRIGGER dossier_events_no_delete");
  raw_->exec("DELETE FROM dossier_events WHERE dossier_code = 'T-1'");
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->dossier_code, "T-1");
  EXPECT_EQ(broken->seq, 1);
  EXPECT_EQ(broken->what, "missing event");
}

TEST_F(DossierTamperTest, AGarbledPayloadIsUndecodable) {
  raw_->exec("DROP TRIGGER dossier_events_no_update");
  raw_->exec("UPDATE dossier_events SET payload = '{not json' WHERE dossier_code = 'T-1' AND seq = 3");
  auto broken = Verify();
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
  EXPECT_EQ(broken->what, "undecodable payload");
}

TEST_F(DossierTamperTest, AnIllegalAppendLeavesTheRowCountAsItWas) {
  const int before = raw_->execAndGet("SELECT count(*) FROM dossier_events").getInt();
  auto refused =
      store_->AppendDossierEvents(std::vector{Event(Evaluated{6, ""}, "2026-01-13T09:00:00+07:00", "T-1")}, {});
  EXPECT_FALSE(refused.has_value());
  EXPECT_EQ(raw_->execAndGet("SELECT count(*) FROM dossier_events").getInt(), before);
  EXPECT_EQ(raw_->execAndGet("SELECT last_seq FROM dossiers WHERE code = 'T-1'").getInt(), 3);
}

}  // namespace
}  // namespace motcua::store
