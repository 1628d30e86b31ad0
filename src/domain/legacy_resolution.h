#pragma once
// Placing a record that names a pre-2025 commune into the new two-tier map.
//
// An old commune that went whole into one new commune maps automatically. One that was split
// (merge = partial) cannot: which new commune a record belongs to depends on the address, so a person
// decides among the candidates. The source data also has a few old codes listed under two new
// communes as "whole" (data errors, or the placeholder 00000 used for districts without communes); they
// are treated the same way: more than one candidate means a person decides. Pure function, no I/O.
#include <span>
#include <vector>

#include "domain/administrative_unit.h"

namespace motcua {

enum class LegacyOutcome {
  kUnique,         // exactly one new commune: map automatically
  kNeedsDecision,  // several candidates, or a partial merge: a person must choose
  kUnknown,        // the old code is in no arrangement
};

struct LegacyResolution {
  LegacyOutcome outcome = LegacyOutcome::kUnknown;
  std::vector<LegacyLink> candidates;  // every link of the old code, in new-commune code order
};

// `links` are all arrangement rows whose old_commune_code is the code looked up.
LegacyResolution ResolveLegacyCommune(std::span<const LegacyLink> links);

}  // namespace motcua
