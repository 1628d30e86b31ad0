#pragma once
// What the handlers learn about the request being handled that the server's access log line needs: the login
// that authenticated (request_account.h, the login route) and the route pattern that matched (metrics.h's
// WithMetrics). The session opens a RequestNotesScope around the handler call and takes the notes after it.
//
// The notes live in a thread_local: a handler runs synchronously on the thread of the session that called it
// (session.h), so one thread holds one request's notes at a time, and no handler signature has to carry them.
// Outside a scope (a handler unit-tested without a server) noting does nothing.
#include <string>
#include <string_view>

namespace motcua::http {

struct RequestNotes {
  std::string login;  // empty: no account authenticated
  std::string route;  // empty: no route matched (static files, rejected before routing)
};

// Notes for the current request, if a scope is open on this thread.
void NoteLogin(std::string_view login);
void NoteRoute(std::string_view route);

// Opens the notes of one request on this thread (empty), and closes them when destroyed. Not nestable.
class RequestNotesScope {
 public:
  RequestNotesScope();
  ~RequestNotesScope();
  RequestNotesScope(const RequestNotesScope&) = delete;
  RequestNotesScope& operator=(const RequestNotesScope&) = delete;

  // What was noted so far.
  const RequestNotes& notes() const { return notes_; }

 private:
  RequestNotes notes_;
};

}  // namespace motcua::http
