#include "core/signing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "core/status_matchers.h"

namespace tafkik {
namespace {

using ::testing::HasSubstr;

// RFC 8032 section 7.1, test 1: the secret key file holds seed then public key.
constexpr char kRfcSeedHex[] = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
constexpr char kRfcPublicHex[] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
constexpr char kRfcEmptyMessageSignatureHex[] =
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b4"
    "6bd25bf5f0595bbe24655141438e7a100b";

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tafkik_signing_test_XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(std::string_view name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

void WriteKeyFile(const std::string& path, const std::string& contents, mode_t mode) {
  std::ofstream(path, std::ios::binary) << contents;
  ::chmod(path.c_str(), mode);
}

mode_t ModeOf(const std::string& path) {
  struct stat info;
  return ::stat(path.c_str(), &info) == 0 ? (info.st_mode & 07777) : 0;
}

TEST(SigningKeyTest, SignsAndVerifies) {
  SigningKey key = SigningKey::Generate();
  std::string signature = key.SignHex("checkpoint 42: 1f2e...");
  EXPECT_EQ(key.PublicKeyHex().size(), 64u);
  EXPECT_EQ(signature.size(), 128u);
  EXPECT_TRUE(VerifySignatureHex(key.PublicKeyHex(), "checkpoint 42: 1f2e...", signature));
}

TEST(SigningKeyTest, GeneratedKeysDiffer) {
  EXPECT_NE(SigningKey::Generate().PublicKeyHex(), SigningKey::Generate().PublicKeyHex());
}

TEST(VerifySignatureHexTest, RejectsTamperingAndOtherKeys) {
  SigningKey key = SigningKey::Generate();
  std::string signature = key.SignHex("index 7");
  EXPECT_FALSE(VerifySignatureHex(key.PublicKeyHex(), "index 8", signature));
  EXPECT_FALSE(VerifySignatureHex(SigningKey::Generate().PublicKeyHex(), "index 7", signature));
  std::string flipped = signature;
  flipped[10] = flipped[10] == '0' ? '1' : '0';
  EXPECT_FALSE(VerifySignatureHex(key.PublicKeyHex(), "index 7", flipped));
}

TEST(VerifySignatureHexTest, RejectsMalformedHex) {
  SigningKey key = SigningKey::Generate();
  std::string signature = key.SignHex("m");
  EXPECT_FALSE(VerifySignatureHex(key.PublicKeyHex(), "m", signature.substr(2)));
  EXPECT_FALSE(VerifySignatureHex(key.PublicKeyHex().substr(2), "m", signature));
  EXPECT_FALSE(VerifySignatureHex("zz" + key.PublicKeyHex().substr(2), "m", signature));
  EXPECT_FALSE(VerifySignatureHex("", "m", ""));
}

TEST(SigningKeyTest, LoadsRfc8032KeyAndReproducesItsSignature) {
  TempDir dir;
  std::string path = dir.File("rfc.key");
  WriteKeyFile(path, std::string(kRfcSeedHex) + kRfcPublicHex + "\n", 0600);
  Result<SigningKey> key = SigningKey::Load(path);
  ASSERT_THAT(key, IsOk());
  EXPECT_EQ(key->PublicKeyHex(), kRfcPublicHex);
  EXPECT_EQ(key->SignHex(""), kRfcEmptyMessageSignatureHex);
  EXPECT_TRUE(VerifySignatureHex(kRfcPublicHex, "", kRfcEmptyMessageSignatureHex));
}

TEST(SigningKeyTest, SaveWritesOwnerOnlyHexAndLoadRestoresTheKey) {
  TempDir dir;
  std::string path = dir.File("workspace.key");
  SigningKey key = SigningKey::Generate();
  ASSERT_THAT(key.Save(path), IsOk());
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(std::filesystem::file_size(path), 129u);
  Result<SigningKey> loaded = SigningKey::Load(path);
  ASSERT_THAT(loaded, IsOk());
  EXPECT_EQ(loaded->PublicKeyHex(), key.PublicKeyHex());
  EXPECT_TRUE(VerifySignatureHex(key.PublicKeyHex(), "m", loaded->SignHex("m")));
}

TEST(SigningKeyTest, SaveNeverOverwrites) {
  TempDir dir;
  std::string path = dir.File("workspace.key");
  SigningKey first = SigningKey::Generate();
  ASSERT_THAT(first.Save(path), IsOk());
  EXPECT_THAT(SigningKey::Generate().Save(path),
              StatusIs(StatusCode::kAlreadyExists, HasSubstr("workspace.key")));
  EXPECT_EQ(SigningKey::Load(path)->PublicKeyHex(), first.PublicKeyHex());
}

TEST(SigningKeyTest, SaveIntoMissingDirectoryIsNotFound) {
  TempDir dir;
  EXPECT_THAT(SigningKey::Generate().Save(dir.File("no/such/dir/key")),
              StatusIs(StatusCode::kNotFound));
}

TEST(SigningKeyTest, LoadMissingFileIsNotFound) {
  TempDir dir;
  EXPECT_THAT(SigningKey::Load(dir.File("absent.key")),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.key")));
}

TEST(SigningKeyTest, LoadRefusesKeysOthersCanAccess) {
  TempDir dir;
  std::string contents = std::string(kRfcSeedHex) + kRfcPublicHex + "\n";
  for (mode_t mode : {0640, 0604, 0620, 0602, 0660, 0644}) {
    std::string path = dir.File("key" + std::to_string(mode));
    WriteKeyFile(path, contents, mode);
    EXPECT_THAT(SigningKey::Load(path),
                StatusIs(StatusCode::kPermissionDenied, HasSubstr("chmod 600")))
        << std::oct << mode;
  }
  std::string owner_read_only = dir.File("key0400");
  WriteKeyFile(owner_read_only, contents, 0400);
  EXPECT_THAT(SigningKey::Load(owner_read_only), IsOk());
}

TEST(SigningKeyTest, LoadDetectsDamagedFiles) {
  TempDir dir;
  std::string good = std::string(kRfcSeedHex) + kRfcPublicHex;
  std::string other_public = std::string(kRfcPublicHex);
  other_public[0] = 'e';
  const std::pair<const char*, std::string> damaged[] = {
      {"empty", ""},
      {"no-newline", good},
      {"truncated", good.substr(0, 100) + "\n"},
      {"extra", good + "00\n"},
      {"trailing", good + "\n\n"},
      {"not-hex", "zz" + good.substr(2) + "\n"},
      {"mismatched-public-half", std::string(kRfcSeedHex) + other_public + "\n"},
  };
  for (const auto& [name, contents] : damaged) {
    WriteKeyFile(dir.File(name), contents, 0600);
    EXPECT_THAT(SigningKey::Load(dir.File(name)), StatusIs(StatusCode::kDataLoss)) << name;
  }
}

TEST(SigningKeyTest, LoadRefusesADirectory) {
  TempDir dir;
  std::filesystem::create_directory(dir.File("keys"));
  ::chmod(dir.File("keys").c_str(), 0700);
  EXPECT_THAT(SigningKey::Load(dir.File("keys")), StatusIs(StatusCode::kDataLoss));
}

TEST(SigningKeyTest, MoveTransfersTheKey) {
  SigningKey original = SigningKey::Generate();
  std::string public_key = original.PublicKeyHex();
  SigningKey moved(std::move(original));
  EXPECT_EQ(moved.PublicKeyHex(), public_key);
  SigningKey assigned = SigningKey::Generate();
  assigned = std::move(moved);
  EXPECT_EQ(assigned.PublicKeyHex(), public_key);
}

TEST(SigningKeyDeathTest, UsingAMovedFromKeyIsAProgrammingError) {
  SigningKey original = SigningKey::Generate();
  SigningKey moved(std::move(original));
  EXPECT_DEATH(original.SignHex("m"), "moved from");  // NOLINT(bugprone-use-after-move)
}

}  // namespace
}  // namespace tafkik
