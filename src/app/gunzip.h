#pragma once
// Inflates a gzip member (RFC 1952) held in memory. The reference catalogue ships its largest table compressed
// (procedures/procedure_documents.csv.gz), in the repository and in the binary; readers see plain CSV.
#include <string>
#include <string_view>

#include "domain/error.h"

namespace motcua::app {

// The inflated bytes of `compressed`, or InvalidArgument naming `name` when the data is not gzip, is cut short or
// fails its CRC. `max_size` bounds the output so that a crafted file cannot fill the memory.
Result<std::string> Gunzip(std::string_view compressed, std::string_view name,
                           std::size_t max_size = std::size_t{256} << 20);

}  // namespace motcua::app
