// A workspace is a folder: tafkik.db (the SQLite store), blobs/ (evidence files by SHA-256),
// keys/ (the workspace's Ed25519 signing key, mode 0600). Functions are thread-safe.
#pragma once

#include <string>

#include "core/status.h"
#include "core/signing.h"

namespace tafkik::store {

struct WorkspacePaths {
  std::string root;
  std::string database;     // root/tafkik.db
  std::string blobs;        // root/blobs
  std::string signing_key;  // root/keys/workspace.ed25519
  std::string public_key;   // root/keys/workspace.pub
};

WorkspacePaths PathsOf(const std::string& root);

struct OpenOptions {
  // Apply migrations up to this version (default: all). Tests use it to build an older
  // workspace and then open it with the current code.
  int max_schema_version = -1;
  // Create the workspace if the folder has none (default false: NotFound / FailedPrecondition).
  bool create = false;
  // Who creates or upgrades it: the actor of the workspace.create / workspace.migrate events.
  std::string actor = "tafkik";
};

// Creates root/, blobs/ and keys/ (mode 0700) and a new signing key when none exists; loads
// the key otherwise. PermissionDenied when the key file is readable by others.
Result<SigningKey> LoadOrCreateSigningKey(const WorkspacePaths& paths, bool create);

}  // namespace tafkik::store
