#pragma once
// The fields of every struct inside a dossier event, in the order and with the JSON names of
// docs/events-jsonl.md. Each list is written once and walked by both directions of the codec
// (dossier_event_codec.cc): `io(name, field)` reads the field when encoding and fills it when decoding, so
// the encoder and the decoder cannot drift apart. `io.Optional(name, field)` is a field that may be absent: the
// encoder leaves it out when it holds its default value, the decoder keeps the default when it is missing.
// Internal to src/store.
#include <concepts>
#include <type_traits>

#include "domain/dossier_event.h"

namespace motcua::store::event_fields {

// Matches T and const T, so that one list serves the encoder (const) and the decoder.
template <typename P, typename T>
concept Is = std::same_as<std::remove_const_t<P>, T>;

template <typename Io>
void Fields(Io& io, Is<Applicant> auto& a) {
  io("name", a.name);
  io("citizen_id", a.citizen_id);
  io("phone", a.phone);
  io("email", a.email);
  io("address", a.address);
  io("organisation", a.organisation);
}
template <typename Io>
void Fields(Io& io, Is<SubmittedComponent> auto& c) {
  io("seq", c.seq);
  io("name", c.name);
  io("originals", c.originals);
  io("copies", c.copies);
}
template <typename Io>
void Fields(Io& io, Is<Actor> auto& a) {
  io("user", a.user);
  io("role", a.role);
  io("unit", a.unit);
}
template <typename Io>
void Fields(Io& io, Is<Submitted> auto& p) {
  io("procedure_code", p.procedure_code);
  io("channel", p.channel);
  io("applicant", p.applicant);
  io("components", p.components);
  io("receiving_unit", p.receiving_unit);
  io("competent_agency", p.competent_agency);
  io("competent_unit", p.competent_unit);
}
template <typename Io>
void Fields(Io& io, Is<Received> auto& p) {
  io("procedure_code", p.procedure_code);
  io("channel", p.channel);
  io("applicant", p.applicant);
  io("components", p.components);
  io("receiving_unit", p.receiving_unit);
  io("receiving_point", p.receiving_point);
  io("competent_agency", p.competent_agency);
  io("competent_unit", p.competent_unit);
  io("processing_amount", p.processing_amount);
  io("processing_unit", p.processing_unit);
  io("clock_started_at", p.clock_started_at);
  io("due_at", p.due_at);
}
template <typename Io>
void Fields(Io& io, Is<ReceptionRefused> auto& p) {
  io("reason", p.reason);
}
template <typename Io>
void Fields(Io& io, Is<StepAssigned> auto& p) {
  io("step", p.step);
  io("role", p.role);
  io("agency", p.agency);
  io("assignee", p.assignee);
}
template <typename Io>
void Fields(Io& io, Is<StepCompleted> auto& p) {
  io("step", p.step);
  io("note", p.note);
}
template <typename Io>
void Fields(Io& io, Is<Transferred> auto& p) {
  io("to_agency", p.to_agency);
  io("to_unit", p.to_unit);
  io("reason", p.reason);
}
template <typename Io>
void Fields(Io& io, Is<SupplementRequested> auto& p) {
  io("reason", p.reason);
  io("missing", p.missing);
}
template <typename Io>
void Fields(Io& io, Is<Supplemented> auto& p) {
  io("components", p.components);
  io("due_at", p.due_at);
}
template <typename Io>
void Fields(Io& io, Is<Extended> auto& p) {
  io("reason", p.reason);
  io("new_due_at", p.new_due_at);
}
template <typename Io>
void Fields(Io& io, Is<Refused> auto& p) {
  io("reason", p.reason);
  // Added after events were stored: left out at its default, so that those events re-encode (and re-hash)
  // exactly as they were written.
  io.Optional("kind", p.kind);
}
template <typename Io>
void Fields(Io& io, Is<Withdrawn> auto& p) {
  io("reason", p.reason);
}
template <typename Io>
void Fields(Io& io, Is<Cancelled> auto& p) {
  io("reason", p.reason);
}
template <typename Io>
void Fields(Io& io, Is<ResultApproved> auto& p) {
  io("result", p.result);
  io("signer", p.signer);
}
template <typename Io>
void Fields(Io& io, Is<ResultReturned> auto& p) {
  io("method", p.method);
  io("note", p.note);
}
template <typename Io>
void Fields(Io& io, Is<FeeAssessed> auto& p) {
  io("amount", p.amount);
  io("description", p.description);
}
template <typename Io>
void Fields(Io& io, Is<FeePaid> auto& p) {
  io("amount", p.amount);
  io("method", p.method);
  io("reference", p.reference);
}
template <typename Io>
void Fields(Io& io, Is<Digitized> auto& p) {
  io("component_seq", p.component_seq);
  io("file", p.file);
}
template <typename Io>
void Fields(Io& io, Is<Evaluated> auto& p) {
  io("score", p.score);
  io("comment", p.comment);
}

}  // namespace motcua::store::event_fields
