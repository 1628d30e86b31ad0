#pragma once
// A thread of `motcua serve` that settles every open remote signing request (app/remote_result_signing.h) every
// `every`: a signature the official confirms on the phone while nobody looks at the dossier is written in and
// attached all the same, and a request nobody confirms is expired in time. Each round's outcome goes to a
// callback (serve logs it); a failed round is tried again at the next one. Thread-safety: construct and destroy on
// one thread; the callback runs on the poller's thread.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>

#include "app/clock.h"
#include "app/lifecycle_settings.h"
#include "app/live_calendar.h"
#include "app/pdf_signature_steps.h"
#include "app/remote_signing_service.h"
#include "store/blob_store.h"
#include "store/store_provider.h"

namespace motcua::app {

// How often the CA is asked: VNPT's sample polls every few seconds; once every 15 is enough for a person who has
// just confirmed on a phone, and light on the CA.
inline constexpr std::chrono::seconds kSigningPollInterval{15};

struct SigningPollerParts {
  store::StoreProvider& stores;
  store::BlobStore& blobs;
  const Clock& clock;
  LiveCalendar& calendar;
  const LifecycleSettings& settings;
  const RemoteSigningService& service;
  const PdfSignatureSteps& steps;
};

class SigningRequestPoller {
 public:
  using Report = std::function<void(const Result<std::size_t>& ended)>;

  // Starts the thread. Everything in `parts` must outlive the poller.
  SigningRequestPoller(SigningPollerParts parts, std::chrono::seconds every, Report report);
  // Stops the thread after the round under way.
  ~SigningRequestPoller();
  SigningRequestPoller(const SigningRequestPoller&) = delete;
  SigningRequestPoller& operator=(const SigningRequestPoller&) = delete;

 private:
  void Loop();
  Result<std::size_t> Round();

  const SigningPollerParts parts_;
  const std::chrono::seconds every_;
  const Report report_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;     // last: started once everything else is ready
};

}  // namespace motcua::app
