#include "app/form_names.h"

#include <string_view>
#include <variant>

#include "domain/percent_encoding.h"

namespace motcua::app {
namespace {

// The account that received the dossier at the counter ("" for a dossier that came in online and was accepted by
// the system, or one imported without its account).
std::string ReceiverLogin(const DossierView& view) {
  for (const DossierEvent& event : view.history) {
    if (std::holds_alternative<Received>(event.payload)) return event.actor.user;
  }
  return "";
}

}  // namespace

Result<ReceiptSlipNames> LookUpSlipNames(store::Store& store, const DossierView& view, std::string tracking_url) {
  const DossierState& s = view.state;
  ReceiptSlipNames names;
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
  auto competent = store.FindAgency(s.competent_agency);
  if (!competent) return Fail(competent.error());
  if (*competent) names.competent_agency = (*competent)->name;
  if (s.receiving_unit.size() == 2) {
    auto province = store.FindProvince(s.receiving_unit);
    if (!province) return Fail(province.error());
    if (*province) names.place = (*province)->name;
  } else {
    auto commune = store.FindCommune(s.receiving_unit);
    if (!commune) return Fail(commune.error());
    if (*commune) names.place = (*commune)->name;
  }
  if (const std::string login = ReceiverLogin(view); !login.empty()) {
    auto account = store.FindAccount(login);
    if (!account) return Fail(account.error());
    names.receiver = *account && !(*account)->account.display_name.empty() ? (*account)->account.display_name : "";
  }
  return names;
}

std::string TrackingUrl(const std::string& public_url, const std::string& code, const std::string& pin) {
  // As the web's encodeURIComponent leaves them.
  constexpr std::string_view kKept = "-_.!~*'()";
  return public_url + "#/tra-cuu/" + PercentEncoded(code, kKept) +
         (pin.empty() ? "" : "?pin=" + PercentEncoded(pin, kKept));
}

}  // namespace motcua::app
