#include "core/hash.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/status_matchers.h"
#include "core/unprivileged_check.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

// FIPS 180-2 test vectors.
constexpr char kEmptySha256[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr char kAbcSha256[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr char kTwoBlockInput[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
constexpr char kTwoBlockSha256[] =
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";

// A scratch directory removed after each test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tafkik_hash_test_XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(std::string_view name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

TEST(Sha256Test, MatchesPublishedVectors) {
  EXPECT_EQ(Sha256Hex(""), kEmptySha256);
  EXPECT_EQ(Sha256Hex("abc"), kAbcSha256);
  EXPECT_EQ(Sha256Hex(kTwoBlockInput), kTwoBlockSha256);
}

TEST(Sha256Test, DigestAndHexAgree) {
  Sha256Digest digest = Sha256("abc");
  EXPECT_EQ(digest[0], 0xba);
  EXPECT_EQ(digest[31], 0xad);
  EXPECT_EQ(ToHex(digest.data(), digest.size()), kAbcSha256);
}

TEST(Sha256Test, HashesEmbeddedNulBytes) {
  EXPECT_NE(Sha256Hex(std::string("a\0b", 3)), Sha256Hex("a"));
}

TEST(Sha256HasherTest, IncrementalEqualsOneShot) {
  Sha256Hasher hasher;
  std::string_view input = kTwoBlockInput;
  hasher.Update(input.substr(0, 5));
  hasher.Update("");
  hasher.Update(input.substr(5));
  Sha256Digest digest = hasher.Finish();
  EXPECT_EQ(ToHex(digest.data(), digest.size()), kTwoBlockSha256);
}

TEST(HexTest, EncodesLowercase) {
  const uint8_t bytes[] = {0x00, 0x0f, 0xa5, 0xff};
  EXPECT_EQ(ToHex(bytes, sizeof(bytes)), "000fa5ff");
  EXPECT_EQ(ToHex(bytes, 0), "");
}

TEST(HexTest, DecodesEitherCase) {
  Result<std::string> decoded = FromHex("000FA5ff");
  ASSERT_THAT(decoded, IsOk());
  EXPECT_EQ(*decoded, std::string("\x00\x0f\xa5\xff", 4));
  EXPECT_THAT(FromHex(""), IsOk());
}

TEST(HexTest, RejectsOddLengthAndNonHexDigits) {
  EXPECT_THAT(FromHex("abc"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("odd length")));
  EXPECT_THAT(FromHex("0g"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("offset 1")));
  EXPECT_THAT(FromHex("zz"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("offset 0")));
  EXPECT_THAT(FromHex("0x12"), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(FromHex("12 4"), StatusIs(StatusCode::kInvalidArgument));
}

TEST(Sha256FileHexTest, HashesContents) {
  TempDir dir;
  WriteFile(dir.File("abc.txt"), "abc");
  WriteFile(dir.File("empty"), "");
  EXPECT_EQ(Sha256FileHex(dir.File("abc.txt")).value(), kAbcSha256);
  EXPECT_EQ(Sha256FileHex(dir.File("empty")).value(), kEmptySha256);
}

TEST(Sha256FileHexTest, HashesFilesLargerThanTheReadBuffer) {
  TempDir dir;
  std::string big(200'000, 'x');
  big[123'456] = 'y';
  WriteFile(dir.File("big"), big);
  EXPECT_EQ(Sha256FileHex(dir.File("big")).value(), Sha256Hex(big));
}

TEST(Sha256FileHexTest, MissingFileIsNotFoundNamingThePath) {
  TempDir dir;
  EXPECT_THAT(Sha256FileHex(dir.File("absent.csv")),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.csv")));
}

TEST(Sha256FileHexTest, DirectoryIsInvalidArgument) {
  TempDir dir;
  EXPECT_THAT(Sha256FileHex(dir.path()), StatusIs(StatusCode::kInvalidArgument));
}

TEST(Sha256FileHexTest, UnreadableFileIsPermissionDenied) {
  TempDir dir;
  WriteFile(dir.File("secret"), "abc");
  ASSERT_EQ(::chmod(dir.File("secret").c_str(), 0), 0);
  EXPECT_EQ(testing::RunUnprivileged([&] {
              Result<std::string> hash = Sha256FileHex(dir.File("secret"));
              return hash.status().code() == StatusCode::kPermissionDenied;
            }),
            "");
}

}  // namespace
}  // namespace tafkik
