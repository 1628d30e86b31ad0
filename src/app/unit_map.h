#pragma once
// A person's choices for the pre-2025 communes the 2025 arrangement split (domain/legacy_resolution.h): which
// new commune a held dossier's old code goes to. The import cannot choose (it depends on the address), so it
// holds such a dossier and writes a template of this file beside the input for a person to fill in; imported
// again with the filled file, the held dossiers go in (`motcua import events FILE --unit-map FILE.csv`).
//
// The file is CSV with a header naming at least `old_code` and `new_code`; an optional `dossier_code` limits a
// row to one dossier (a split commune's dossiers may go to different new communes), and a row without one
// applies to every dossier. Rows whose `new_code` is empty are choices not yet made and are ignored; other
// columns (the template's `candidates`) are ignored. Whether the new code is one the old commune actually went
// to is checked by the import against the arrangement. Plain value; safe to share once built.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "domain/error.h"

namespace motcua::app {

class UnitMap {
 public:
  // Parses the file's content. InvalidArgument naming "file:line" for a missing column, a code that is not
  // five digits, or two different choices for the same old code (and dossier).
  static Result<UnitMap> Parse(std::string_view content, std::string_view file_name);

  // The new commune chosen for `old_code` in dossier `dossier_code`: the dossier's own row, else the row for
  // every dossier; nullopt when no choice was made.
  std::optional<std::string> Resolve(const std::string& dossier_code, const std::string& old_code) const;

  bool empty() const { return choices_.empty(); }

 private:
  // (old code, dossier code or "" for every dossier) → new code.
  std::map<std::pair<std::string, std::string>, std::string> choices_;
};

}  // namespace motcua::app
