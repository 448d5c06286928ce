#include "store/blob_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/status_matchers.h"
#include "store/test_util.h"

namespace tafkik::store {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

constexpr char kEmptySha256[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every file under `dir`, relative, sorted: the store's layout as one string.
std::string Listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) names.push_back(entry.path().lexically_relative(dir).string());
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& name : names) out += name + "\n";
  return out;
}

// A reader over `bytes` handing out at most `step` bytes per call.
BlobStore::Reader ReaderOver(std::string bytes, size_t step) {
  auto offset = std::make_shared<size_t>(0);
  return [bytes = std::move(bytes), step, offset](char* buffer, size_t capacity) -> Result<size_t> {
    const size_t n = std::min({step, capacity, bytes.size() - *offset});
    std::copy_n(bytes.data() + *offset, n, buffer);
    *offset += n;
    return n;
  };
}

TEST(BlobStoreTest, PutFileStoresUnderTwoLevelFanOutWithItsSha256) {
  TempDir dir;
  WriteFile(dir.Sub("photo.jpg"), "jpeg bytes");
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());

  Result<std::string> hash = store->PutFile(dir.Sub("photo.jpg"));
  ASSERT_THAT(hash, IsOk());
  EXPECT_EQ(*hash, Sha256Hex("jpeg bytes"));
  EXPECT_EQ(Listing(dir.Sub("blobs")), hash->substr(0, 2) + "/" + hash->substr(2) + "\n");
  EXPECT_EQ(*store->PathOf(*hash), dir.Sub("blobs") + "/" + hash->substr(0, 2) + "/" +
                                       hash->substr(2));
  EXPECT_EQ(ReadFile(*store->PathOf(*hash)), "jpeg bytes");
  struct stat info;
  ASSERT_EQ(::stat(store->PathOf(*hash)->c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0400u) << "stored evidence is read-only";
}

TEST(BlobStoreTest, PutIsIdempotentAndLeavesNoTemporaryFiles) {
  TempDir dir;
  WriteFile(dir.Sub("a"), "same");
  WriteFile(dir.Sub("b"), "same");
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());
  Result<std::string> first = store->PutFile(dir.Sub("a"));
  Result<std::string> second = store->PutFile(dir.Sub("b"));
  Result<std::string> third = store->PutStream(ReaderOver("same", 1));
  ASSERT_THAT(first, IsOk());
  ASSERT_THAT(second, IsOk());
  ASSERT_THAT(third, IsOk());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(*first, *third);
  EXPECT_EQ(Listing(dir.Sub("blobs")), first->substr(0, 2) + "/" + first->substr(2) + "\n");
}

TEST(BlobStoreTest, PutStreamHashesManyChunksAndTheEmptyStream) {
  TempDir dir;
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());
  std::string big(300'000, '\0');
  for (size_t index = 0; index < big.size(); ++index) big[index] = static_cast<char>(index * 7);
  Result<std::string> hash = store->PutStream(ReaderOver(big, 70'001));
  ASSERT_THAT(hash, IsOk());
  EXPECT_EQ(*hash, Sha256Hex(big));
  EXPECT_EQ(ReadFile(*store->PathOf(*hash)), big);
  Result<std::string> empty = store->PutStream(ReaderOver("", 10));
  ASSERT_THAT(empty, IsOk());
  EXPECT_EQ(*empty, kEmptySha256);
  EXPECT_TRUE(store->Contains(kEmptySha256));
}

TEST(BlobStoreTest, ReaderErrorStoresNothing) {
  TempDir dir;
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());
  int calls = 0;
  BlobStore::Reader failing = [&calls](char* buffer, size_t) -> Result<size_t> {
    if (++calls == 1) {
      buffer[0] = 'x';
      return size_t{1};
    }
    return DataLossError("zip entry files/a.jpg: CRC error");
  };
  EXPECT_THAT(store->PutStream(failing), StatusIs(StatusCode::kDataLoss, HasSubstr("CRC")));
  EXPECT_EQ(Listing(dir.Sub("blobs")), "");
}

TEST(BlobStoreTest, VerifyDetectsAChangedFileAndNeverRepairsIt) {
  TempDir dir;
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());
  Result<std::string> hash = store->PutStream(ReaderOver("original", 3));
  ASSERT_THAT(hash, IsOk());
  EXPECT_THAT(store->Verify(*hash), IsOk());

  const std::string path = *store->PathOf(*hash);
  ::chmod(path.c_str(), 0600);
  WriteFile(path, "tampered");
  EXPECT_THAT(store->Verify(*hash),
              StatusIs(StatusCode::kDataLoss, HasSubstr(Sha256Hex("tampered"))));
  EXPECT_EQ(ReadFile(path), "tampered");
  // Putting the original again does not overwrite the changed file either.
  ASSERT_THAT(store->PutStream(ReaderOver("original", 3)), IsOk());
  EXPECT_EQ(ReadFile(path), "tampered");
}

TEST(BlobStoreTest, BadAndMissingHashesAndFiles) {
  TempDir dir;
  Result<BlobStore> store = BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(store, IsOk());
  EXPECT_THAT(store->Verify(kEmptySha256), StatusIs(StatusCode::kNotFound));
  EXPECT_FALSE(store->Contains(kEmptySha256));
  EXPECT_THAT(store->PathOf("abc"), StatusIs(StatusCode::kInvalidArgument, HasSubstr("abc")));
  EXPECT_THAT(store->Verify(std::string(64, 'g')), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(store->PutFile(dir.Sub("missing.jpg")),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.jpg")));
  std::string upper = kEmptySha256;
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(*store->PathOf(upper), *store->PathOf(kEmptySha256));
}

TEST(BlobStoreTest, OpenFailsWhenTheFolderCannotBeCreated) {
  TempDir dir;
  WriteFile(dir.Sub("file"), "x");
  EXPECT_THAT(BlobStore::Open(dir.Sub("file") + "/blobs"),
              StatusIs(StatusCode::kUnavailable, HasSubstr("blobs")));
}

}  // namespace
}  // namespace tafkik::store
