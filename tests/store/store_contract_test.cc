// The Store contract, run against every backend built here (SQLite in memory and in a file; PostgreSQL
// joins the list when its backend lands).
#include <gtest/gtest.h>

#include <SQLiteCpp/Database.h>

#include <algorithm>

#include <filesystem>
#include <span>
#include <string>

#include "app/reference_loader.h"
#include "embedded_file.h"
#include "store/sqlite/sqlite_store.h"
#include "support/in_memory_reference_files.h"
#include "support/store_backends.h"

namespace motcua::store {

// The migrations compiled into the binary (cmake/EmbedFiles.cmake), "0001_reference_catalogue.sql"...
std::span<const EmbeddedFile> SqliteMigrationFiles();

namespace {

using test_support::TempDbPath;

class StoreContractTest : public test_support::StoreBackendTest {
 protected:
  static const ReferenceCatalogue& Catalogue() {
    static const ReferenceCatalogue catalogue = app::LoadReferenceCatalogue(app::BuiltInReferenceFiles()).catalogue;
    return catalogue;
  }
};

// The key of the receipts' PINs is made with the database, random, and no two databases share it.
TEST_P(StoreContractTest, ANewDatabaseHasAReceiptKeyOfItsOwn) {
  const auto key = store_->LoadServerSecret("receipt_pin");
  ASSERT_TRUE(key.has_value()) << key.error().message_en;
  EXPECT_EQ(key->size(), 32u);
  auto other = OpenStore(GetParam().fresh()).value();
  EXPECT_NE(other->LoadServerSecret("receipt_pin").value(), *key);
  EXPECT_EQ(store_->LoadServerSecret("no_such_secret").error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContractTest, SavesTheCatalogueAndCountsIt) {
  auto changes = store_->SaveReferenceCatalogue(Catalogue());
  ASSERT_TRUE(changes.has_value()) << changes.error().message_en;
  EXPECT_EQ(changes->provinces.written, 34u);
  EXPECT_EQ(changes->communes.written, 3321u);
  auto counts = store_->CountCatalogue().value();
  EXPECT_EQ(counts.provinces, 34u);
  EXPECT_EQ(counts.communes, 3321u);
  EXPECT_EQ(counts.legacy_communes, 10051u);
  EXPECT_EQ(counts.legacy_links, 10571u);
  EXPECT_EQ(counts.procedures, 2642u);
  EXPECT_EQ(counts.procedure_channels, 7077u);
  EXPECT_EQ(counts.procedure_documents, 15136u);
  EXPECT_EQ(counts.calendar_days, 63u);
}

TEST_P(StoreContractTest, SavingTheSameCatalogueTwiceWritesNothing) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  auto second = store_->SaveReferenceCatalogue(Catalogue()).value();
  EXPECT_EQ(second.TotalWritten(), 0u);
  EXPECT_EQ(second.communes.unchanged, 3321u);
  EXPECT_EQ(second.procedure_documents.unchanged, 15136u);
}

TEST_P(StoreContractTest, AChangedRowIsRewrittenAndOnlyIt) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  ReferenceCatalogue edited = Catalogue();
  edited.communes[0].name += " (đổi tên)";
  auto changes = store_->SaveReferenceCatalogue(edited).value();
  EXPECT_EQ(changes.TotalWritten(), 1u);
  EXPECT_EQ(store_->FindCommune(edited.communes[0].code).value()->name, edited.communes[0].name);
}

TEST_P(StoreContractTest, ReadsUnitsBack) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  auto province = store_->FindProvince("25").value();
  ASSERT_TRUE(province.has_value());
  EXPECT_EQ(province->name, "Tỉnh Phú Thọ");
  EXPECT_FALSE(store_->FindProvince("99").value().has_value());
  auto communes = store_->CommunesOfProvince("25").value();
  EXPECT_TRUE(std::ranges::any_of(communes, [](const Commune& c) { return c.code == "05152"; }));
  EXPECT_TRUE(std::ranges::is_sorted(communes, {}, &Commune::code));
  EXPECT_EQ(store_->ListProvinces().value().size(), 34u);
}

TEST_P(StoreContractTest, ReadsTheLegacyArrangement) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  auto links = store_->LegacyLinksOf("05194").value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].commune_code, "05152");
  EXPECT_EQ(links[0].commune_name, "Xã Vân Sơn");
  EXPECT_EQ(links[0].province_code, "25");
  EXPECT_EQ(links[0].old_commune_name, "Xã Ngổ Luông");
  EXPECT_EQ(store_->LegacyLinksOf("00019").value().size(), 4u);
  auto old_unit = store_->FindLegacyCommune("05194").value();
  ASSERT_TRUE(old_unit.has_value());
  EXPECT_EQ(old_unit->district_name, "Huyện Tân Lạc");
}

TEST_P(StoreContractTest, ReadsAProcedureWithItsDetails) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  auto birth = store_->FindProcedure("1.001193").value();
  ASSERT_TRUE(birth.has_value());
  EXPECT_EQ(birth->name, "Thủ tục đăng ký khai sinh");
  EXPECT_EQ(birth->field, "Hộ tịch");
  EXPECT_TRUE(birth->HasLevel("commune"));
  const Procedure& original = *std::ranges::find(Catalogue().procedures, std::string("1.001193"), &Procedure::code);
  ASSERT_EQ(birth->channel_details.size(), original.channel_details.size());
  for (std::size_t i = 0; i < original.channel_details.size(); ++i) {
    EXPECT_EQ(birth->channel_details[i].channel, original.channel_details[i].channel);
    EXPECT_EQ(birth->channel_details[i].time_value, original.channel_details[i].time_value);
    EXPECT_EQ(birth->channel_details[i].time_unit, original.channel_details[i].time_unit);
    EXPECT_EQ(birth->channel_details[i].fee_text, original.channel_details[i].fee_text);
  }
  ASSERT_EQ(birth->components.size(), original.components.size());
  EXPECT_EQ(birth->components[0].document, original.components[0].document);
  EXPECT_FALSE(store_->FindProcedure("9.999999").value().has_value());
  EXPECT_EQ(store_->ListProcedures().value().size(), 2642u);
}

TEST_P(StoreContractTest, ReadsTheCalendar) {
  ASSERT_TRUE(store_->SaveReferenceCatalogue(Catalogue()).has_value());
  auto days = store_->CalendarEntries().value();
  ASSERT_EQ(days.size(), 63u);
  auto makeup =
      std::ranges::find_if(days, [](const CalendarEntry& e) { return FormatIsoDate(e.date) == "2026-01-10"; });
  ASSERT_NE(makeup, days.end());
  EXPECT_EQ(makeup->kind, DayKind::kMakeupWorkingDay);
  EXPECT_EQ(makeup->is_day_off, false);
  auto proposed =
      std::ranges::find_if(days, [](const CalendarEntry& e) { return FormatIsoDate(e.date) == "2026-11-24"; });
  ASSERT_NE(proposed, days.end());
  EXPECT_FALSE(proposed->is_day_off.has_value());
}

// A catalogue that breaks a constraint midway leaves the store exactly as it was.
TEST_P(StoreContractTest, AFailedSaveWritesNothing) {
  ReferenceCatalogue broken = Catalogue();
  broken.communes.back().province_code = "77";  // no such province: the foreign key fails at the end
  auto saved = store_->SaveReferenceCatalogue(broken);
  ASSERT_FALSE(saved.has_value());
  EXPECT_EQ(store_->CountCatalogue().value().provinces, 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::ValuesIn(test_support::StoreBackends()),
                         test_support::BackendName);

// Backend-specific: what the SQLite file looks like.
TEST(SqliteStoreTest, UsesWalAndForeignKeysAndRecordsTheMigration) {
  const std::string path = TempDbPath();
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  // Every migration compiled in, once, up to the newest ("0007_files.sql" → 7).
  const auto files = SqliteMigrationFiles();
  int newest = 0;
  for (const EmbeddedFile& file : files) newest = std::max(newest, std::stoi(std::string(file.path.substr(0, 4))));
  EXPECT_GE(newest, 7);
  EXPECT_EQ(db.execAndGet("SELECT max(version) FROM schema_migrations").getInt(), newest);
  EXPECT_TRUE(OpenSqliteStore(path).has_value()) << "opening again applies nothing and succeeds";
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM schema_migrations").getInt(), static_cast<int>(files.size()));
}

// A version missing below the newest recorded (a database made by a branch that applied 0008 before 0007)
// is applied on the next opening, not skipped.
// An upgrade says which migration it applies (a large history takes minutes); a new database is made silently.
TEST(SqliteStoreTest, AppliesAMigrationMissingBelowTheNewest) {
  const std::string path = TempDbPath();
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(
        "DROP INDEX dossiers_by_procedure_due; DROP INDEX dossiers_by_agency_due; "
        "DELETE FROM schema_migrations WHERE version = 8");
  }
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  const std::string said = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(said.find("upgrading the database: 0008_list_by_due.sql"), std::string::npos) << said;
  EXPECT_EQ(said.find("0007"), std::string::npos) << said;
  SQLite::Database db(path);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM schema_migrations WHERE version = 8").getInt(), 1);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'dossiers_by_procedure_due'").getInt(), 1);
}

TEST(SqliteStoreTest, RefusesASchemaNewerThanTheBinary) {
  const std::string path = TempDbPath();
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
  }
  auto reopened = OpenSqliteStore(path);
  ASSERT_FALSE(reopened.has_value());
  EXPECT_EQ(reopened.error().code, ErrorCode::kFailedPrecondition);
}

TEST(SqliteStoreTest, AnUnopenablePathIsAnErrorNotACrash) {
  auto opened = OpenSqliteStore("/nonexistent-dir/x/motcua.db");
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(opened.error().field, "db");
}

TEST(SqliteStoreTest, AdministratorCalendarEditsSurviveAReload) {
  const std::string path = TempDbPath();
  auto store = OpenSqliteStore(path).value();
  const ReferenceCatalogue catalogue = app::LoadReferenceCatalogue(app::BuiltInReferenceFiles()).catalogue;
  ASSERT_TRUE(store->SaveReferenceCatalogue(catalogue).has_value());
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE calendar_days SET is_day_off = 1, source = 'admin' WHERE date = '2026-11-24'");
  }
  auto changes = store->SaveReferenceCatalogue(catalogue).value();
  EXPECT_EQ(changes.calendar_kept_admin_edits, 1u);
  EXPECT_EQ(changes.TotalWritten(), 0u);
  auto days = store->CalendarEntries().value();
  auto edited =
      std::ranges::find_if(days, [](const CalendarEntry& e) { return FormatIsoDate(e.date) == "2026-11-24"; });
  ASSERT_NE(edited, days.end());
  EXPECT_EQ(edited->is_day_off, true);
}

}  // namespace
}  // namespace motcua::store
