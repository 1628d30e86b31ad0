#include "sign/trusted_roots.h"

#include <openssl/pem.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

#include "sign/openssl_handles.h"

namespace motcua::sign {
namespace {

namespace fs = std::filesystem;

Error Unreadable(const std::string& what_vi, const std::string& what_en) {
  return Error::InvalidArgument("trust_roots", what_vi, what_en);
}

bool IsCertificateFile(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".pem" || extension == ".crt" || extension == ".cer" || extension == ".der";
}

// The certificates of one file: every PEM block, or the whole file as DER when it holds none.
std::vector<std::string> CertificatesIn(const std::string& bytes) {
  std::vector<std::string> found;
  BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  while (X509* certificate = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
    found.push_back(CertificateDer(*certificate));
    X509_free(certificate);
  }
  TakeOpenSslError();
  if (found.empty() && ParseCertificate(bytes)) found.push_back(bytes);
  return found;
}

}  // namespace

Result<std::vector<std::string>> LoadTrustedRoots(const std::string& directory) {
  std::error_code error;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && IsCertificateFile(it->path())) files.push_back(it->path());
  }
  if (error) {
    return Fail(Unreadable("Không đọc được thư mục chứng thư gốc " + directory + ": " + error.message(),
                           "The folder of root certificates " + directory + " cannot be read: " + error.message()));
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> roots;
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<std::string> certificates = CertificatesIn(bytes);
    if (certificates.empty()) {
      return Fail(Unreadable("Tệp " + file.string() + " không chứa chứng thư số nào.",
                             "The file " + file.string() + " holds no certificate."));
    }
    roots.insert(roots.end(), certificates.begin(), certificates.end());
  }
  return roots;
}

}  // namespace motcua::sign
