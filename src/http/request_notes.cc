#include "http/request_notes.h"

namespace motcua::http {
namespace {

thread_local RequestNotes* current = nullptr;

}  // namespace

void NoteLogin(std::string_view login) {
  if (current != nullptr) current->login = std::string(login);
}

void NoteRoute(std::string_view route) {
  if (current != nullptr) current->route = std::string(route);
}

RequestNotesScope::RequestNotesScope() { current = &notes_; }

RequestNotesScope::~RequestNotesScope() { current = nullptr; }

}  // namespace motcua::http
