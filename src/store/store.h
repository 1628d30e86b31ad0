#pragma once
// The Store: everything motcua keeps, behind one interface so that the domain and the use cases do not
// know whether it is SQLite (the embedded default, one file) or PostgreSQL (a province at scale).
//
// Contract for every backend:
//  - each write is one transaction: it is applied whole or not at all, and returns only once durable;
//  - reads never see a half-applied write;
//  - expected failures (a missing file, a locked database, a schema newer than this binary) are Errors,
//    never exceptions.
// Thread-safety: an instance is used by one thread at a time; open one per thread (SQLite WAL readers run
// in parallel).
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.h"
#include "domain/agency.h"
#include "domain/document_file.h"
#include "domain/dossier_event.h"
#include "domain/dossier_state.h"
#include "domain/error.h"
#include "domain/official_certificate.h"
#include "domain/procedure_settings.h"
#include "domain/province_synonym.h"
#include "domain/reference_catalogue.h"
#include "domain/report_counters.h"
#include "domain/signing_request.h"

namespace motcua::store {

// How a table was touched by a catalogue save: rows inserted or changed, and rows already identical.
struct TableChanges {
  std::size_t written = 0;
  std::size_t unchanged = 0;
};

struct CatalogueChanges {
  TableChanges provinces, communes, legacy_communes, legacy_links, procedures, procedure_channels, procedure_documents,
      calendar;
  std::size_t calendar_kept_admin_edits = 0;  // days an administrator edited, which the catalogue does not override
  std::size_t TotalWritten() const;
};

// One stored calendar day and where it comes from.
struct CalendarDayRecord {
  CalendarEntry entry;
  std::string source;  // "reference" or "admin"
};

struct CatalogueCounts {
  std::size_t provinces = 0, communes = 0, legacy_communes = 0, legacy_links = 0, procedures = 0,
              procedure_channels = 0, procedure_documents = 0, calendar_days = 0;
};

// Which dossiers to list (for export). Every criterion that is set must hold.
struct DossierFilter {
  std::optional<std::string> unit = {};  // matches the receiving unit or the competent unit
  std::optional<Instant> from = {};      // received (or, if not yet received, submitted) at or after this
  std::optional<Instant> to = {};        // ... and strictly before this
};

// One dossier as lists and inboxes show it: its row in the projection, without the history.
struct DossierSummary {
  std::string code;
  DossierStatus status = DossierStatus::kSubmitted;
  std::string procedure_code;
  Channel channel = Channel::kDirect;
  std::string receiving_unit;
  std::string receiving_point;
  std::string competent_agency;
  std::string competent_unit;
  std::string applicant_name;
  std::string applicant_citizen_id;
  std::string current_step;
  std::string assignee;
  std::optional<Instant> submitted_at = {};
  std::optional<Instant> received_at = {};
  std::optional<Instant> due_at = {};
  std::optional<Instant> completed_at = {};
  std::int64_t last_seq = 0;
  Instant updated_at{};  // recorded_at of the last event
  // The appointment the law holds the agency to (DossierState::statutory_due_at): due_at unless extended.
  std::optional<Instant> statutory_due_at = {};
};

// Whose dossiers a query may return at all: the union of the criteria that are set (an empty scope returns
// nothing). Applied before, and independently of, the filters, so that no filter can widen it.
struct DossierScope {
  bool everything = false;              // an administrator
  std::vector<std::string> units = {};  // receiving or competent unit is one of these
  // With `units`, when not empty: the dossier is on a side of those units through one of these agencies
  // (decided by one, or received at a point of one, a submission without a point by its competent agency);
  // dossier_access.h, "Agencies".
  std::vector<std::string> agencies = {};
  std::vector<std::string> provinces = {};               // receiving or competent unit is in one of these provinces
                                                         // (the province's own code or one of its communes)
  std::optional<std::string> applicant_citizen_id = {};  // a citizen: the applicant is this person
                                                         // (an empty ID is nobody: it lets nothing through)
};

enum class DossierOrder {
  kByCode,   // code ascending
  kByDueAt,  // current appointment ascending (soonest, i.e. most overdue, first), dossiers without one last;
             // ties by code
};

// A page of dossiers. Every filter that is set must hold.
struct DossierQuery {
  DossierScope scope;
  std::optional<std::string> unit = {};           // receiving or competent unit
  std::vector<std::string> receiving_units = {};  // receiving unit is one of these (empty: any)
  std::vector<std::string> competent_units = {};  // competent unit is one of these (empty: any)
  std::optional<std::string> agency = {};         // competent agency
  std::vector<DossierStatus> statuses = {};       // status is one of these (empty: any)
  std::optional<std::string> procedure_code = {};
  std::optional<Instant> due_from = {};            // current appointment at or after this
  std::optional<Instant> due_to = {};              // ... and strictly before this (either one set leaves
                                                   // out the dossiers without an appointment)
  std::optional<Instant> statutory_due_from = {};  // the same on the statutory appointment
  std::optional<Instant> statutory_due_to = {};
  std::optional<std::string> assignee = {};
  std::optional<std::string> applicant_citizen_id = {};
  DossierOrder order = DossierOrder::kByCode;
  std::optional<std::string> after = {};  // the next_cursor of the previous page, for the same query and order
  std::size_t limit = 50;                 // 1..500
};

struct DossierPage {
  std::vector<DossierSummary> items;
  // Set when more dossiers match: pass it as `after` to get the next page. Opaque to callers.
  std::optional<std::string> next_cursor;
};

// One value given to a setting the law leaves to the province (app/province_settings.h).
struct ProvinceSetting {
  std::string name;
  std::string value;
  std::string set_by;
  Instant set_at{};
};

// What the server answered to a request made with an Idempotency-Key, kept to answer a retry the same way.
struct IdempotentResponse {
  int status = 0;
  std::string body;
};

// The outcome of claiming an idempotency key.
struct IdempotencyClaim {
  bool claimed = false;      // the key was new (or expired): the caller runs the request, then completes it
  std::string request_hash;  // when not claimed: the hash of the request that first used the key
  std::optional<IdempotentResponse> response = {};  // when not claimed: its answer, or nullopt while it runs
  // When not claimed and without an answer: the dossier its request wrote, if it wrote one (the mark commits
  // with the write: a request whose process died after writing is known by it).
  std::optional<std::string> dossier_code = {};
};

// The Idempotency-Key a request runs under, for the dossier writes it makes (Store::SetRequestKey).
struct RequestKey {
  std::string login;
  std::string key;
};

// The first place where a dossier's stored history no longer proves itself.
struct ChainBreak {
  std::string dossier_code;
  std::int64_t seq = 0;  // the event at fault (for "missing event": the seq that should be there)
  // "hash mismatch": the event's content no longer matches its hash (it was edited);
  // "broken link": its prev_hash is not its predecessor's hash (a predecessor was edited and rehashed);
  // "missing event": a seq is skipped, or the projection knows of events that are gone;
  // "undecodable payload": the stored row is not a valid event any more;
  // "projection mismatch": the dossiers row names a different last event than the history.
  std::string what;
};

// A point of the event log (every event of every dossier in the order appended, each chained to the one
// before): its position and the chain hash there. `motcua verify` prints the head, for an operator to keep off
// the machine and check later that nothing up to it was removed or lost.
struct LogCheckpoint {
  std::int64_t position = 0;  // 0: the log is empty
  std::string chain;          // lowercase hex SHA-256; "" at position 0
  auto operator<=>(const LogCheckpoint&) const = default;
};

// An account with its password hash (an Argon2id string; the password itself is never stored).
struct StoredAccount {
  Account account;
  std::string password_hash;
};

// A login session. The client holds the token; the store keeps only its SHA-256 (hex), so a copy of the
// database does not let anyone act as the user.
struct StoredSession {
  std::string token_hash;
  std::string login;
  Instant created_at{};
  Instant expires_at{};
  std::optional<Instant> revoked_at = {};
};

// --- Report counters (domain/report_counters.h) ---------------------------------------------------------

// Whose dossiers a report counts: those received at the unit's points, or those its agencies decide.
enum class ReportSide { kReceiving, kCompetent };

// How a report's figures are split.
enum class ReportGrouping { kNone, kProcedure, kOfficial, kUnit, kAgency, kChannel };

struct CounterQuery {
  ReportSide side = ReportSide::kReceiving;
  std::optional<std::string> unit = {};      // the unit on that side (commune or province-level unit code)
  std::optional<std::string> province = {};  // ... or every unit of this province on that side
  std::optional<std::string> agency = {};    // only this competent agency
  LocalDate from{};                          // the period: from this day ...
  LocalDate to{};                            // ... to this day, excluded
  ReportGrouping group_by = ReportGrouping::kNone;
};

// The figures of one group over a period.
struct CounterTotals {
  // The group: a procedure code, an official's login, a unit code (of the report's side), an agency id or a
  // channel name; "" when not grouped.
  std::string group;
  std::array<std::int64_t, kMeasureCount> flows{};  // each flow measure summed over [from, to); balances 0
  std::int64_t open_before = 0;                     // open balance at the start of `from` (carried over)
  std::int64_t open_at_end = 0;                     // open balance at the end of the day before `to`
  std::int64_t overdue_at_end = 0;                  // overdue balance then
};

// The first difference between the maintained counters and those rebuilt from the events.
struct CounterMismatch {
  std::string description;  // which key, bucket and measure, and both values
};

// What a backup copy holds, counted in the copy itself (Store::BackupTo).
struct BackupFacts {
  std::string engine;      // the backend that wrote it: "sqlite"
  int schema_version = 0;  // the newest schema migration in the copy
  std::int64_t dossiers = 0;
  std::int64_t events = 0;  // dossier events
};

class Store {
 public:
  virtual ~Store() = default;

  // Saves the reference catalogue in one transaction. Rows are matched by their keys and rewritten only
  // if they differ, so saving the same catalogue twice writes nothing the second time. Calendar days
  // edited by an administrator are kept as they are.
  virtual Result<CatalogueChanges> SaveReferenceCatalogue(const ReferenceCatalogue& catalogue) = 0;
  virtual Result<CatalogueCounts> CountCatalogue() = 0;

  virtual Result<std::vector<Province>> ListProvinces() = 0;
  virtual Result<std::optional<Province>> FindProvince(std::string_view code) = 0;
  virtual Result<std::optional<Commune>> FindCommune(std::string_view code) = 0;
  virtual Result<std::vector<Commune>> CommunesOfProvince(std::string_view province_code) = 0;
  // Every 2025 arrangement row whose old (pre-2025) commune code is `old_code`.
  virtual Result<std::vector<LegacyLink>> LegacyLinksOf(std::string_view old_code) = 0;
  virtual Result<std::optional<LegacyCommune>> FindLegacyCommune(std::string_view old_code) = 0;

  // Every procedure without channel details and components (enough to search and list).
  virtual Result<std::vector<Procedure>> ListProcedures() = 0;
  // One procedure with its channel details and dossier components.
  virtual Result<std::optional<Procedure>> FindProcedure(std::string_view code) = 0;

  virtual Result<std::vector<CalendarEntry>> CalendarEntries() = 0;
  // Every calendar day in date order with where it comes from: "reference" (the shipped catalogue) or
  // "admin" (saved by SaveCalendarDay).
  virtual Result<std::vector<CalendarDayRecord>> CalendarDayRecords() = 0;
  // Adds the day, or replaces the stored day with its date, marking it source 'admin' so that a later
  // SaveReferenceCatalogue keeps it. Nothing is deleted: DayKind has no "ordinary working day", so a day
  // can be re-classified but not removed. The caller validates the entry (app/calendar_admin.h).
  virtual Result<void> SaveCalendarDay(const CalendarEntry& entry) = 0;

  // Runs `work` with every write it makes through this store in one transaction, committed (one fsync) when
  // `work` succeeds and rolled back whole when it fails: for bulk loads (bench-data, a large backfill), where a
  // commit per dossier would be bound by the disk's syncs. Each write inside keeps its own all-or-nothing
  // guarantee (a failed append rolls back alone, and `work` may go on). Not reentrant.
  virtual Result<void> InOneTransaction(const std::function<Result<void>()>& work) = 0;

  // --- Dossiers (event-sourced; DESIGN.md §2) ---------------------------------------------------------

  // Appends `events`, all of one dossier, in one transaction. The store numbers them (an event with seq 0
  // gets the next number; a non-zero seq must be that number), links and hashes them (prev_hash and hash
  // given by the caller are overwritten), applies each to the dossier's state with ApplyEvent() under
  // `limits`, writes them and rewrites the dossier's projection. Returns the new state.
  // Errors, with nothing written: InvalidArgument (no events, events of several dossiers, text that is not
  // UTF-8, or what ApplyEvent rejects) and FailedPrecondition (an event not allowed now, from ApplyEvent);
  // when several events were given, the error's field starts with the culprit's index ("events[1].type").
  // The report counters (CounterDeltas under `policy`) are updated in the same transaction.
  virtual Result<DossierState> AppendDossierEvents(std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                                   const DeadlinePolicy& policy = {}) = 0;
  // The name of a new dossier from the number its sequence gave it (DossierCodeFormat::Format).
  using DossierCodeOf = std::function<Result<std::string>(std::int64_t)>;
  // Creates a dossier in one transaction: takes the next number of the sequence `sequence_prefix` (each prefix,
  // e.g. an agency's day, counts from 1 and never gives a number twice), names the dossier code_of(number), and
  // appends `events` under that code (their
  // dossier_code is overwritten) as AppendDossierEvents does. When code_of or the append fails, nothing is
  // written and the number is not taken. On a server this is one trip through the writer, not two.
  virtual Result<DossierState> AppendNewDossier(std::string_view sequence_prefix, const DossierCodeOf& code_of,
                                                std::span<const DossierEvent> events, const LifecycleLimits& limits,
                                                const DeadlinePolicy& policy = {}) = 0;
  // Every event of the dossier, in seq order; empty when there is no such dossier.
  virtual Result<std::vector<DossierEvent>> LoadDossierEvents(std::string_view code) = 0;
  // The fold of the dossier's events, or nullopt when there is no such dossier. The stored history is
  // replayed without the lifecycle limits: it was accepted under the limits in force when it was written.
  virtual Result<std::optional<DossierState>> LoadDossier(std::string_view code) = 0;
  // Codes of the dossiers matching `filter`, in code order.
  virtual Result<std::vector<std::string>> DossierCodes(const DossierFilter& filter) = 0;
  // A page of dossier summaries (see DossierQuery). InvalidArgument on "cursor" for a cursor this store did not
  // make for this order, on "limit" outside 1..500.
  virtual Result<DossierPage> ListDossiers(const DossierQuery& query) = 0;
  // Re-reads every stored event, dossier by dossier in code order, recomputing hashes and checking links,
  // seq continuity and the projection's last event; returns the first break, or nullopt when everything is
  // intact. Streams: memory use does not grow with the number of events.
  virtual Result<std::optional<ChainBreak>> VerifyDossierChains() = 0;
  // The last point of the event log.
  virtual Result<LogCheckpoint> EventLogHead() = 0;
  // Re-walks the event log: no position missing, every logged event still stored with the hash it was chained
  // with, every stored event logged; with `expected`, the chain at its position must be its chain — a log that
  // ends before it lost its tail. The first break (dossier_code "" when none applies), or nullopt.
  virtual Result<std::optional<ChainBreak>> VerifyEventLog(const std::optional<LogCheckpoint>& expected) = 0;

  // --- Report counters ----------------------------------------------------------------------------------
  // Day counters are kept with month and year roll-ups, so that a period's sum and a balance read a number of
  // rows that does not grow with the years of history. InvalidArgument on "to" when to <= from.
  virtual Result<std::vector<CounterTotals>> SumCounters(const CounterQuery& query) = 0;
  // Recomputes every counter from the stored events, dossier by dossier, and compares with the maintained
  // ones: the first difference, or nullopt when they are equal. With `replace`, the maintained counters are
  // then replaced by the rebuilt ones (in one transaction), e.g. after the deadline policy changed.
  virtual Result<std::optional<CounterMismatch>> RebuildCounters(const DeadlinePolicy& policy, bool replace) = 0;

  // --- Agencies and receiving points (registered by the administrator) --------------------------------
  // The caller validates (domain/agency.h) and checks that units exist; the store keeps what it is given.

  // Inserts the agency, or replaces the name and unit of the one with its id.
  virtual Result<void> SaveAgency(const Agency& agency) = 0;
  virtual Result<std::optional<Agency>> FindAgency(std::string_view id) = 0;
  // Agencies in id order; only those of `unit` when it is given.
  virtual Result<std::vector<Agency>> ListAgencies(std::optional<std::string_view> unit) = 0;
  // Inserts the point, or replaces the fields of the one with its id. NotFound on "agency_id" when no agency
  // has that id.
  virtual Result<void> SaveReceivingPoint(const ReceivingPoint& point) = 0;
  virtual Result<std::optional<ReceivingPoint>> FindReceivingPoint(std::string_view id) = 0;
  // Points in id order; only those of `unit` when it is given.
  virtual Result<std::vector<ReceivingPoint>> ListReceivingPoints(std::optional<std::string_view> unit) = 0;

  // --- Idempotency keys (a client retrying a POST must not create a second dossier) -------------------
  // Keys are per login. A key first used before `expired_before` is forgotten, and may be claimed again
  // (a claim forgets the expired keys of every login, so that the keys kept are those of one ttl).

  // Atomically: when (login, key) is new or expired, records it as running with `request_hash` at `at` and
  // returns claimed; otherwise returns what is stored and changes nothing.
  virtual Result<IdempotencyClaim> ClaimIdempotencyKey(std::string_view login, std::string_view key,
                                                       std::string_view request_hash, Instant at,
                                                       Instant expired_before) = 0;
  // Stores the answer of a claimed key. NotFound on "idempotency_key" when it is not claimed; Conflict on
  // "idempotency_key" when it already has an answer (the first answer, which retries got, is kept).
  virtual Result<void> CompleteIdempotencyKey(std::string_view login, std::string_view key,
                                              const IdempotentResponse& response) = 0;
  // Forgets a claimed key whose request failed without writing anything, so that a retry runs it again.
  // A key that has an answer is kept; an unknown key is no error.
  virtual Result<void> ReleaseIdempotencyKey(std::string_view login, std::string_view key) = 0;
  // Until it is set again, every dossier write of this store (AppendDossierEvents, AppendNewDossier) also marks
  // the claimed key `key` with the code of the dossier written, in the write's own transaction; nullopt: none.
  // A retry after the process died then finds the dossier the request wrote (IdempotencyClaim::dossier_code).
  virtual void SetRequestKey(std::optional<RequestKey> key) = 0;
  // At start-up, before any request runs: forgets every key claimed without an answer whose request wrote no
  // dossier (its process died before writing anything), so that its retry runs instead of waiting for ever.
  // Returns how many were forgotten.
  virtual Result<std::size_t> SettleIdempotencyKeys() = 0;

  // --- Accounts and sessions --------------------------------------------------------------------------
  // Validation and the lock-out policy are the caller's (app/accounts.h); the store keeps what it is given.

  // Stores a new account (its failed_attempts, locked_until and disabled as given). Conflict on "login"
  // when the login is taken.
  virtual Result<void> CreateAccount(const Account& account, std::string_view password_hash) = 0;
  virtual Result<std::optional<StoredAccount>> FindAccount(std::string_view login) = 0;
  // Every account in login order, without its password hash (the administrator's list of users).
  virtual Result<std::vector<Account>> ListAccounts() = 0;
  // Replaces the password hash and revokes (at `at`) every open session of the account, so that a session
  // opened with the old password does not outlive it. NotFound on "login" for an unknown login.
  virtual Result<void> SetPasswordHash(std::string_view login, std::string_view password_hash, Instant at) = 0;
  // Disables (or enables) the account; disabling also revokes its open sessions at `at`, in the same
  // transaction. NotFound on "login" for an unknown login.
  virtual Result<void> SetAccountDisabled(std::string_view login, bool disabled, Instant at) = 0;
  // Counts one more failed login, atomically: when the count reaches `max_failures` the account is locked
  // until `lock_until` and the count starts again from 0. Returns the account as updated. NotFound on "login".
  virtual Result<Account> RecordLoginFailure(std::string_view login, int max_failures, Instant lock_until) = 0;
  // After a successful login: the count goes back to 0 and any lock is lifted. NotFound on "login".
  virtual Result<void> ResetLoginFailures(std::string_view login) = 0;

  // Stores a new session of an existing account (Conflict if the token hash is taken, NotFound on "login"
  // if the account does not exist).
  virtual Result<void> CreateSession(const StoredSession& session) = 0;
  virtual Result<std::optional<StoredSession>> FindSession(std::string_view token_hash) = 0;
  // Marks the session revoked at `at`. Returns false (and changes nothing) when there is no such session or
  // it was already revoked.
  virtual Result<bool> RevokeSession(std::string_view token_hash, Instant at) = 0;

  // --- Document files (domain/document_file.h) --------------------------------------------------------
  // The bytes are kept by a BlobStore (store/blob_store.h); the store records who uploaded what.

  // Records an upload; the same (id, uploader) again keeps the first row and is no error.
  virtual Result<void> RecordDocumentUpload(const DocumentUpload& upload) = 0;
  // Every upload of the content `id`, by uploader; empty when it was never uploaded.
  virtual Result<std::vector<DocumentUpload>> DocumentUploads(std::string_view id) = 0;
  // The codes of the dossiers with a "digitized" event naming `id` as its file, in code order.
  virtual Result<std::vector<std::string>> DossiersWithDocument(std::string_view id) = 0;
  // The uploads by `uploader` at or after `since`, oldest first: what counts against an account's upload quota
  // (domain/upload_quota.h).
  virtual Result<std::vector<DocumentUpload>> DocumentUploadsBy(std::string_view uploader, Instant since) = 0;
  // The files that no "digitized" event names, whose last upload was before `uploaded_before`, and whose bytes
  // were not recorded removed since: those `motcua files prune` removes (app/document_pruning.h). In id order.
  virtual Result<std::vector<std::string>> UnattachedDocuments(Instant uploaded_before) = 0;
  // Records that the bytes of `id` were removed at `at` (the upload records stay). The same content uploaded
  // again later is stored again, and its upload then counts as made at that later time.
  virtual Result<void> RecordDocumentRemoved(std::string_view id, Instant at) = 0;

  // --- The province's procedure settings (domain/procedure_settings.h) --------------------------------

  // Inserts or replaces the settings of the procedure. The caller validates them; NotFound on
  // "procedure_code" when the catalogue has no such procedure.
  virtual Result<void> SaveProcedureSettings(const ProcedureSettings& settings) = 0;
  virtual Result<std::optional<ProcedureSettings>> FindProcedureSettings(std::string_view procedure_code) = 0;

  // --- The province's own search synonyms (domain/province_synonym.h) ---------------------------------

  // Adds a synonym (its id, retired_by and retired_at are ignored) and returns it with the id assigned. The
  // caller validates it. Conflict naming "phrase" when an active synonym has the same phrase and expansion.
  virtual Result<ProvinceSynonym> AddProvinceSynonym(const ProvinceSynonym& synonym) = 0;
  // Every synonym ever added, retired ones included, in id order.
  virtual Result<std::vector<ProvinceSynonym>> ProvinceSynonyms() = 0;
  // Retires the synonym `id` and returns it as retired. NotFound naming "id" when there is none; Conflict
  // naming "id" when it is already retired (the first retirement is kept).
  virtual Result<ProvinceSynonym> RetireProvinceSynonym(std::int64_t id, std::string_view by, Instant at) = 0;

  // --- The register of officials' signing certificates (domain/official_certificate.h) -----------------

  // Adds a certificate (its id, retired_by and retired_at are ignored) and returns it with the id assigned. The
  // caller reads and checks it. Conflict naming "certificate" when the same certificate (sha256) is registered
  // to the same login and not retired.
  virtual Result<OfficialCertificate> AddOfficialCertificate(const OfficialCertificate& certificate) = 0;
  // Every certificate ever registered, retired ones included, in id order.
  virtual Result<std::vector<OfficialCertificate>> OfficialCertificates() = 0;
  // Retires the certificate `id` and returns it as retired. NotFound naming "id" when there is none; Conflict
  // naming "id" when it is already retired (the first retirement is kept).
  virtual Result<OfficialCertificate> RetireOfficialCertificate(std::int64_t id, std::string_view by, Instant at) = 0;

  // --- Signatures asked of a remote signing service (domain/signing_request.h) -------------------------

  // Adds a request (its id is ignored) and returns it with the id assigned.
  virtual Result<SigningRequest> AddSigningRequest(const SigningRequest& request) = 0;
  virtual Result<std::optional<SigningRequest>> FindSigningRequest(std::int64_t id) = 0;
  // The requests pending or settling, in id order: what a poller looks at.
  virtual Result<std::vector<SigningRequest>> OpenSigningRequests() = 0;
  // Every request for the dossier, in id order.
  virtual Result<std::vector<SigningRequest>> SigningRequestsOf(std::string_view dossier_code) = 0;
  // Moves the request from state `from` to `to` (with its settled_at, signed_file and problem) in one write, only if
  // it is in `from` then: false when it is not (another server thread moved it first), NotFound naming "id" when
  // there is no such request. The one way two servers polling the same CA never finish one signature twice.
  virtual Result<bool> MoveSigningRequest(std::int64_t id, SigningRequestState from,
                                          const SigningRequestOutcome& to) = 0;

  // ---- Server secrets ----
  // The random bytes kept under `name` ("receipt_pin": app/receipt_pins.h), made with the database. NotFound
  // naming "name" when there is none.
  virtual Result<std::string> LoadServerSecret(std::string_view name) = 0;

  // ---- Province settings ----
  // Appends a value of a setting (nothing is overwritten; the newest value of a name is in force). The caller
  // validates it.
  virtual Result<void> SaveProvinceSetting(const ProvinceSetting& setting) = 0;
  // The value in force of every setting ever saved, by name.
  virtual Result<std::vector<ProvinceSetting>> ProvinceSettings() = 0;

  // --- Backup (app/backup.h keeps the folder, the files and the manifest around it) ---------------------

  // Writes a copy of everything this store keeps, as it was at one moment, to the new file `path` (which must
  // not exist), while other connections go on reading and writing: the copy is taken under one read snapshot,
  // and writers are not blocked. On return the copy is durable and the backend can open it as a database of
  // its own; returns what it holds. Unavailable naming "backup" when it cannot be written (nothing is left at
  // `path` then); Conflict naming "backup" when `path` exists.
  virtual Result<BackupFacts> BackupTo(const std::string& path) = 0;
  // The backend's own check of its storage (SQLite: PRAGMA integrity_check): the problems it found, empty when
  // there are none. Reads everything: minutes on a large database.
  virtual Result<std::vector<std::string>> CheckIntegrity() = 0;
};

}  // namespace motcua::store
