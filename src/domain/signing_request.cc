#include "domain/signing_request.h"

#include <array>
#include <utility>

namespace motcua {
namespace {

constexpr std::array<std::pair<SigningRequestState, std::string_view>, 6> kNames{{
    {SigningRequestState::kPending, "pending"},
    {SigningRequestState::kSettling, "settling"},
    {SigningRequestState::kSigned, "signed"},
    {SigningRequestState::kRejected, "rejected"},
    {SigningRequestState::kExpired, "expired"},
    {SigningRequestState::kFailed, "failed"},
}};

}  // namespace

std::string_view SigningRequestStateName(SigningRequestState state) {
  for (const auto& [each, name] : kNames) {
    if (each == state) return name;
  }
  return "failed";
}

std::optional<SigningRequestState> ParseSigningRequestState(std::string_view text) {
  for (const auto& [state, name] : kNames) {
    if (name == text) return state;
  }
  return std::nullopt;
}

}  // namespace motcua
