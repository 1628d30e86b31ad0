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
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/reference_catalogue.h"

namespace motcua::store {

// How a table was touched by a catalogue save: rows inserted or changed, and rows already identical.
struct TableChanges {
  std::size_t written = 0;
  std::size_t unchanged = 0;
};

struct CatalogueChanges {
  TableChanges provinces, communes, legacy_communes, legacy_links, procedures, procedure_channels,
      procedure_documents, calendar;
  std::size_t calendar_kept_admin_edits = 0;  // days an administrator edited, which the catalogue does not override
  std::size_t TotalWritten() const;
};

struct CatalogueCounts {
  std::size_t provinces = 0, communes = 0, legacy_communes = 0, legacy_links = 0, procedures = 0,
              procedure_channels = 0, procedure_documents = 0, calendar_days = 0;
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
};

}  // namespace motcua::store
