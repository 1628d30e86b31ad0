#include "store/sql/sql_store.h"

#include <functional>

#include "domain/civil_time.h"
#include "store/sql/sql_account_store.h"
#include "store/sql/sql_certificate_register.h"
#include "store/sql/sql_document_store.h"
#include "store/sql/sql_dossier_query.h"
#include "store/sql/sql_dossier_store.h"
#include "store/sql/sql_event_log.h"
#include "store/sql/sql_group_commit.h"
#include "store/sql/sql_guard.h"
#include "store/sql/sql_idempotency_store.h"
#include "store/sql/sql_procedure_settings_store.h"
#include "store/sql/sql_province_setting_store.h"
#include "store/sql/sql_province_synonym_store.h"
#include "store/sql/sql_registry_store.h"
#include "store/sql/sql_report_counters.h"
#include "store/sql/sql_signing_requests.h"
#include "store/sql/sql_upsert.h"
#include "store/sql/transaction.h"

namespace motcua::store {
namespace {

std::string JoinList(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : "|") + item;
  return joined;
}

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (!text.empty() && start <= text.size()) {
    std::size_t bar = std::min(text.find('|', start), text.size());
    items.push_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return items;
}

std::string JoinChannels(const std::vector<Channel>& channels) {
  std::vector<std::string> names;
  for (Channel c : channels) names.emplace_back(ChannelName(c));
  return JoinList(names);
}

sql::Value Optional(const std::optional<std::int64_t>& value) {
  return value ? sql::Value(*value) : sql::Value(nullptr);
}

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<SqlEngineChecks> engine, SqlGroupCommit* writer)
      : db_(std::move(db)),
        engine_(std::move(engine)),
        writer_(writer),
        counters_(*db_),
        dossiers_(*db_, counters_),
        dossier_query_(*db_),
        registry_(*db_),
        idempotency_(*db_),
        accounts_(*db_),
        documents_(*db_),
        procedure_settings_(*db_),
        synonyms_(*db_),
        certificates_(*db_),
        signing_requests_(*db_),
        settings_(*db_) {}

  Result<CatalogueChanges> SaveReferenceCatalogue(const ReferenceCatalogue& catalogue) override {
    return Guard("saving the reference catalogue", [&]() -> Result<CatalogueChanges> {
      CatalogueChanges changes;
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      SaveUnits(catalogue, changes);
      SaveProcedures(catalogue, changes);
      SaveCalendar(catalogue, changes);
      transaction.Commit();
      return changes;
    });
  }

  Result<CatalogueCounts> CountCatalogue() override {
    return Guard("counting the catalogue", [&]() -> Result<CatalogueCounts> {
      CatalogueCounts counts;
      counts.provinces = Count("provinces");
      counts.communes = Count("communes");
      counts.legacy_communes = Count("legacy_communes");
      counts.legacy_links = Count("legacy_links");
      counts.procedures = Count("procedures");
      counts.procedure_channels = Count("procedure_channels");
      counts.procedure_documents = Count("procedure_documents");
      counts.calendar_days = Count("calendar_days");
      return counts;
    });
  }

  Result<std::vector<Province>> ListProvinces() override {
    return Guard("listing provinces", [&]() -> Result<std::vector<Province>> {
      return Rows<Province>("SELECT code, name, division_type, codename, phone_code FROM provinces ORDER BY code", "",
                            ReadProvince);
    });
  }

  Result<std::optional<Province>> FindProvince(std::string_view code) override {
    return Guard("reading a province", [&]() -> Result<std::optional<Province>> {
      return First(Rows<Province>(
          "SELECT code, name, division_type, codename, phone_code FROM provinces WHERE code = ?", code, ReadProvince));
    });
  }

  Result<std::optional<Commune>> FindCommune(std::string_view code) override {
    return Guard("reading a commune", [&]() -> Result<std::optional<Commune>> {
      return First(Rows<Commune>(
          "SELECT code, name, division_type, codename, province_code FROM communes WHERE code = ?", code, ReadCommune));
    });
  }

  Result<std::vector<Commune>> CommunesOfProvince(std::string_view province_code) override {
    return Guard("listing communes", [&]() -> Result<std::vector<Commune>> {
      return Rows<Commune>(
          "SELECT code, name, division_type, codename, province_code FROM communes WHERE province_code = ? "
          "ORDER BY code",
          province_code, ReadCommune);
    });
  }

  Result<std::vector<LegacyLink>> LegacyLinksOf(std::string_view old_code) override {
    return Guard("reading the 2025 arrangement", [&]() -> Result<std::vector<LegacyLink>> {
      return Rows<LegacyLink>(
          "SELECT l.old_commune_code, l.old_commune_name, l.old_district_code, l.old_district_name, "
          "l.old_province_code, l.old_province_name, l.merge, l.note, l.commune_code, c.name, c.province_code "
          "FROM legacy_links l JOIN communes c ON c.code = l.commune_code WHERE l.old_commune_code = ? "
          "ORDER BY l.commune_code",
          old_code, ReadLegacyLink);
    });
  }

  Result<std::optional<LegacyCommune>> FindLegacyCommune(std::string_view old_code) override {
    return Guard("reading a pre-2025 commune", [&]() -> Result<std::optional<LegacyCommune>> {
      return First(Rows<LegacyCommune>(
          "SELECT province_code, province_name, district_code, district_name, commune_code, commune_name, "
          "division_type FROM legacy_communes WHERE commune_code = ?",
          old_code, ReadLegacyCommune));
    });
  }

  Result<std::vector<Procedure>> ListProcedures() override {
    return Guard("listing procedures", [&]() -> Result<std::vector<Procedure>> {
      return Rows<Procedure>(std::string(kProcedureSelect) + " ORDER BY code", "", ReadProcedure);
    });
  }

  Result<std::optional<Procedure>> FindProcedure(std::string_view code) override {
    return Guard("reading a procedure", [&]() -> Result<std::optional<Procedure>> {
      auto found = First(Rows<Procedure>(std::string(kProcedureSelect) + " WHERE code = ?", code, ReadProcedure));
      if (found) {
        found->channel_details = Rows<ProcedureChannel>(
            "SELECT channel, time_text, time_value, time_unit, fee_free, fee_first_amount_vnd, fee_text "
            "FROM procedure_channels WHERE code = ? ORDER BY position",
            code, ReadChannel);
        found->components = Rows<DossierComponent>(
            "SELECT seq, case_group, document, originals, copies FROM procedure_documents WHERE code = ? ORDER BY seq",
            code, ReadComponent);
      }
      return found;
    });
  }

  Result<std::vector<CalendarEntry>> CalendarEntries() override {
    return Guard("reading the calendar", [&]() -> Result<std::vector<CalendarEntry>> {
      return Rows<CalendarEntry>(
          "SELECT date, kind, name_vi, is_day_off, confidence, note FROM calendar_days ORDER BY date", "",
          ReadCalendarEntry);
    });
  }

  Result<std::vector<CalendarDayRecord>> CalendarDayRecords() override {
    return Guard("reading the calendar", [&]() -> Result<std::vector<CalendarDayRecord>> {
      return Rows<CalendarDayRecord>(
          "SELECT date, kind, name_vi, is_day_off, confidence, note, source FROM calendar_days ORDER BY date", "",
          [](sql::Statement& q) {
            return CalendarDayRecord{ReadCalendarEntry(q), Text(q, 6)};
          });
    });
  }

  Result<void> SaveCalendarDay(const CalendarEntry& entry) override {
    return Guard("saving a calendar day", [&]() -> Result<void> {
      sql::Statement upsert(
          *db_,
          "INSERT INTO calendar_days (date, kind, name_vi, is_day_off, confidence, note, source) "
          "VALUES (?, ?, ?, ?, ?, ?, 'admin') ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, "
          "name_vi = excluded.name_vi, is_day_off = excluded.is_day_off, confidence = excluded.confidence, "
          "note = excluded.note, source = 'admin'");
      upsert.Bind(1, FormatIsoDate(entry.date));
      upsert.Bind(2, std::string(DayKindName(entry.kind)));
      upsert.Bind(3, entry.name_vi);
      if (entry.is_day_off) {
        upsert.Bind(4, *entry.is_day_off ? 1 : 0);
      } else {
        upsert.Bind(4, nullptr);
      }
      upsert.Bind(5, entry.confidence);
      upsert.Bind(6, entry.note);
      upsert.Execute();
      return {};
    });
  }

  Result<DossierState> AppendDossierEvents(std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                           const DeadlinePolicy& policy) override {
    return WriteDossier("appending dossier events",
                        [&](SqlDossierStore& store) { return store.Append(events, limits, policy); });
  }

  Result<DossierState> AppendNewDossier(std::string_view sequence_prefix, const DossierCodeOf& code_of,
                                        std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                        const DeadlinePolicy& policy) override {
    return WriteDossier("creating a dossier", [&](SqlDossierStore& store) {
      return store.AppendNew(sequence_prefix, code_of, events, limits, policy);
    });
  }

  Result<void> InOneTransaction(const std::function<Result<void>()>& work) override {
    return Guard("writing in one transaction", [&]() -> Result<void> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      if (auto ok = work(); !ok) return ok;
      transaction.Commit();
      return {};
    });
  }

  Result<std::vector<DossierEvent>> LoadDossierEvents(std::string_view code) override {
    return Guard("reading a dossier's events", [&] { return dossiers_.Events(code); });
  }

  Result<std::optional<DossierState>> LoadDossier(std::string_view code) override {
    return Guard("reading a dossier", [&] { return dossiers_.Load(code); });
  }

  Result<std::vector<std::string>> DossierCodes(const DossierFilter& filter) override {
    return Guard("listing dossiers", [&]() -> Result<std::vector<std::string>> { return dossiers_.Codes(filter); });
  }

  // The file first (SQLite's own check of every page and index), then every dossier's history.
  Result<std::optional<ChainBreak>> VerifyDossierChains() override {
    return Guard("verifying the dossier history", [&]() -> Result<std::optional<ChainBreak>> {
      if (auto problems = engine_->IntegrityProblems(); !problems.empty()) {
        return ChainBreak{"", 0, "database corrupt: " + problems.front()};
      }
      return dossiers_.VerifyChains();
    });
  }

  Result<LogCheckpoint> EventLogHead() override {
    return Guard("reading the event log", [&]() -> Result<LogCheckpoint> { return SqlEventLog(*db_).Head(); });
  }

  Result<std::optional<ChainBreak>> VerifyEventLog(const std::optional<LogCheckpoint>& expected) override {
    return Guard("verifying the event log",
                 [&]() -> Result<std::optional<ChainBreak>> { return SqlEventLog(*db_).Verify(expected); });
  }

  Result<std::vector<CounterTotals>> SumCounters(const CounterQuery& query) override {
    return Guard("adding up report counters", [&] { return counters_.Sum(query); });
  }

  Result<std::optional<CounterMismatch>> RebuildCounters(const DeadlinePolicy& policy, bool replace) override {
    return Guard("rebuilding report counters", [&] { return counters_.Rebuild(policy, replace); });
  }

  Result<void> CreateAccount(const Account& account, std::string_view password_hash) override {
    return Guard("creating an account", [&] { return accounts_.Create(account, password_hash); });
  }

  Result<std::optional<StoredAccount>> FindAccount(std::string_view login) override {
    return Guard("reading an account", [&] { return accounts_.Find(login); });
  }

  Result<std::vector<Account>> ListAccounts() override {
    return Guard("listing accounts", [&] { return accounts_.List(); });
  }

  Result<void> SetPasswordHash(std::string_view login, std::string_view password_hash, Instant at) override {
    return Guard("changing a password", [&] { return accounts_.SetPasswordHash(login, password_hash, at); });
  }

  Result<void> SetAccountDisabled(std::string_view login, bool disabled, Instant at) override {
    return Guard("disabling an account", [&] { return accounts_.SetDisabled(login, disabled, at); });
  }

  Result<Account> RecordLoginFailure(std::string_view login, int max_failures, Instant lock_until) override {
    return Guard("recording a failed login", [&] { return accounts_.RecordFailure(login, max_failures, lock_until); });
  }

  Result<void> ResetLoginFailures(std::string_view login) override {
    return Guard("recording a login", [&] { return accounts_.ResetFailures(login); });
  }

  Result<void> CreateSession(const StoredSession& session) override {
    return Guard("opening a session", [&] { return accounts_.CreateSession(session); });
  }

  Result<std::optional<StoredSession>> FindSession(std::string_view token_hash) override {
    return Guard("reading a session", [&] { return accounts_.FindSession(token_hash); });
  }

  Result<bool> RevokeSession(std::string_view token_hash, Instant at) override {
    return Guard("closing a session", [&]() -> Result<bool> { return accounts_.RevokeSession(token_hash, at); });
  }

  Result<DossierPage> ListDossiers(const DossierQuery& query) override {
    return Guard("listing dossiers", [&] { return dossier_query_.List(query); });
  }

  Result<void> SaveAgency(const Agency& agency) override {
    return Guard("saving an agency", [&]() -> Result<void> {
      registry_.SaveAgency(agency);
      return {};
    });
  }

  Result<std::optional<Agency>> FindAgency(std::string_view id) override {
    return Guard("reading an agency", [&]() -> Result<std::optional<Agency>> { return registry_.FindAgency(id); });
  }

  Result<std::vector<Agency>> ListAgencies(std::optional<std::string_view> unit) override {
    return Guard("listing agencies", [&]() -> Result<std::vector<Agency>> { return registry_.ListAgencies(unit); });
  }

  Result<void> SaveReceivingPoint(const ReceivingPoint& point) override {
    return Guard("saving a receiving point", [&] { return registry_.SaveReceivingPoint(point); });
  }

  Result<std::optional<ReceivingPoint>> FindReceivingPoint(std::string_view id) override {
    return Guard("reading a receiving point",
                 [&]() -> Result<std::optional<ReceivingPoint>> { return registry_.FindReceivingPoint(id); });
  }

  Result<std::vector<ReceivingPoint>> ListReceivingPoints(std::optional<std::string_view> unit) override {
    return Guard("listing receiving points",
                 [&]() -> Result<std::vector<ReceivingPoint>> { return registry_.ListReceivingPoints(unit); });
  }

  Result<IdempotencyClaim> ClaimIdempotencyKey(std::string_view login, std::string_view key,
                                               std::string_view request_hash, Instant at,
                                               Instant expired_before) override {
    return Guard("claiming an idempotency key", [&]() -> Result<IdempotencyClaim> {
      return idempotency_.Claim(login, key, request_hash, at, expired_before);
    });
  }

  Result<void> CompleteIdempotencyKey(std::string_view login, std::string_view key,
                                      const IdempotentResponse& response) override {
    return Guard("storing an idempotent answer", [&] { return idempotency_.Complete(login, key, response); });
  }

  Result<void> ReleaseIdempotencyKey(std::string_view login, std::string_view key) override {
    return Guard("releasing an idempotency key", [&]() -> Result<void> {
      idempotency_.Release(login, key);
      return {};
    });
  }

  void SetRequestKey(std::optional<RequestKey> key) override { request_key_ = std::move(key); }

  Result<std::size_t> SettleIdempotencyKeys() override {
    return Guard("settling idempotency keys", [&]() -> Result<std::size_t> { return idempotency_.Settle(); });
  }

  Result<void> SaveProvinceSetting(const ProvinceSetting& setting) override {
    return Guard("saving a province setting", [&]() -> Result<void> {
      settings_.Save(setting);
      return {};
    });
  }

  Result<std::vector<ProvinceSetting>> ProvinceSettings() override {
    return Guard("reading the province settings",
                 [&]() -> Result<std::vector<ProvinceSetting>> { return settings_.InForce(); });
  }

  Result<std::string> LoadServerSecret(std::string_view name) override {
    return Guard("reading a server secret", [&]() -> Result<std::string> {
      sql::Statement query(*db_, "SELECT value FROM server_secrets WHERE name = ?");
      query.Bind(1, std::string(name));
      if (!query.Step()) {
        return Fail(Error::NotFound("name", "không có khóa bí mật '" + std::string(name) + "'",
                                    "there is no server secret '" + std::string(name) + "'"));
      }
      const sql::Blob value = query.Bytes(0);
      return std::string(reinterpret_cast<const char*>(value.data()), value.size());
    });
  }

  Result<void> RecordDocumentUpload(const DocumentUpload& upload) override {
    return Guard("recording an upload", [&]() -> Result<void> {
      documents_.RecordUpload(upload);
      return {};
    });
  }

  Result<std::vector<DocumentUpload>> DocumentUploads(std::string_view id) override {
    return Guard("reading uploads", [&]() -> Result<std::vector<DocumentUpload>> { return documents_.Uploads(id); });
  }

  Result<std::vector<std::string>> DossiersWithDocument(std::string_view id) override {
    return Guard("finding a file's dossiers",
                 [&]() -> Result<std::vector<std::string>> { return documents_.DossiersWith(id); });
  }

  Result<std::vector<DocumentUpload>> DocumentUploadsBy(std::string_view uploader, Instant since) override {
    return Guard("reading an account's uploads",
                 [&]() -> Result<std::vector<DocumentUpload>> { return documents_.UploadsBy(uploader, since); });
  }

  Result<std::vector<std::string>> UnattachedDocuments(Instant uploaded_before) override {
    return Guard("listing unattached files",
                 [&]() -> Result<std::vector<std::string>> { return documents_.Unattached(uploaded_before); });
  }

  Result<void> RecordDocumentRemoved(std::string_view id, Instant at) override {
    return Guard("recording a removed file", [&]() -> Result<void> {
      documents_.RecordRemoved(id, at);
      return {};
    });
  }

  Result<void> SaveProcedureSettings(const ProcedureSettings& settings) override {
    return Guard("saving procedure settings", [&] { return procedure_settings_.Save(settings); });
  }

  Result<std::optional<ProcedureSettings>> FindProcedureSettings(std::string_view procedure_code) override {
    return Guard("reading procedure settings", [&]() -> Result<std::optional<ProcedureSettings>> {
      return procedure_settings_.Find(procedure_code);
    });
  }

  Result<ProvinceSynonym> AddProvinceSynonym(const ProvinceSynonym& synonym) override {
    return Guard("adding a search synonym", [&]() -> Result<ProvinceSynonym> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      auto added = synonyms_.Add(synonym);
      if (added) transaction.Commit();
      return added;
    });
  }

  Result<std::vector<ProvinceSynonym>> ProvinceSynonyms() override {
    return Guard("reading search synonyms", [&]() -> Result<std::vector<ProvinceSynonym>> { return synonyms_.List(); });
  }

  Result<ProvinceSynonym> RetireProvinceSynonym(std::int64_t id, std::string_view by, Instant at) override {
    return Guard("retiring a search synonym", [&]() -> Result<ProvinceSynonym> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      auto retired = synonyms_.Retire(id, by, at);
      if (retired) transaction.Commit();
      return retired;
    });
  }

  Result<OfficialCertificate> AddOfficialCertificate(const OfficialCertificate& certificate) override {
    return Guard("registering a signing certificate", [&]() -> Result<OfficialCertificate> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      auto added = certificates_.Add(certificate);
      if (added) transaction.Commit();
      return added;
    });
  }

  Result<std::vector<OfficialCertificate>> OfficialCertificates() override {
    return Guard("reading the signing certificates",
                 [&]() -> Result<std::vector<OfficialCertificate>> { return certificates_.List(); });
  }

  Result<OfficialCertificate> RetireOfficialCertificate(std::int64_t id, std::string_view by, Instant at) override {
    return Guard("retiring a signing certificate", [&]() -> Result<OfficialCertificate> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      auto retired = certificates_.Retire(id, by, at);
      if (retired) transaction.Commit();
      return retired;
    });
  }

  Result<SigningRequest> AddSigningRequest(const SigningRequest& request) override {
    return Guard("keeping a signing request", [&]() -> Result<SigningRequest> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      SigningRequest added = signing_requests_.Add(request);
      transaction.Commit();
      return added;
    });
  }

  Result<std::optional<SigningRequest>> FindSigningRequest(std::int64_t id) override {
    return Guard("reading a signing request",
                 [&]() -> Result<std::optional<SigningRequest>> { return signing_requests_.Find(id); });
  }

  Result<std::vector<SigningRequest>> OpenSigningRequests() override {
    return Guard("reading the open signing requests",
                 [&]() -> Result<std::vector<SigningRequest>> { return signing_requests_.Open(); });
  }

  Result<std::vector<SigningRequest>> SigningRequestsOf(std::string_view dossier_code) override {
    return Guard("reading a dossier's signing requests",
                 [&]() -> Result<std::vector<SigningRequest>> { return signing_requests_.Of(dossier_code); });
  }

  Result<bool> MoveSigningRequest(std::int64_t id, SigningRequestState from, const SigningRequestOutcome& to) override {
    return Guard("settling a signing request", [&]() -> Result<bool> {
      sql::Transaction transaction(*db_, sql::TxMode::kWrite);
      auto moved = signing_requests_.Move(id, from, to);
      if (moved) transaction.Commit();
      return moved;
    });
  }

  Result<BackupFacts> BackupTo(const std::string& path) override {
    return Guard("backing up the database", [&] { return engine_->CopyTo(path); });
  }

  Result<std::vector<std::string>> CheckIntegrity() override {
    return Guard("checking the database file",
                 [&]() -> Result<std::vector<std::string>> { return engine_->IntegrityProblems(); });
  }

 private:
  using DossierWrite = std::function<Result<DossierState>(SqlDossierStore&)>;

  // Runs a dossier write on this thread's connection or through the writer, and marks the request's key
  // (SetRequestKey) with the dossier written, in the same transaction.
  Result<DossierState> WriteDossier(const char* what, const DossierWrite& write) {
    const DossierWrite marked = [&](SqlDossierStore& store) -> Result<DossierState> {
      sql::Transaction transaction(store.db(), sql::TxMode::kWrite);
      auto state = write(store);
      if (!state) return state;  // the transaction rolls back
      if (request_key_) SqlIdempotencyStore::MarkDossier(store.db(), *request_key_, state->code);
      transaction.Commit();
      return state;
    };
    if (!writer_ || db_->InTransaction()) return Guard(what, [&] { return marked(dossiers_); });
    return ThroughWriter<DossierState>(marked);
  }

  static constexpr const char* kProcedureSelect =
      "SELECT code, name, ministry, field, levels, procedure_type, decision, implementing_agency, "
      "competent_agency, channels, target_groups, source_url FROM procedures";

  std::size_t Count(const std::string& table) {
    sql::Statement count(*db_, "SELECT count(*) FROM " + table);
    count.Step();
    return static_cast<std::size_t>(count.Int(0));
  }

  // Runs `sql` (with one text parameter unless `param` is empty) and maps each row with `read`.
  template <typename T>
  std::vector<T> Rows(const std::string& sql, std::string_view param, T (*read)(sql::Statement&)) {
    sql::Statement cached(*db_, sql);
    sql::Statement& query = cached;
    if (sql.find('?') != std::string::npos) query.Bind(1, std::string(param));
    std::vector<T> rows;
    while (query.Step()) rows.push_back(read(query));
    return rows;
  }

  template <typename T>
  static std::optional<T> First(std::vector<T> rows) {
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  static std::string Text(sql::Statement& q, int i) { return q.Text(i); }

  static Province ReadProvince(sql::Statement& q) {
    return {Text(q, 0), Text(q, 1), Text(q, 2), Text(q, 3), Text(q, 4)};
  }
  static Commune ReadCommune(sql::Statement& q) { return {Text(q, 0), Text(q, 1), Text(q, 2), Text(q, 3), Text(q, 4)}; }
  static LegacyCommune ReadLegacyCommune(sql::Statement& q) {
    return {Text(q, 0), Text(q, 1), Text(q, 2), Text(q, 3), Text(q, 4), Text(q, 5), Text(q, 6)};
  }
  static LegacyLink ReadLegacyLink(sql::Statement& q) {
    LegacyLink link{Text(q, 0),
                    Text(q, 1),
                    Text(q, 2),
                    Text(q, 3),
                    Text(q, 4),
                    Text(q, 5),
                    Text(q, 6) == "partial" ? MergeKind::kPartial : MergeKind::kWhole,
                    Text(q, 7),
                    Text(q, 8),
                    Text(q, 9),
                    Text(q, 10)};
    return link;
  }
  static Procedure ReadProcedure(sql::Statement& q) {
    Procedure p;
    p.code = Text(q, 0);
    p.name = Text(q, 1);
    p.ministry = Text(q, 2);
    p.field = Text(q, 3);
    p.levels = SplitList(Text(q, 4));
    p.procedure_type = Text(q, 5);
    p.decision = Text(q, 6);
    p.implementing_agency = Text(q, 7);
    p.competent_agency = Text(q, 8);
    for (const auto& name : SplitList(Text(q, 9))) {
      if (auto channel = ParseChannel(name)) p.channels.push_back(*channel);
    }
    p.target_groups = SplitList(Text(q, 10));
    p.source_url = Text(q, 11);
    return p;
  }
  static ProcedureChannel ReadChannel(sql::Statement& q) {
    ProcedureChannel c;
    c.channel = ParseChannel(Text(q, 0)).value_or(Channel::kDirect);
    c.time_text = Text(q, 1);
    if (!q.Null(2)) c.time_value = q.Real(2);
    if (!q.Null(3)) c.time_unit = ParseTimeUnit(Text(q, 3));
    c.fee_free = static_cast<int>(q.Int(4)) == 1;
    if (!q.Null(5)) c.first_fee = Money::Dong(q.Int(5));
    c.fee_text = Text(q, 6);
    return c;
  }
  static DossierComponent ReadComponent(sql::Statement& q) {
    return {static_cast<int>(q.Int(0)), Text(q, 1), Text(q, 2), static_cast<int>(q.Int(3)), static_cast<int>(q.Int(4))};
  }
  static CalendarEntry ReadCalendarEntry(sql::Statement& q) {
    CalendarEntry e;
    e.date = ParseIsoDate(Text(q, 0), "date").value_or(LocalDate{});
    e.kind = ParseDayKind(Text(q, 1)).value_or(DayKind::kPublicHoliday);
    e.name_vi = Text(q, 2);
    if (!q.Null(3)) e.is_day_off = static_cast<int>(q.Int(3)) == 1;
    e.confidence = Text(q, 4);
    e.note = Text(q, 5);
    return e;
  }

  void SaveUnits(const ReferenceCatalogue& c, CatalogueChanges& changes) {
    SqlUpsert provinces(*db_, "provinces", {"code", "name", "division_type", "codename", "phone_code"}, 1);
    for (const auto& p : c.provinces) {
      provinces.Write({p.code, p.name, p.division_type, p.codename, p.phone_code}, changes.provinces);
    }
    SqlUpsert communes(*db_, "communes", {"code", "name", "division_type", "codename", "province_code"}, 1);
    for (const auto& m : c.communes) {
      communes.Write({m.code, m.name, m.division_type, m.codename, m.province_code}, changes.communes);
    }
    SqlUpsert legacy(*db_, "legacy_communes",
                     {"commune_code", "commune_name", "division_type", "district_code", "district_name",
                      "province_code", "province_name"},
                     1);
    for (const auto& l : c.legacy_communes) {
      legacy.Write({l.commune_code, l.commune_name, l.division_type, l.district_code, l.district_name, l.province_code,
                    l.province_name},
                   changes.legacy_communes);
    }
    SqlUpsert links(*db_, "legacy_links",
                    {"old_commune_code", "commune_code", "old_commune_name", "merge", "note", "old_district_code",
                     "old_district_name", "old_province_code", "old_province_name"},
                    3);
    for (const auto& l : c.legacy_links) {
      links.Write({l.old_commune_code, l.commune_code, l.old_commune_name,
                   std::string(l.merge == MergeKind::kPartial ? "partial" : "whole"), l.note, l.old_district_code,
                   l.old_district_name, l.old_province_code, l.old_province_name},
                  changes.legacy_links);
    }
  }

  void SaveProcedures(const ReferenceCatalogue& c, CatalogueChanges& changes) {
    SqlUpsert procedures(*db_, "procedures",
                         {"code", "name", "ministry", "field", "levels", "procedure_type", "decision",
                          "implementing_agency", "competent_agency", "channels", "target_groups", "source_url"},
                         1);
    SqlUpsert channels(*db_, "procedure_channels",
                       {"code", "position", "channel", "time_text", "time_value", "time_unit", "fee_free",
                        "fee_first_amount_vnd", "fee_text"},
                       2);
    SqlUpsert documents(*db_, "procedure_documents", {"code", "seq", "case_group", "document", "originals", "copies"},
                        2);
    for (const auto& p : c.procedures) {
      procedures.Write(
          {p.code, p.name, p.ministry, p.field, JoinList(p.levels), p.procedure_type, p.decision, p.implementing_agency,
           p.competent_agency, JoinChannels(p.channels), JoinList(p.target_groups), p.source_url},
          changes.procedures);
      std::int64_t position = 0;
      for (const auto& ch : p.channel_details) {
        channels.Write(
            {p.code, ++position, std::string(ChannelName(ch.channel)), ch.time_text,
             ch.time_value ? sql::Value(*ch.time_value) : sql::Value(nullptr),
             ch.time_unit ? sql::Value(std::string(TimeUnitName(*ch.time_unit))) : sql::Value(nullptr),
             std::int64_t{ch.fee_free ? 1 : 0},
             Optional(ch.first_fee ? std::optional<std::int64_t>(ch.first_fee->dong()) : std::nullopt), ch.fee_text},
            changes.procedure_channels);
      }
      for (const auto& d : p.components) {
        documents.Write(
            {p.code, std::int64_t{d.seq}, d.case_group, d.document, std::int64_t{d.originals}, std::int64_t{d.copies}},
            changes.procedure_documents);
      }
    }
  }

  void SaveCalendar(const ReferenceCatalogue& c, CatalogueChanges& changes) {
    SqlUpsert days(*db_, "calendar_days", {"date", "kind", "name_vi", "is_day_off", "confidence", "note"}, 1,
                   "calendar_days.source = 'reference'");
    sql::Statement admin_edit(*db_, "SELECT 1 FROM calendar_days WHERE date = ? AND source = 'admin'");
    for (const auto& e : c.calendar) {
      const std::string date = FormatIsoDate(e.date);
      admin_edit.Reset();
      admin_edit.Bind(1, date);
      if (admin_edit.Step()) {
        ++changes.calendar_kept_admin_edits;
        continue;
      }
      days.Write(
          {date, std::string(DayKindName(e.kind)), e.name_vi,
           e.is_day_off ? sql::Value(std::int64_t{*e.is_day_off ? 1 : 0}) : sql::Value(nullptr), e.confidence, e.note},
          changes.calendar);
    }
  }

  // Runs `write` on the group commit's connection and returns its result once the group is durable.
  template <typename T>
  Result<T> ThroughWriter(const std::function<Result<T>(SqlDossierStore&)>& write) {
    std::optional<Result<T>> result;
    auto ran = writer_->Run([&](SqlDossierStore& writer) {
      result = write(writer);
      return result->has_value();
    });
    if (!ran) return Fail(ran.error());
    return std::move(*result);
  }

  std::unique_ptr<sql::Connection> db_;
  std::unique_ptr<SqlEngineChecks> engine_;  // on db_
  SqlGroupCommit* const writer_;             // nullptr: this connection writes its own dossier events
  SqlReportCounters counters_;               // shares db_, declared after it
  SqlDossierStore dossiers_;                 // shares db_ and counters_, declared after them
  SqlDossierQuery dossier_query_;            // shares db_, declared after it
  SqlRegistryStore registry_;                // shares db_, declared after it
  SqlIdempotencyStore idempotency_;          // shares db_, declared after it
  SqlAccountStore accounts_;                 // shares db_, declared after it
  SqlDocumentStore documents_;               // shares db_, declared after it
  // Share db_, declared after it.
  SqlProcedureSettingsStore procedure_settings_;
  SqlProvinceSynonymStore synonyms_;
  SqlCertificateRegister certificates_;
  SqlSigningRequests signing_requests_;
  SqlProvinceSettingStore settings_;
  std::optional<RequestKey> request_key_;  // SetRequestKey: the key this thread's dossier writes mark
};

}  // namespace

std::unique_ptr<Store> MakeSqlStore(std::unique_ptr<sql::Connection> db, std::unique_ptr<SqlEngineChecks> engine,
                                    SqlGroupCommit* writer) {
  return std::make_unique<SqlStore>(std::move(db), std::move(engine), writer);
}

}  // namespace motcua::store
