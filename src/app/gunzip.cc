#include "app/gunzip.h"

#include <zlib.h>

#include <array>
#include <limits>

namespace motcua::app {
namespace {

Error Corrupt(std::string_view name, std::string_view why_en) {
  return Error::InvalidArgument(std::string(name), "tệp nén gzip hỏng hoặc không đầy đủ",
                                "the gzip file is damaged or incomplete: " + std::string(why_en));
}

// 16 + MAX_WBITS: zlib reads the gzip header and checks the trailer's CRC-32 and length.
constexpr int kGzipWindowBits = 16 + MAX_WBITS;

}  // namespace

Result<std::string> Gunzip(std::string_view compressed, std::string_view name, std::size_t max_size) {
  if (compressed.size() > std::numeric_limits<uInt>::max()) return Fail(Corrupt(name, "larger than 4 GiB"));
  z_stream stream{};
  if (inflateInit2(&stream, kGzipWindowBits) != Z_OK) return Fail(Error::Internal("zlib", "zlib did not start"));
  // zlib's API takes a non-const pointer but never writes through next_in.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  std::array<char, 64 * 1024> chunk{};
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
    if (out.size() > max_size) status = Z_MEM_ERROR;
    // No progress with input left means the stream ended early (Z_BUF_ERROR); it is reported below.
  }
  const bool whole = status == Z_STREAM_END && stream.avail_in == 0;
  const char* message = stream.msg;
  inflateEnd(&stream);
  if (whole) return out;
  if (status == Z_STREAM_END) return Fail(Corrupt(name, "bytes follow the end of the compressed data"));
  if (out.size() > max_size) return Fail(Corrupt(name, "inflates to more than the allowed size"));
  return Fail(Corrupt(name, message != nullptr ? message : "the compressed data ends early"));
}

}  // namespace motcua::app
