#include "app/signing_request_poller.h"

#include "app/dossier_desk.h"
#include "app/remote_result_signing.h"

namespace motcua::app {

SigningRequestPoller::SigningRequestPoller(SigningPollerParts parts, std::chrono::seconds every, Report report)
    : parts_(parts), every_(every), report_(std::move(report)), thread_([this] { Loop(); }) {}

SigningRequestPoller::~SigningRequestPoller() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void SigningRequestPoller::Loop() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, every_, [this] { return stopping_; })) {
    lock.unlock();
    const Result<std::size_t> ended = Round();
    if (report_) report_(ended);
    lock.lock();
  }
}

Result<std::size_t> SigningRequestPoller::Round() {
  auto store = parts_.stores.ForThisThread();
  if (!store) return Fail(std::move(store.error()));
  const auto calendar = parts_.calendar.Current();
  DossierDesk desk(**store, parts_.clock, *calendar, parts_.settings);
  return RemoteResultSigning(**store, parts_.blobs, parts_.clock, desk, parts_.service, parts_.steps).SettleOpen();
}

}  // namespace motcua::app
