#include "domain/legacy_resolution.h"

#include <algorithm>

namespace motcua {

LegacyResolution ResolveLegacyCommune(std::span<const LegacyLink> links) {
  LegacyResolution resolution;
  resolution.candidates.assign(links.begin(), links.end());
  std::ranges::sort(resolution.candidates, {}, &LegacyLink::commune_code);
  if (resolution.candidates.empty()) return resolution;

  const auto& first = resolution.candidates.front();
  const bool all_whole = std::ranges::all_of(resolution.candidates,
                                             [](const LegacyLink& link) { return link.merge == MergeKind::kWhole; });
  const bool one_target = std::ranges::all_of(
      resolution.candidates, [&](const LegacyLink& link) { return link.commune_code == first.commune_code; });
  resolution.outcome = all_whole && one_target ? LegacyOutcome::kUnique : LegacyOutcome::kNeedsDecision;
  return resolution;
}

}  // namespace motcua
