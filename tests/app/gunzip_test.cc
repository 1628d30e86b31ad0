#include "app/gunzip.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "support/in_memory_reference_files.h"

namespace motcua::app {
namespace {

// Compresses with zlib's own deflate in gzip framing, as `gzip` does: an independent writer for the reader under
// test.
std::string Gzip(const std::string& plain) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(plain.size())) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));
  stream.avail_in = static_cast<uInt>(plain.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string ManyRows(int count) {
  std::string text = "code,seq,document\n";
  for (int i = 0; i < count; ++i) text += "1.00" + std::to_string(i) + "," + std::to_string(i) + ",Tờ khai\n";
  return text;
}

TEST(GunzipTest, InflatesWhatGzipWrote) {
  const std::string plain = ManyRows(20'000);  // several 64 KiB output chunks
  const auto inflated = Gunzip(Gzip(plain), "rows.csv.gz");
  ASSERT_TRUE(inflated.has_value()) << inflated.error().message_en;
  EXPECT_EQ(*inflated, plain);
}

TEST(GunzipTest, InflatesAnEmptyFile) {
  const auto inflated = Gunzip(Gzip(""), "empty.csv.gz");
  ASSERT_TRUE(inflated.has_value());
  EXPECT_EQ(*inflated, "");
}

TEST(GunzipTest, RefusesDataThatIsNotGzip) {
  const auto inflated = Gunzip("code,seq\n1,2\n", "plain.csv.gz");
  ASSERT_FALSE(inflated.has_value());
  EXPECT_EQ(inflated.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(inflated.error().field, "plain.csv.gz");
}

TEST(GunzipTest, RefusesAFileCutShort) {
  const std::string packed = Gzip(ManyRows(1'000));
  const auto inflated = Gunzip(std::string_view(packed).substr(0, packed.size() / 2), "cut.csv.gz");
  ASSERT_FALSE(inflated.has_value());
  EXPECT_EQ(inflated.error().field, "cut.csv.gz");
}

TEST(GunzipTest, RefusesAFileWhoseChecksumDoesNotMatch) {
  std::string packed = Gzip(ManyRows(100));
  packed[packed.size() - 6] ^= 0x01;  // the trailer is CRC-32 then length, 4 bytes each
  EXPECT_FALSE(Gunzip(packed, "crc.csv.gz").has_value());
}

TEST(GunzipTest, RefusesBytesAfterTheCompressedData) {
  EXPECT_FALSE(Gunzip(Gzip("a,b\n") + "extra", "tail.csv.gz").has_value());
}

TEST(GunzipTest, StopsAFileThatInflatesBeyondTheLimit) {
  const std::string bomb = Gzip(std::string(1 << 20, '0'));  // 1 MiB of zeros packs into about 1 KiB
  const auto inflated = Gunzip(bomb, "bomb.csv.gz", 64 * 1024);
  ASSERT_FALSE(inflated.has_value());
  EXPECT_NE(inflated.error().message_en.find("allowed size"), std::string::npos);
  EXPECT_TRUE(Gunzip(bomb, "bomb.csv.gz", 1 << 20).has_value()) << "exactly the limit is allowed";
}

TEST(ReferenceFilesTest, ReadsAFileKeptGzippedUnderItsPlainName) {
  testing::InMemoryReferenceFiles files;
  files.Set("extra/table.csv.gz", Gzip("a,b\n1,2\n"));
  const auto read = files.Read("extra/table.csv");
  ASSERT_TRUE(read.has_value()) << read.error().message_en;
  EXPECT_EQ(*read, "a,b\n1,2\n");
}

TEST(ReferenceFilesTest, PrefersThePlainFileWhenBothExist) {
  testing::InMemoryReferenceFiles files;
  files.Set("extra/table.csv", "plain\n");
  files.Set("extra/table.csv.gz", Gzip("packed\n"));
  EXPECT_EQ(files.Read("extra/table.csv").value(), "plain\n");
}

TEST(ReferenceFilesTest, NamesThePlainFileWhenNeitherExists) {
  testing::InMemoryReferenceFiles files;
  const auto read = files.Read("extra/missing.csv");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(read.error().field, "extra/missing.csv");
}

TEST(ReferenceFilesTest, ReportsADamagedGzippedFile) {
  testing::InMemoryReferenceFiles files;
  files.Set("extra/table.csv.gz", "not gzip");
  const auto read = files.Read("extra/table.csv");
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().field, "extra/table.csv.gz");
}

TEST(ReferenceFilesTest, TheBuiltInCatalogueInflatesItsDocumentsTable) {
  const auto documents = BuiltInReferenceFiles().Read("procedures/procedure_documents.csv");
  ASSERT_TRUE(documents.has_value()) << documents.error().message_en;
  EXPECT_TRUE(documents->starts_with("code,seq,case_group,document,originals,copies\r\n"))
      << "the file keeps its CRLF lines";
  EXPECT_GT(documents->size(), std::size_t{6'000'000}) << "the whole table, 6.1 MB";
}

}  // namespace
}  // namespace motcua::app
