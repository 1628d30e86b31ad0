#pragma once
// Reading an events file (docs/events-jsonl.md) for the import: every line decoded, grouped by the dossier it
// names, in order of first appearance. A line that does not decode — a truncated or hand-edited one — spoils
// its own dossier only: its code is still read from the text when it is there ("dossier_code" comes first in
// what motcua writes), and a line that names no dossier at all is reported by its number alone.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dossier_event.h"
#include "domain/error.h"

namespace motcua::app {

struct ImportProblem {
  int line = 0;              // 1-based line of the file; 0 when the problem concerns a whole dossier
  std::string dossier_code;  // "" when the line names none that could be read
  Error error;
};

struct ImportLine {
  int line = 0;
  std::string text;
  DossierEvent event;  // meaningful only when the dossier has no problem
};

struct ImportedDossier {
  std::string code;
  std::vector<ImportLine> lines;
  bool bad = false;  // a line did not decode: the dossier is rejected whole
};

struct ImportFile {
  std::vector<ImportedDossier> dossiers;  // in order of first appearance
  std::vector<ImportProblem> problems;    // each line that did not decode
};

// Reads every line of `in`; blank lines are skipped.
ImportFile ReadImportFile(std::istream& in);

// The value of "dossier_code" in the text of a line that is not whole JSON, or "" when it cannot be read.
std::string DossierCodeInText(std::string_view text);

}  // namespace motcua::app
