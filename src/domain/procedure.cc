#include "domain/procedure.h"

namespace motcua {

std::optional<Channel> ParseChannel(std::string_view text) {
  if (text == "direct") return Channel::kDirect;
  if (text == "online") return Channel::kOnline;
  if (text == "postal") return Channel::kPostal;
  return std::nullopt;
}

std::string_view ChannelName(Channel channel) {
  switch (channel) {
    case Channel::kDirect:
      return "direct";
    case Channel::kOnline:
      return "online";
    case Channel::kPostal:
      return "postal";
  }
  return "direct";
}

}  // namespace motcua
