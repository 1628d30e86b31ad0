#pragma once
// Puts the unit codes of an imported event on the current map: a code from before the 1 July 2025 arrangement
// (Resolution 202/2025/QH15) is rewritten to the commune it went into whole; a commune that was split cannot be
// placed automatically, so the dossier is held with the candidates — unless a person chose among them in a unit
// map (app/unit_map.h), which must name one of the candidates. Thread-safety: as the Store it reads.
#include <optional>
#include <string>
#include <vector>

#include "app/unit_map.h"
#include "domain/administrative_unit.h"
#include "domain/dossier_event.h"
#include "store/store.h"

namespace motcua::app {

// A dossier that waits for a person: where its old code was, and where that commune went.
struct ImportHold {
  std::string dossier_code;
  int line = 0;
  std::string field;     // where the old code was, e.g. "payload.receiving_unit"
  std::string old_code;  // the pre-2025 commune code
  std::vector<LegacyLink> candidates;
  std::vector<std::string> lines;  // every line of the dossier, verbatim, to resolve and re-import
};

class LegacyUnitMapper {
 public:
  LegacyUnitMapper(store::Store& store, const UnitMap& choices) : store_(store), choices_(choices) {}

  // Rewrites the event's unit codes (receiving, competent, transfer target, actor). nullopt when every code is
  // current or was mapped; the hold (without line and lines) when a person must choose. Errors name the field:
  // NotFound for a code that is neither current nor in the arrangement, InvalidArgument for a choice that is
  // not one of the candidates.
  Result<std::optional<ImportHold>> Map(DossierEvent& event);

 private:
  // The code `code` must become: itself when current, its one new commune, the person's choice, or a hold.
  Result<std::optional<ImportHold>> MapOne(const DossierEvent& event, std::string& code, const char* field);

  store::Store& store_;
  const UnitMap& choices_;
};

}  // namespace motcua::app
