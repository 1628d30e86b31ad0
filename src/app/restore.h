#pragma once
// Use case: putting a backup (app/backup.h) back as a center's database and document files, with the server
// stopped. The steps are ordered so that a failure never leaves a half-restored database:
//  1. the manifest is read and every file of the backup checked against it (size and SHA-256), before anything
//     is written;
//  2. a database or files folder already at the target is refused, unless `replace`;
//  3. the database and the files are copied beside the target under temporary names ("<db>.restoring",
//     "<files>.restoring") and synced;
//  4. the copy is opened (which brings a backup of an older schema up to date) and checked: the backend's own
//     check of its storage (Store::CheckIntegrity), every dossier's hash chain (Store::VerifyDossierChains) and the
//     event log (Store::VerifyEventLog), and its number of dossiers against the manifest;
//  5. with `replace`, the database there (with its -wal and -shm) and its files folder are renamed aside, to
//     "<name>.before-restore-YYYYMMDD-HHMMSS": undoing the restore is renaming them back;
//  6. the copies are renamed into place, the files first and the database last.
// A failure in steps 1–4 removes the temporary copies and leaves the target as it was.
// Thread-safety: one restore of a target at a time, and nothing else (no server) using the target's database.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/backup_manifest.h"
#include "domain/civil_time.h"
#include "domain/error.h"
#include "store/store.h"
#include "store/store_spec.h"

namespace motcua::app {

struct RestoreTarget {
  std::filesystem::path database;  // where the database goes
  std::filesystem::path files;     // where its document files go (the folder beside it)
  std::string engine;              // the backend that opens it ("sqlite"): a backup made by another is refused
};

struct RestoreReport {
  BackupManifest manifest;
  std::size_t files = 0;                         // document files restored
  std::vector<std::filesystem::path> set_aside;  // what was at the target before, now under its aside name
};

// Opens a database file of the target's backend, bringing its schema up to date.
using StoreOpener = std::function<Result<std::unique_ptr<store::Store>>(const std::string& path)>;

// Restores the backup in the folder `backup` to `target` (the steps above); `now` names what is set aside.
// Errors, the target left as it was: those of ReadBackupManifest and CheckBackupFiles (naming the missing or
// damaged file); FailedPrecondition naming "engine" for a backup of another backend; Conflict naming the
// database or files folder already at the target, without `replace`; FailedPrecondition naming the database
// copy when a check of step 4 fails (the first problem, or the dossier whose history breaks); those of `open`;
// Unavailable naming the path that could not be written. A failure of a rename in steps 5–6 (a disk error) is
// Unavailable too, and names what is where.
Result<RestoreReport> RestoreBackup(const std::filesystem::path& backup, const RestoreTarget& target, bool replace,
                                    const StoreOpener& open, Instant now);

// Restores the backup in `backup` (of either engine: its database is a SQLite file) into `database`, a new, empty
// database on a server (PostgreSQL), and its document files into `files`, which must not exist or be empty. Step
// 1 as above; the database file and the files are staged beside `files` and the database checked as in step 4;
// then every row is copied into `database` and checked there (store_migration.h), and the files put in place.
// Errors: those of RestoreBackup's steps 1, 3 and 4; Conflict naming `files` when it holds files, or "db" when the
// database holds data. A failure leaves `files` as it was; the database, written in one transaction, too.
Result<RestoreReport> RestoreBackupIntoServer(const std::filesystem::path& backup, const store::StoreSpec& database,
                                              const std::filesystem::path& files, const StoreOpener& open);

}  // namespace motcua::app
