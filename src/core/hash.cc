#include "core/hash.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/internal/sodium.h"
#include "core/internal/unique_fd.h"

namespace tafkik {

namespace internal {
void EnsureSodiumInitialized() {
  // A function-local static is initialised exactly once even when threads race.
  static const int result = sodium_init();
  TAFKIK_CHECK(result >= 0, "libsodium failed to initialise");
}
}  // namespace internal

Sha256Digest Sha256(std::string_view data) {
  internal::EnsureSodiumInitialized();
  Sha256Digest digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()),
                     data.size());
  return digest;
}

std::string Sha256Hex(std::string_view data) {
  Sha256Digest digest = Sha256(data);
  return ToHex(digest.data(), digest.size());
}

std::string ToHex(const uint8_t* data, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(size * 2, '\0');
  for (size_t byte_idx = 0; byte_idx < size; ++byte_idx) {
    out[2 * byte_idx] = kDigits[data[byte_idx] >> 4];
    out[2 * byte_idx + 1] = kDigits[data[byte_idx] & 0xf];
  }
  return out;
}

namespace {

// -1 for a character that is not a hex digit.
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return InvalidArgumentError("hex string has odd length " + std::to_string(hex.size()));
  }
  std::string out(hex.size() / 2, '\0');
  for (size_t pos = 0; pos < hex.size(); pos += 2) {
    int high = HexValue(hex[pos]);
    int low = HexValue(hex[pos + 1]);
    if (high < 0 || low < 0) {
      return InvalidArgumentError("not a hex digit at offset " +
                                  std::to_string(high < 0 ? pos : pos + 1));
    }
    out[pos / 2] = static_cast<char>((high << 4) | low);
  }
  return out;
}

struct Sha256Hasher::State {
  crypto_hash_sha256_state sodium_state;
};

Sha256Hasher::Sha256Hasher() : state_(std::make_unique<State>()) {
  internal::EnsureSodiumInitialized();
  crypto_hash_sha256_init(&state_->sodium_state);
}

Sha256Hasher::~Sha256Hasher() = default;

void Sha256Hasher::Update(std::string_view data) {
  crypto_hash_sha256_update(&state_->sodium_state,
                            reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

Sha256Digest Sha256Hasher::Finish() {
  Sha256Digest digest;
  crypto_hash_sha256_final(&state_->sodium_state, digest.data());
  return digest;
}

namespace {

// Maps an errno from open/read to the most specific code, naming the path.
Status FileError(const std::string& path, const char* action, int error) {
  std::string message = "cannot " + std::string(action) + " " + path + ": " + std::strerror(error);
  switch (error) {
    case ENOENT:
    case ENOTDIR:
      return NotFoundError(std::move(message));
    case EACCES:
    case EPERM:
      return PermissionDeniedError(std::move(message));
    case EISDIR:
      return InvalidArgumentError(std::move(message));
    default:
      return UnavailableError(std::move(message));
  }
}

Status HashDescriptor(int fd, const std::string& path, Sha256Hasher& hasher) {
  char buffer[1 << 16];
  while (true) {
    ssize_t count = ::read(fd, buffer, sizeof(buffer));
    if (count == 0) return Status::Ok();
    if (count < 0) {
      if (errno == EINTR) continue;
      return FileError(path, "read", errno);
    }
    hasher.Update(std::string_view(buffer, static_cast<size_t>(count)));
  }
}

}  // namespace

Result<std::string> Sha256FileHex(const std::string& path) {
  internal::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return FileError(path, "open", errno);
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) return FileError(path, "stat", errno);
  // A directory opens fine on Linux and only fails at read; say so plainly.
  if (S_ISDIR(info.st_mode)) return FileError(path, "hash", EISDIR);
  Sha256Hasher hasher;
  TAFKIK_RETURN_IF_ERROR(HashDescriptor(fd.get(), path, hasher));
  Sha256Digest digest = hasher.Finish();
  return ToHex(digest.data(), digest.size());
}

}  // namespace tafkik
