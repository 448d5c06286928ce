#include "store/blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/hash.h"

namespace tafkik::store {
namespace {

constexpr size_t kChunkSize = 1 << 16;

std::string Describe(const std::string& what, const std::string& path) {
  return what + " '" + path + "': " + std::strerror(errno);
}

// Closes a descriptor and removes the temporary file unless released.
class TempFile {
 public:
  TempFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  Status Close() {
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0) return UnavailableError(Describe("cannot close", path_));
    return Status::Ok();
  }
  void Release() { path_.clear(); }

 private:
  int fd_;
  std::string path_;
};

Status FsyncDirectory(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return UnavailableError(Describe("cannot open folder", dir));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return UnavailableError(Describe("cannot sync folder", dir));
  return Status::Ok();
}

// Creates `dir` when missing; syncs `parent` when it did, so the new folder survives a crash.
Status EnsureDirectory(const std::string& dir, const std::string& parent) {
  if (::mkdir(dir.c_str(), 0700) == 0) return parent.empty() ? Status::Ok() : FsyncDirectory(parent);
  if (errno == EEXIST) return Status::Ok();
  return UnavailableError(Describe("cannot create folder", dir));
}

Status WriteAll(int fd, const char* data, size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return UnavailableError(Describe("cannot write", path));
    data += written;
    size -= static_cast<size_t>(written);
  }
  return Status::Ok();
}

Result<std::string> NormalizedHash(const std::string& sha256) {
  if (sha256.size() != 64) {
    return InvalidArgumentError("'" + sha256 + "' is not a SHA-256 (64 hex digits)");
  }
  std::string lower = sha256;
  for (char& c : lower) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) {
      return InvalidArgumentError("'" + sha256 + "' is not a SHA-256 (64 hex digits)");
    }
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

Status ErrnoOpenStatus(const std::string& path) {
  if (errno == ENOENT) return NotFoundError(Describe("cannot open", path));
  if (errno == EACCES) return PermissionDeniedError(Describe("cannot open", path));
  return UnavailableError(Describe("cannot open", path));
}

}  // namespace

Result<BlobStore> BlobStore::Open(const std::string& blobs_dir) {
  TAFKIK_RETURN_IF_ERROR(EnsureDirectory(blobs_dir, ""));
  return BlobStore(blobs_dir);
}

Result<std::string> BlobStore::PathOf(const std::string& sha256) const {
  TAFKIK_ASSIGN_OR_RETURN(std::string hash, NormalizedHash(sha256));
  return root_ + "/" + hash.substr(0, 2) + "/" + hash.substr(2);
}

bool BlobStore::Contains(const std::string& sha256) const {
  Result<std::string> path = PathOf(sha256);
  struct stat info;
  return path.ok() && ::stat(path->c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

Result<std::string> BlobStore::PutFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ErrnoOpenStatus(path);
  Reader reader = [fd, &path](char* buffer, size_t capacity) -> Result<size_t> {
    while (true) {
      const ssize_t got = ::read(fd, buffer, capacity);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return UnavailableError(Describe("cannot read", path));
    }
  };
  Result<std::string> hash = PutStream(reader);
  ::close(fd);
  return hash;
}

Result<std::string> BlobStore::PutStream(const Reader& reader) {
  std::string pattern = root_ + "/.incoming-XXXXXX";
  const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) return UnavailableError(Describe("cannot create a temporary file in", root_));
  TempFile temp(fd, pattern);

  Sha256Hasher hasher;
  std::vector<char> buffer(kChunkSize);
  while (true) {
    TAFKIK_ASSIGN_OR_RETURN(size_t got, reader(buffer.data(), buffer.size()));
    if (got == 0) break;
    hasher.Update(std::string_view(buffer.data(), got));
    TAFKIK_RETURN_IF_ERROR(WriteAll(temp.fd(), buffer.data(), got, temp.path()));
  }
  const Sha256Digest digest = hasher.Finish();
  const std::string hash = ToHex(digest.data(), digest.size());

  if (::fchmod(temp.fd(), 0400) != 0 || ::fsync(temp.fd()) != 0) {
    return UnavailableError(Describe("cannot sync", temp.path()));
  }
  TAFKIK_RETURN_IF_ERROR(temp.Close());

  const std::string fan_out = root_ + "/" + hash.substr(0, 2);
  TAFKIK_RETURN_IF_ERROR(EnsureDirectory(fan_out, root_));
  TAFKIK_ASSIGN_OR_RETURN(const std::string target, PathOf(hash));
  if (Contains(hash)) return hash;  // the temporary file is removed by ~TempFile
  // rename() replaces atomically: a concurrent Put of the same bytes leaves one good copy.
  if (::rename(temp.path().c_str(), target.c_str()) != 0) {
    return UnavailableError(Describe("cannot rename into", target));
  }
  temp.Release();
  TAFKIK_RETURN_IF_ERROR(FsyncDirectory(fan_out));
  return hash;
}

Status BlobStore::Verify(const std::string& sha256) const {
  TAFKIK_ASSIGN_OR_RETURN(const std::string expected, NormalizedHash(sha256));
  TAFKIK_ASSIGN_OR_RETURN(const std::string path, PathOf(expected));
  if (!Contains(expected)) return NotFoundError("no blob " + expected + " in " + root_);
  TAFKIK_ASSIGN_OR_RETURN(const std::string actual, Sha256FileHex(path));
  if (actual != expected) {
    return DataLossError("blob " + path + " was changed: its bytes hash to " + actual +
                         ", not " + expected);
  }
  return Status::Ok();
}

}  // namespace tafkik::store
