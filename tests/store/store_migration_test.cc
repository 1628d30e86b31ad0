// Moving a database to another engine (store/store_migration.h, `motcua migrate`): a SQLite file with dossiers,
// an account, search synonyms and its receipt key, copied to each engine, is the same database after — the same
// dossiers, the same event log head, the same receipt key, numbering that goes on — and a history tampered with
// before, or a target that already holds data, is refused.
#include "store/store_migration.h"

#include <gtest/gtest.h>

#include "store/store_factory.h"
#include "support/raw_sql.h"
#include "support/sample_events.h"
#include "support/store_backends.h"

namespace motcua::store {
namespace {

using test_support::At;
using test_support::Event;
using test_support::SomeReceived;

Result<std::string> Code(std::int64_t n) { return "M-" + std::to_string(n); }

class StoreMigrationTest : public test_support::StoreBackendTest {
 protected:
  void SetUp() override {
    test_support::StoreBackendTest::SetUp();
    if (IsSkipped()) return;
    if (!GetParam().shared) GTEST_SKIP() << test_support::kNeedsSharedDatabase;
    source_ = StoreSpec::Sqlite(test_support::TempDbPath());
    auto source = OpenStore(source_).value();
    for (int i = 0; i < 3; ++i) {
      source->AppendNewDossier("M", Code, std::vector{Event(SomeReceived(), "2026-01-12T07:45:00+07:00", "")}, {})
          .value();
    }
    Account clerk;
    clerk.login = "tiepnhan01";
    clerk.role = Role::kReceptionist;
    clerk.units = {"04006"};
    ASSERT_TRUE(source->CreateAccount(clerk, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA").has_value());
    ProvinceSynonym synonym;
    synonym.phrase = "bìa xanh";
    synonym.expansion = "quyền sử dụng đất";
    synonym.added_by = "quantri";
    synonym.added_at = At("2026-12-01T08:00:00+07:00");
    source->AddProvinceSynonym(synonym).value();
    synonym.phrase = "giấy đi đường";
    synonym.expansion = "hộ chiếu";
    source->AddProvinceSynonym(synonym).value();
  }

  StoreSpec source_;
};

TEST_P(StoreMigrationTest, TheCopyIsTheSameDatabaseAndGoesOnFromWhereTheSourceStopped) {
  auto source = OpenStore(source_).value();
  const auto report = MigrateDatabase(source_, spec_, {});
  ASSERT_TRUE(report.has_value()) << report.error().message_en;
  ASSERT_FALSE(report->problem.has_value()) << *report->problem;
  EXPECT_EQ(report->head, source->EventLogHead().value());
  EXPECT_EQ(report->head.position, 3);

  auto copy = Reopen();
  EXPECT_EQ(copy->DossierCodes({}).value(), source->DossierCodes({}).value());
  const auto copied_events = copy->LoadDossierEvents("M-2").value();
  const auto source_events = source->LoadDossierEvents("M-2").value();
  ASSERT_EQ(copied_events.size(), source_events.size());
  EXPECT_EQ(copied_events.front().hash, source_events.front().hash);
  EXPECT_EQ(copy->LoadServerSecret("receipt_pin").value(), source->LoadServerSecret("receipt_pin").value())
      << "a receipt printed before the move opens with its PIN after it";
  EXPECT_EQ(copy->FindAccount("tiepnhan01").value()->password_hash,
            source->FindAccount("tiepnhan01").value()->password_hash);
  EXPECT_EQ(copy->ProvinceSynonyms().value(), source->ProvinceSynonyms().value());
  EXPECT_FALSE(copy->VerifyEventLog(report->head).value().has_value()) << "the old checkpoint verifies the copy";

  // Numbering goes on after the copied rows: the next dossier and the next synonym.
  const auto next =
      copy->AppendNewDossier("M", Code, std::vector{Event(SomeReceived(), "2026-01-12T07:50:00+07:00", "")}, {});
  ASSERT_TRUE(next.has_value()) << next.error().message_en;
  EXPECT_EQ(next->code, "M-4");
  ProvinceSynonym another;
  another.phrase = "sổ hồng";
  another.expansion = "quyền sử dụng đất";
  another.added_by = "quantri";
  another.added_at = At("2026-12-02T08:00:00+07:00");
  const auto added = copy->AddProvinceSynonym(another);
  ASSERT_TRUE(added.has_value()) << added.error().message_en;
  EXPECT_EQ(added->id, 3);
}

TEST_P(StoreMigrationTest, ATargetThatHoldsDataIsRefusedAndKeptAsItWas) {
  ASSERT_TRUE(MigrateDatabase(source_, spec_, {}).has_value());
  const auto again = MigrateDatabase(source_, spec_, {});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().field, "to");
  EXPECT_EQ(Reopen()->DossierCodes({}).value().size(), 3u);
}

TEST_P(StoreMigrationTest, AHistoryTamperedWithIsNotMovedAndTheReportSaysWhere) {
  {
    auto raw = test_support::RawSql(source_);
    raw->ExecuteScript("DROP TRIGGER dossier_events_no_update");
    raw->ExecuteScript("UPDATE dossier_events SET payload = replace(payload, 'Hoa', 'Hòa') WHERE dossier_code = 'M-2'");
  }
  const auto report = MigrateDatabase(source_, spec_, {});
  ASSERT_TRUE(report.has_value()) << report.error().message_en;
  ASSERT_TRUE(report->problem.has_value());
  EXPECT_NE(report->problem->find("source: dossier M-2"), std::string::npos) << *report->problem;
  EXPECT_TRUE(report->tables.empty());
  EXPECT_TRUE(Reopen()->DossierCodes({}).value().empty()) << "nothing copied";
}

TEST_P(StoreMigrationTest, TheSameDatabaseIsNotATarget) {
  const auto report = MigrateDatabase(source_, source_, {});
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().field, "to");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreMigrationTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

}  // namespace
}  // namespace motcua::store
