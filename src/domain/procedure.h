#pragma once
// An administrative procedure (thủ tục hành chính) of the national catalogue, as published on the
// National Public Service Portal, with its channels (processing time and fee per channel) and the dossier
// components it requires per case. Plain values; see data/reference/README.md for the columns.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/money.h"
#include "domain/time_unit.h"

namespace motcua {

enum class Channel { kDirect, kOnline, kPostal };

// Parses "direct", "online", "postal".
std::optional<Channel> ParseChannel(std::string_view text);
std::string_view ChannelName(Channel channel);

struct ProcedureChannel {
  Channel channel = Channel::kDirect;
  // The processing time. The portal's flattened tables sometimes give a number without a unit (and
  // then the number may well be a fee that slipped into the wrong column), so the raw text is kept and
  // the value is parsed only when the unit is known.
  std::string time_text;              // verbatim, e.g. "5", "1.5", "140,000", ""
  std::optional<double> time_value;   // set iff time_unit is set
  std::optional<TimeUnit> time_unit;  // nullopt: "unknown" or missing in the catalogue
  bool fee_free = false;
  std::optional<Money> first_fee;  // the first amount named in fee_text, if any
  std::string fee_text;            // the portal's wording, verbatim
};

struct DossierComponent {
  int seq = 0;
  std::string case_group;  // the case the item applies to; empty = every case
  std::string document;
  int originals = 0;
  int copies = 0;
};

struct Procedure {
  std::string code;  // national code, e.g. "1.001193"
  std::string name;
  std::string ministry;
  std::string field;                // lĩnh vực
  std::vector<std::string> levels;  // ministry / province / commune / other
  std::string procedure_type;
  std::string decision;
  std::string implementing_agency;
  std::string competent_agency;
  std::vector<Channel> channels;
  std::vector<std::string> target_groups;
  std::string source_url;
  std::vector<ProcedureChannel> channel_details;
  std::vector<DossierComponent> components;

  bool HasLevel(std::string_view level) const {
    for (const auto& l : levels) {
      if (l == level) return true;
    }
    return false;
  }
};

}  // namespace motcua
