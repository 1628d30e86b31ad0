#pragma once
// Reads and validates the reference catalogue (units, procedures, days off) from ReferenceFiles.
//
// Every row is checked: codes and their formats, enumerations, numbers, dates, references between
// files (a commune's province, a channel's procedure), duplicates. A row that cannot be used is an
// error naming "file:line:column"; a row kept with a doubt is a warning (e.g. a processing time that the
// portal gave without a unit). Nothing is skipped silently: callers store the catalogue only when there
// are no errors. Pure with respect to the store; reads files only through ReferenceFiles.
#include <vector>

#include "app/reference_files.h"
#include "domain/error.h"
#include "domain/reference_catalogue.h"

namespace motcua::app {

struct ReferenceLoad {
  ReferenceCatalogue catalogue;
  std::vector<Error> errors;    // rows that cannot be used; field = "file:line:column"
  std::vector<Error> warnings;  // rows kept with a doubt; field = "file:line:column"
  bool ok() const { return errors.empty(); }
};

// The files read, relative to the catalogue root.
inline constexpr const char* kProvincesFile = "units/provinces.csv";
inline constexpr const char* kCommunesFile = "units/communes.csv";
inline constexpr const char* kLegacyCommunesFile = "units/communes_pre2025.csv";
inline constexpr const char* kLegacyMappingFile = "units/legacy_mapping_2025.csv";
inline constexpr const char* kProceduresFile = "procedures/procedures.csv";
inline constexpr const char* kProcedureChannelsFile = "procedures/procedure_channels.csv";
inline constexpr const char* kProcedureDocumentsFile = "procedures/procedure_documents.csv";
inline constexpr const char* kCalendarFile = "calendar/days_off_2024_2026.csv";

ReferenceLoad LoadReferenceCatalogue(const ReferenceFiles& files);

}  // namespace motcua::app
