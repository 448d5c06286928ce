#include "store/workspace.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace tafkik::store {
namespace {

Status MakePrivateDirectory(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) == 0 || errno == EEXIST) return Status::Ok();
  return UnavailableError("cannot create folder " + path + ": " + std::strerror(errno));
}

Status WritePublicKey(const std::string& path, const std::string& public_key_hex) {
  std::ofstream out(path, std::ios::trunc);
  out << public_key_hex << "\n";
  if (!out.good()) return UnavailableError("cannot write " + path);
  return Status::Ok();
}

}  // namespace

WorkspacePaths PathsOf(const std::string& root) {
  WorkspacePaths paths;
  paths.root = root;
  paths.database = root + "/tafkik.db";
  paths.blobs = root + "/blobs";
  paths.signing_key = root + "/keys/workspace.ed25519";
  paths.public_key = root + "/keys/workspace.pub";
  return paths;
}

Result<SigningKey> LoadOrCreateSigningKey(const WorkspacePaths& paths, bool create) {
  Result<SigningKey> existing = SigningKey::Load(paths.signing_key);
  if (existing.ok() || existing.status().code() != StatusCode::kNotFound || !create) {
    return existing;
  }
  TAFKIK_RETURN_IF_ERROR(MakePrivateDirectory(paths.root));
  TAFKIK_RETURN_IF_ERROR(MakePrivateDirectory(paths.blobs));
  TAFKIK_RETURN_IF_ERROR(MakePrivateDirectory(paths.root + "/keys"));
  SigningKey key = SigningKey::Generate();
  TAFKIK_RETURN_IF_ERROR(key.Save(paths.signing_key));
  TAFKIK_RETURN_IF_ERROR(WritePublicKey(paths.public_key, key.PublicKeyHex()));
  return key;
}

}  // namespace tafkik::store
