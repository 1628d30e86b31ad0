#pragma once
// Every field of a DossierState, one per line, so that a difference between two states reads as a diff in a
// test failure. For the domain tests of the state machine.
#include <optional>
#include <sstream>
#include <string>

#include "domain/dossier_state.h"

namespace motcua::test_support {

inline std::string Show(const std::optional<Instant>& at) { return at ? FormatIsoLocal(*at) : "-"; }

// Every field of the state, one per line, so that a difference reads as a diff.
inline std::string Describe(const DossierState& s) {
  std::ostringstream out;
  out << "code=" << s.code << "\nlast_seq=" << s.last_seq << "\nlast_hash=" << s.last_hash
      << "\nstatus=" << DossierStatusName(s.status) << "\nprocedure_code=" << s.procedure_code
      << "\nchannel=" << ChannelName(s.channel) << "\napplicant=" << s.applicant.name << "|" << s.applicant.citizen_id
      << "|" << s.applicant.phone << "|" << s.applicant.email << "|" << s.applicant.address << "|"
      << s.applicant.organisation << "\ncomponents=";
  for (const auto& c : s.components) out << c.seq << ":" << c.name << ":" << c.originals << ":" << c.copies << ";";
  out << "\nunits=" << s.receiving_unit << "|" << s.receiving_point << "|" << s.competent_agency << "|"
      << s.competent_unit << "\ntransfers=";
  for (const auto& t : s.transfers) out << t << ";";
  out << "\nprocessing=" << s.processing_amount << " " << TimeUnitName(s.processing_unit)
      << "\nsubmitted_at=" << Show(s.submitted_at) << "\nreceived_at=" << Show(s.received_at)
      << "\nclock_started_at=" << Show(s.clock_started_at) << "\noriginal_due_at=" << Show(s.original_due_at)
      << "\ndue_at=" << Show(s.due_at) << "\nsuspended_at=" << Show(s.suspended_at)
      << "\nsupplement_requests=" << s.supplement_requests << "\nextensions=" << s.extensions
      << "\ncompleted_at=" << Show(s.completed_at) << "\nreturned_at=" << Show(s.returned_at)
      << "\nreturn_method=" << (s.return_method ? static_cast<int>(*s.return_method) : -1)
      << "\nclosing_reason=" << s.closing_reason << "\nresult=" << s.result << "\ncurrent_step=" << s.current_step
      << "\nassignee=" << s.assignee << "\nfees=" << s.fees_assessed.dong() << "/" << s.fees_paid.dong() << "/"
      << s.fees_paid_online.dong() << "\ndigitized=" << s.digitized_components << "/" << s.result_digitized
      << "\nevaluation=" << (s.evaluation ? *s.evaluation : -1) << "/" << s.evaluations << "\n";
  return out.str();
}

}  // namespace motcua::test_support
