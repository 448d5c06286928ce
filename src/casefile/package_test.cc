#include "casefile/package.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/hash.h"
#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;
using ::tafkik::testing::TempDir;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

class PackageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteAll(dir_.Sub("photo.jpg"), "\xFF\xD8 photo bytes of the seized handset");
    WriteAll(dir_.Sub("ledger.pdf"), "%PDF-1.4 hawala ledger");
    contents_.manifest = Json{{"case", {{"reference", "MA-2026-0042"}}},
                              {"redaction", {{"victims", true}}}};
    contents_.custody = Json::array({Json{{"evidence", "MA-2026-0042:E1"}, {"sequence", 1}}});
    contents_.audit = Json::array({Json{{"index", 7}, {"action", "evidence.add"}}});
    for (const char* name : {"photo.jpg", "ledger.pdf"}) {
      contents_.files.push_back({std::string("evidence/") + name, dir_.Sub(name),
                                 Sha256Hex(ReadAll(dir_.Sub(name)))});
    }
  }

  TempDir dir_;
  SigningKey key_ = SigningKey::Generate();
  PackageContents contents_;
};

TEST_F(PackageTest, WrittenPackageVerifiesWithNothingElse) {
  Result<std::string> sha256 = WritePackage(dir_.Sub("package.zip"), contents_, key_);
  ASSERT_THAT(sha256, IsOk());
  EXPECT_EQ(*sha256, Sha256Hex(ReadAll(dir_.Sub("package.zip"))));
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("package.zip.partial")));
  Result<PackageReport> report = VerifyPackage(dir_.Sub("package.zip"), std::nullopt);
  ASSERT_THAT(report, IsOk());
  EXPECT_TRUE(report->ok) << ::testing::PrintToString(report->problems);
  EXPECT_EQ(report->files_checked, 4);  // custody, audit, two files
  EXPECT_EQ(report->public_key, key_.PublicKeyHex());
  EXPECT_EQ(report->case_reference, "MA-2026-0042");
  EXPECT_THAT(WritePackage(dir_.Sub("package.zip"), contents_, key_),
              StatusIs(StatusCode::kAlreadyExists));
}

TEST_F(PackageTest, EveryChangedByteIsDetected) {
  ASSERT_THAT(WritePackage(dir_.Sub("package.zip"), contents_, key_), IsOk());
  const std::string original = ReadAll(dir_.Sub("package.zip"));
  std::string tampered_path = dir_.Sub("tampered.zip");
  for (size_t offset = 0; offset < original.size(); ++offset) {
    std::string tampered = original;
    tampered[offset] = static_cast<char>(tampered[offset] ^ 0x01);
    WriteAll(tampered_path, tampered);
    Result<PackageReport> report = VerifyPackage(tampered_path, std::nullopt);
    ASSERT_THAT(report, IsOk());
    EXPECT_FALSE(report->ok) << "a change at byte " << offset << " of " << original.size()
                             << " went unnoticed";
  }
}

TEST_F(PackageTest, ForeignKeyAndAlteredSourceAreRefused) {
  ASSERT_THAT(WritePackage(dir_.Sub("package.zip"), contents_, key_), IsOk());
  Result<PackageReport> pinned = VerifyPackage(dir_.Sub("package.zip"), std::string(64, 'a'));
  ASSERT_THAT(pinned, IsOk());
  EXPECT_FALSE(pinned->ok);
  EXPECT_THAT(pinned->problems.front(), HasSubstr("not the expected"));
  WriteAll(dir_.Sub("photo.jpg"), "forged");
  EXPECT_THAT(WritePackage(dir_.Sub("second.zip"), contents_, key_),
              StatusIs(StatusCode::kDataLoss, HasSubstr("evidence/photo.jpg")));
  EXPECT_FALSE(std::filesystem::exists(dir_.Sub("second.zip")));
  EXPECT_THAT(VerifyPackage(dir_.Sub("absent.zip"), std::nullopt),
              StatusIs(StatusCode::kNotFound));
}

}  // namespace
}  // namespace tafkik::casefile
