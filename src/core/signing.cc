#include "core/signing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/hash.h"
#include "core/internal/sodium.h"
#include "core/internal/unique_fd.h"

namespace tafkik {

namespace {

constexpr size_t kSecretBytes = crypto_sign_ed25519_SECRETKEYBYTES;  // 64
constexpr size_t kPublicBytes = crypto_sign_ed25519_PUBLICKEYBYTES;  // 32
constexpr size_t kSignatureBytes = crypto_sign_ed25519_BYTES;        // 64
// Hex of the secret plus a newline; anything else in the file means it was damaged.
constexpr size_t kKeyFileBytes = 2 * kSecretBytes + 1;

const unsigned char* Bytes(const std::string& data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

// Overwrites a buffer that held secret material before its memory is released, including
// bytes past size() that an earlier shrink left behind.
void Wipe(std::string& secret) {
  secret.resize(secret.capacity());
  sodium_memzero(secret.data(), secret.size());
  secret.clear();
}

// The key file's text, encoded in place so no unwiped temporary copy of the secret exists.
std::string EncodeKeyFile(const std::string& secret) {
  std::string contents(kKeyFileBytes + 1, '\0');  // sodium_bin2hex adds a NUL
  sodium_bin2hex(contents.data(), contents.size(), Bytes(secret), secret.size());
  contents[kKeyFileBytes - 1] = '\n';
  contents.resize(kKeyFileBytes);
  return contents;
}

Status KeyFileError(const std::string& path, const char* action, int error) {
  std::string message =
      "cannot " + std::string(action) + " key file " + path + ": " + std::strerror(error);
  switch (error) {
    case EEXIST:
      return AlreadyExistsError(std::move(message));
    case ENOENT:
    case ENOTDIR:
      return NotFoundError(std::move(message));
    case EACCES:
    case EPERM:
      return PermissionDeniedError(std::move(message));
    default:
      return UnavailableError(std::move(message));
  }
}

Status WriteAll(int fd, const std::string& data, const std::string& path) {
  size_t written = 0;
  while (written < data.size()) {
    ssize_t count = ::write(fd, data.data() + written, data.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return KeyFileError(path, "write", errno);
    written += static_cast<size_t>(count);
  }
  if (::fsync(fd) != 0) return KeyFileError(path, "sync", errno);
  return Status::Ok();
}

// Makes the new directory entry durable: without it a crash can lose a key whose file
// contents were already synced.
Status SyncParentDirectory(const std::string& path) {
  std::string parent = std::filesystem::path(path).parent_path().string();
  if (parent.empty()) parent = ".";
  internal::UniqueFd dir(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return KeyFileError(path, "open the directory of", errno);
  if (::fsync(dir.get()) != 0) return KeyFileError(path, "sync the directory of", errno);
  return Status::Ok();
}

// Reads at most `limit` bytes; a longer file is damaged anyway and need not be read whole.
Status ReadUpTo(int fd, size_t limit, const std::string& path, std::string& out) {
  out.assign(limit, '\0');
  size_t filled = 0;
  while (filled < limit) {
    ssize_t count = ::read(fd, out.data() + filled, limit - filled);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return KeyFileError(path, "read", errno);
    if (count == 0) break;
    filled += static_cast<size_t>(count);
  }
  out.resize(filled);
  return Status::Ok();
}

// Refuses anything but a regular file that only its owner can access: a key that others
// could read may have been copied, one they could write may have been replaced.
Status CheckKeyFileMode(int fd, const std::string& path) {
  struct stat info;
  if (::fstat(fd, &info) != 0) return KeyFileError(path, "stat", errno);
  if (!S_ISREG(info.st_mode)) return DataLossError("key file " + path + " is not a regular file");
  if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return PermissionDeniedError("key file " + path +
                                 " is accessible by group or others; chmod 600 it");
  }
  return Status::Ok();
}

// The last 32 bytes of a libsodium secret key are the public key of its seed; a mismatch
// means the file was damaged or edited.
bool SecretIsConsistent(const std::string& secret) {
  unsigned char seed[crypto_sign_ed25519_SEEDBYTES];
  unsigned char public_key[kPublicBytes];
  unsigned char derived_secret[kSecretBytes];
  crypto_sign_ed25519_sk_to_seed(seed, Bytes(secret));
  crypto_sign_ed25519_seed_keypair(public_key, derived_secret, seed);
  bool consistent = sodium_memcmp(derived_secret, Bytes(secret), kSecretBytes) == 0;
  sodium_memzero(seed, sizeof(seed));
  sodium_memzero(derived_secret, sizeof(derived_secret));
  return consistent;
}

// Decodes the key file's text into the 64-byte secret, or DataLoss naming the path.
Result<std::string> DecodeKeyFile(std::string& contents, const std::string& path) {
  if (contents.size() != kKeyFileBytes || contents.back() != '\n') {
    return DataLossError("key file " + path + " has " + std::to_string(contents.size()) +
                         " bytes, expected " + std::to_string(kKeyFileBytes));
  }
  Result<std::string> secret = FromHex(std::string_view(contents).substr(0, contents.size() - 1));
  if (!secret.ok()) return DataLossError("key file " + path + " is not hex");
  if (!SecretIsConsistent(*secret)) {
    Wipe(*secret);
    return DataLossError("key file " + path + " holds an inconsistent Ed25519 key");
  }
  return secret;
}

}  // namespace

SigningKey::SigningKey() { internal::EnsureSodiumInitialized(); }

SigningKey::~SigningKey() { Wipe(secret_); }

SigningKey::SigningKey(SigningKey&& other) noexcept : secret_(std::move(other.secret_)) {
  Wipe(other.secret_);
}

SigningKey& SigningKey::operator=(SigningKey&& other) noexcept {
  if (this == &other) return *this;
  Wipe(secret_);
  secret_ = std::move(other.secret_);
  Wipe(other.secret_);
  return *this;
}

SigningKey SigningKey::Generate() {
  SigningKey key;
  unsigned char public_key[kPublicBytes];
  key.secret_.assign(kSecretBytes, '\0');
  crypto_sign_ed25519_keypair(public_key, reinterpret_cast<unsigned char*>(key.secret_.data()));
  return key;
}

Result<SigningKey> SigningKey::Load(const std::string& path) {
  internal::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return KeyFileError(path, "open", errno);
  TAFKIK_RETURN_IF_ERROR(CheckKeyFileMode(fd.get(), path));
  std::string contents;
  Status read_status = ReadUpTo(fd.get(), kKeyFileBytes + 1, path, contents);
  Result<std::string> secret =
      read_status.ok() ? DecodeKeyFile(contents, path) : Result<std::string>(read_status);
  Wipe(contents);
  if (!secret.ok()) return secret.status();
  SigningKey key;
  key.secret_ = std::move(secret).value();
  return key;
}

Status SigningKey::Save(const std::string& path) const {
  TAFKIK_CHECK(secret_.size() == kSecretBytes, "SigningKey used after it was moved from");
  // O_EXCL: never overwrite a key, whose loss would orphan every checkpoint it signed.
  internal::UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) return KeyFileError(path, "create", errno);
  std::string contents = EncodeKeyFile(secret_);
  Status status = WriteAll(fd.get(), contents, path);
  Wipe(contents);
  // A half-written key would make the next Load fail with DataLoss; remove it instead.
  if (!status.ok()) {
    ::unlink(path.c_str());
    return status;
  }
  return SyncParentDirectory(path);
}

std::string SigningKey::PublicKeyHex() const {
  TAFKIK_CHECK(secret_.size() == kSecretBytes, "SigningKey used after it was moved from");
  unsigned char public_key[kPublicBytes];
  crypto_sign_ed25519_sk_to_pk(public_key, Bytes(secret_));
  return ToHex(public_key, sizeof(public_key));
}

std::string SigningKey::SignHex(std::string_view message) const {
  TAFKIK_CHECK(secret_.size() == kSecretBytes, "SigningKey used after it was moved from");
  unsigned char signature[kSignatureBytes];
  crypto_sign_ed25519_detached(signature, nullptr,
                               reinterpret_cast<const unsigned char*>(message.data()),
                               message.size(), Bytes(secret_));
  return ToHex(signature, sizeof(signature));
}

bool VerifySignatureHex(std::string_view public_key_hex, std::string_view message,
                        std::string_view signature_hex) {
  internal::EnsureSodiumInitialized();
  Result<std::string> public_key = FromHex(public_key_hex);
  Result<std::string> signature = FromHex(signature_hex);
  if (!public_key.ok() || public_key->size() != kPublicBytes) return false;
  if (!signature.ok() || signature->size() != kSignatureBytes) return false;
  return crypto_sign_ed25519_verify_detached(Bytes(*signature),
                                             reinterpret_cast<const unsigned char*>(message.data()),
                                             message.size(), Bytes(*public_key)) == 0;
}

}  // namespace tafkik
