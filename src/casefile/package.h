// The evidence package for a prosecutor or a foreign partner: one zip holding the evidence
// files, manifest.json (the case, the redaction applied, every member's SHA-256 and size),
// custody.json, audit.json (the audit events of the case) and signature.json (an Ed25519
// signature of the manifest by the workspace key); the zip's archive comment carries a second
// signature over every byte of the file before it. VerifyPackage needs nothing but the zip:
// a changed member changes its hash (listed in the signed manifest), a changed header or
// directory byte breaks the file signature. libzip stays in package.cc.
// Thread-compatible.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/signing.h"
#include "core/status.h"

namespace tafkik::casefile {

inline constexpr char kPackageFormat[] = "tafkik-evidence-package/1";

struct PackageFile {
  std::string name;         // path inside the zip: "evidence/E3-<sha256>"
  std::string source_path;  // where the bytes are read from (the blob)
  std::string sha256;       // what they must hash to
};

struct PackageContents {
  Json manifest = Json::object();  // case, created, redaction, evidence items, audit head
  Json custody = Json::array();
  Json audit = Json::array();
  std::vector<PackageFile> files;
};

// Writes the zip at `path` (through a temporary file renamed into place), signs it (manifest
// signature in signature.json; every byte before it in the zip's archive comment), then
// re-reads and verifies the whole package: a file that does not hash to its `sha256` is
// DataLoss naming it, and nothing is left behind (an altered file is never exported as if
// intact). AlreadyExists when `path` exists; Unavailable on I/O errors. Returns the SHA-256
// of the zip written.
Result<std::string> WritePackage(const std::string& path, const PackageContents& contents,
                                 const SigningKey& key);

struct PackageReport {
  bool ok = false;
  std::string public_key;      // the key that signed it (compare it with the sender's)
  std::string case_reference;
  int64_t files_checked = 0;   // members whose hash was checked
  std::vector<std::string> problems;  // one line each: "evidence/E1-...: SHA-256 mismatch"
  Json manifest;               // as read (null when unreadable)
};

// Checks a package with nothing else: the signature over manifest.json, every member against
// the manifest, no member missing or unlisted. When `expected_key` is set, the signer must be
// that key. NotFound when the file is missing; the problems found are in the report (ok
// false), never an error.
Result<PackageReport> VerifyPackage(const std::string& path,
                                    const std::optional<std::string>& expected_key);

// What the signature covers: "tafkik-evidence-package/1\n<SHA-256 of manifest.json>".
std::string PackageSigningMessage(const std::string& manifest_sha256);

Json ToJson(const PackageReport& report);

}  // namespace tafkik::casefile
