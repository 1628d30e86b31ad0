#pragma once
// The bodies that decide (agencies) and the places with counters (receiving points), registered by the
// administrator (DESIGN.md §2). A dossier's code starts with the electronic ID of the agency that received it
// (Decision 20/2020/QĐ-TTg); its competent agency decides it; a receiving point belongs to one unit and one
// agency, so that a receptionist who picks the point gives the receiving unit and the code's prefix at once.
// Plain values and pure validation; safe to share between threads.
#include <string>

#include "domain/error.h"

namespace motcua {

struct Agency {
  std::string id;    // electronic ID, e.g. "000.00.25.H52": 1–40 characters of [A-Za-z0-9.]
  std::string name;  // "Ủy ban nhân dân xã Hòa Bình"; 1–300 bytes of valid UTF-8, not only
                     // spaces, no control characters (line breaks, tabs)
  std::string unit;  // commune (5 digits) or province (2 digits) code it belongs to
};

struct ReceivingPoint {
  std::string id;         // chosen by the administrator, e.g. "05152-ttpvhcc": 1–64 characters of [A-Za-z0-9._-]
  std::string name;       // "Trung tâm phục vụ hành chính công xã ..."; as Agency::name
  std::string unit;       // commune (5 digits) or province (2 digits) code
  std::string agency_id;  // the agency whose ID starts the codes of dossiers received here (form of Agency::id)
  std::string address;    // may be empty; else as Agency::name
};

// The shape of an agency: InvalidArgument naming "id", "name" or "unit". Whether the unit exists is for the
// use case, which has the catalogue.
Result<void> ValidateAgency(const Agency& agency);
// The shape of a receiving point: InvalidArgument naming "id", "name", "unit", "agency_id" or "address".
Result<void> ValidateReceivingPoint(const ReceivingPoint& point);

}  // namespace motcua
