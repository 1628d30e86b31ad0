#pragma once
// The root certificates a province trusts for signatures — the national root CA (Root CA quốc gia, run by NEAC)
// for public CAs such as VNPT-CA and Viettel-CA, and the Government's root (VGCA, Ban Cơ yếu Chính phủ) for
// officials' service certificates — read from the files an IT officer puts in one folder. None are shipped: a
// root is a decision of the province, taken from the CA's own publication.
#include <string>
#include <vector>

#include "domain/error.h"

namespace motcua::sign {

// The certificates in the files of `directory` whose names end in .pem, .crt, .cer or .der (PEM, several to a
// file, or one DER), as DER, in the order of the file names. InvalidArgument naming "trust_roots" for a folder
// that cannot be read or a file holding no certificate (the message names it).
Result<std::vector<std::string>> LoadTrustedRoots(const std::string& directory);

}  // namespace motcua::sign
