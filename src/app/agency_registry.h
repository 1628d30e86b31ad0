#pragma once
// Use case: the administrator's register of agencies and receiving points (domain/agency.h), and reading it
// (anyone may: a citizen picks the agency that decides when submitting online).
// Registering needs the administrator role (PermissionDenied on "role" otherwise); the shapes are validated
// and the units must exist in the catalogue (NotFound on "unit"), the point's agency in the register
// (NotFound on "agency_id").
// Thread-safety: one instance per thread, like the Store it uses.
#include <optional>
#include <string>
#include <vector>

#include "domain/account.h"
#include "domain/agency.h"
#include "store/store.h"

namespace motcua::app {

class AgencyRegistry {
 public:
  explicit AgencyRegistry(store::Store& store) : store_(store) {}

  // Registers the agency, or changes the name and unit of the one with its id.
  Result<Agency> SaveAgency(const Account& by, const Agency& agency);
  // Registers the point, or changes the one with its id.
  Result<ReceivingPoint> SavePoint(const Account& by, const ReceivingPoint& point);

  // In id order; only those of `unit` when given (InvalidArgument on "unit" for a malformed code).
  Result<std::vector<Agency>> Agencies(const std::optional<std::string>& unit);
  Result<std::vector<ReceivingPoint>> Points(const std::optional<std::string>& unit);

 private:
  Result<void> CheckUnitExists(const std::string& unit);

  store::Store& store_;
};

// Only an administrator keeps the register. PermissionDenied on "role" for anyone else.
Result<void> RequireAdministrator(const Account& account);

}  // namespace motcua::app
