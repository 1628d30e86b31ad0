#include "app/form_names.h"

#include <string_view>

#include "domain/percent_encoding.h"

namespace motcua::app {
namespace {

// The agency's name into `names.agencies`, unless the register no longer knows it.
Result<void> AddAgencyName(store::Store& store, const std::string& code, FormNames& names) {
  if (code.empty() || names.agencies.contains(code)) return {};
  auto agency = store.FindAgency(code);
  if (!agency) return Fail(agency.error());
  if (*agency) names.agencies[code] = (*agency)->name;
  return {};
}

// The display names of the accounts that acted on the dossier ("system" and imports have none).
Result<void> AddPeople(store::Store& store, const DossierView& view, FormNames& names) {
  for (const DossierEvent& event : view.history) {
    const std::string& login = event.actor.user;
    if (login.empty() || names.people.contains(login)) continue;
    auto account = store.FindAccount(login);
    if (!account) return Fail(account.error());
    if (*account && !(*account)->account.display_name.empty()) names.people[login] = (*account)->account.display_name;
  }
  return {};
}

}  // namespace

Result<FormNames> LookUpFormNames(store::Store& store, const DossierView& view, std::string tracking_url) {
  const DossierState& s = view.state;
  FormNames names;
  names.tracking_url = std::move(tracking_url);
  names.receiving_point = s.receiving_point;
  auto point = store.FindReceivingPoint(s.receiving_point);
  if (!point) return Fail(point.error());
  if (*point) {
    names.receiving_point = (*point)->name;
    auto agency = store.FindAgency((*point)->agency_id);
    if (!agency) return Fail(agency.error());
    if (*agency) names.issuing_agency = (*agency)->name;
  }
  names.competent_agency = s.competent_agency;
  if (auto added = AddAgencyName(store, s.competent_agency, names); !added) return Fail(added.error());
  if (names.agencies.contains(s.competent_agency)) names.competent_agency = names.agencies[s.competent_agency];
  for (const std::string& agency : s.transfers) {
    if (auto added = AddAgencyName(store, agency, names); !added) return Fail(added.error());
  }
  if (s.receiving_unit.size() == 2) {
    auto province = store.FindProvince(s.receiving_unit);
    if (!province) return Fail(province.error());
    if (*province) names.place = (*province)->name;
  } else {
    auto commune = store.FindCommune(s.receiving_unit);
    if (!commune) return Fail(commune.error());
    if (*commune) names.place = (*commune)->name;
  }
  if (auto added = AddPeople(store, view, names); !added) return Fail(added.error());
  return names;
}

std::string TrackingUrl(const std::string& public_url, const std::string& code, const std::string& pin) {
  // As the web's encodeURIComponent leaves them.
  constexpr std::string_view kKept = "-_.!~*'()";
  return public_url + "#/tra-cuu/" + PercentEncoded(code, kKept) +
         (pin.empty() ? "" : "?pin=" + PercentEncoded(pin, kKept));
}

}  // namespace motcua::app
