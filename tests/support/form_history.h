#pragma once
// For the tests of the printed forms (tests/app/*form*_test.cc): a dossier's history built event by event, numbered
// as the store numbers them, and the texts of a PrintedForm in order, one per line, to look for the form's wording
// without any layout.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "app/dossier_view.h"
#include "app/printed_form.h"
#include "support/sample_events.h"

namespace motcua::test_support {

class FormHistory {
 public:
  explicit FormHistory(std::string code) : code_(std::move(code)) {}

  FormHistory& Add(EventPayload payload, const char* when, const char* actor = "tiepnhan01") {
    DossierEvent event = Event(std::move(payload), when, code_);
    event.seq = static_cast<std::int64_t>(events_.size()) + 1;
    event.actor.user = actor;
    events_.push_back(std::move(event));
    return *this;
  }
  // Received at `when`, due at `due` (by default Monday 12 January 2026, due Thursday 15 January 08:00).
  FormHistory& Receive(const char* when = "2026-01-12T07:45:00+07:00", const char* due = "2026-01-15T08:00:00+07:00") {
    Received received = SomeReceived();
    received.clock_started_at = At(when);
    received.due_at = At(due);
    return Add(received, when);
  }
  // The dossier as staff see it, its procedure "Đăng ký khai sinh" (limits high enough for any history written here).
  app::DossierView View() const {
    app::DossierView view;
    view.history = events_;
    view.state = FoldEvents(events_, LifecycleLimits{9, 9}).value();
    view.procedure_name = "Đăng ký khai sinh";
    return view;
  }

 private:
  std::string code_;
  std::vector<DossierEvent> events_;
};

// Every text of the form, in order, one per line: heading, paragraphs, "label: value" facts, table cells, signatures
// (title, then name) and the recipients.
inline std::string FormText(const app::PrintedForm& form) {
  std::string text = form.form_number + "\n" + form.title + "\n" + form.subtitle + "\n" + form.number_line + "\n" +
                     form.place_and_date + "\n";
  for (const std::string& line : form.issuer_lines) text += line + "\n";
  for (const app::FormBlock& block : form.body) {
    if (const auto* p = std::get_if<app::FormParagraph>(&block)) text += p->text + "\n";
    if (const auto* facts = std::get_if<app::FormFacts>(&block)) {
      for (const auto& [label, value] : facts->lines) text += label + ": " + value + "\n";
    }
    if (const auto* table = std::get_if<app::FormTable>(&block)) {
      for (const auto& row : table->rows) {
        for (const std::string& cell : row) text += cell + "\n";
      }
    }
  }
  for (const app::FormSignature& signature : form.signatures) text += signature.title + "\n" + signature.name + "\n";
  for (const std::string& line : form.recipients) text += line + "\n";
  return text;
}

}  // namespace motcua::test_support
