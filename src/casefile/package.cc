#include "casefile/package.h"

#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "core/hash.h"

namespace tafkik::casefile {
namespace {

constexpr char kManifest[] = "manifest.json";
constexpr char kSignature[] = "signature.json";
constexpr char kCustody[] = "custody.json";
constexpr char kAudit[] = "audit.json";

// The zip's archive comment carries a signature of every byte before it, so that a change
// anywhere in the file (headers and directory included, not only in members) is detected:
// "tafkik-package-signature/1 <public key hex> <signature hex>", fixed length.
constexpr char kFileTag[] = "tafkik-package-signature/1 ";
constexpr size_t kFileTagSize = sizeof(kFileTag) - 1;
constexpr size_t kCommentSize = kFileTagSize + 64 + 1 + 128;
constexpr size_t kEndRecordSize = 22;  // the end of central directory record, before its comment

std::string FileSigningMessage(const std::string& prefix_sha256) {
  return "tafkik-package-file/1\n" + prefix_sha256;
}

std::string ZipError(zip_t* archive) { return zip_strerror(archive); }

// SHA-256 hex of the first `length` bytes of the open file.
Result<std::string> HashPrefix(int fd, off_t length) {
  Sha256Hasher hasher;
  std::string buffer(1 << 16, '\0');
  for (off_t offset = 0; offset < length;) {
    size_t want = static_cast<size_t>(std::min<off_t>(buffer.size(), length - offset));
    ssize_t got = ::pread(fd, buffer.data(), want, offset);
    if (got <= 0) return UnavailableError("package: read error");
    hasher.Update(std::string_view(buffer.data(), got));
    offset += got;
  }
  Sha256Digest digest = hasher.Finish();
  return ToHex(digest.data(), digest.size());
}

// Replaces the placeholder comment at the end of the written zip by the file signature.
Status SealFile(const std::string& path, const SigningKey& key) {
  int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return UnavailableError("cannot reopen " + path);
  off_t size = ::lseek(fd, 0, SEEK_END);
  Status status = Status::Ok();
  if (size < static_cast<off_t>(kCommentSize + kEndRecordSize)) {
    status = InternalError("package: " + path + " is too short to carry its signature");
  } else {
    Result<std::string> prefix = HashPrefix(fd, size - kCommentSize);
    if (!prefix.ok()) {
      status = prefix.status();
    } else {
      std::string comment = kFileTag + key.PublicKeyHex() + " " +
                            key.SignHex(FileSigningMessage(*prefix));
      bool written = ::pwrite(fd, comment.data(), comment.size(), size - kCommentSize) ==
                     static_cast<ssize_t>(comment.size());
      if (!written || ::fsync(fd) != 0) status = UnavailableError("cannot write " + path);
    }
  }
  ::close(fd);
  return status;
}

// Checks the file signature in the archive comment.
void CheckFileSignature(const std::string& path, PackageReport& report) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    report.problems.push_back("the package cannot be read");
    return;
  }
  off_t size = ::lseek(fd, 0, SEEK_END);
  std::string tail(kCommentSize + kEndRecordSize, '\0');
  bool readable = size >= static_cast<off_t>(tail.size()) &&
                  ::pread(fd, tail.data(), tail.size(), size - tail.size()) ==
                      static_cast<ssize_t>(tail.size());
  std::string comment = readable ? tail.substr(kEndRecordSize) : "";
  bool framed = readable && tail.compare(0, 4, "PK\x05\x06") == 0 &&
                static_cast<unsigned char>(tail[20]) == (kCommentSize & 0xff) &&
                static_cast<unsigned char>(tail[21]) == (kCommentSize >> 8) &&
                comment.compare(0, kFileTagSize, kFileTag) == 0 &&
                comment[kFileTagSize + 64] == ' ';
  Result<std::string> prefix =
      framed ? HashPrefix(fd, size - kCommentSize) : Result<std::string>(DataLossError(""));
  ::close(fd);
  if (!framed || !prefix.ok()) {
    report.problems.push_back("the zip does not end with a Tafkik file signature");
    return;
  }
  std::string public_key = comment.substr(kFileTagSize, 64);
  std::string signature = comment.substr(kFileTagSize + 65);
  if (!VerifySignatureHex(public_key, FileSigningMessage(*prefix), signature)) {
    report.problems.push_back("the file signature does not verify: a byte of the zip was changed");
  }
  if (!report.public_key.empty() && public_key != report.public_key) {
    report.problems.push_back("the file and the manifest are signed by different keys");
  }
}

// Adds `bytes` (kept alive by the caller until zip_close) as `name`.
Status AddBuffer(zip_t* archive, const std::string& name, const std::string& bytes) {
  zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
  if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
    if (source != nullptr) zip_source_free(source);
    return UnavailableError("package: cannot add " + name + ": " + ZipError(archive));
  }
  return Status::Ok();
}

Status AddFile(zip_t* archive, const PackageFile& file) {
  zip_source_t* source = zip_source_file(archive, file.source_path.c_str(), 0, -1);
  zip_int64_t index = source == nullptr
                          ? -1
                          : zip_file_add(archive, file.name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    if (source != nullptr) zip_source_free(source);
    return UnavailableError("package: cannot add " + file.name + ": " + ZipError(archive));
  }
  // Evidence is mostly photos, videos and extractions that are compressed already: stored
  // as is, a package is written at disk speed and every byte stays where it was hashed.
  zip_set_file_compression(archive, index, ZIP_CM_STORE, 0);
  return Status::Ok();
}

Result<std::string> Pretty(const Json& value) {
  TAFKIK_RETURN_IF_ERROR(CanonicalJson(value).status());  // integers and UTF-8 only
  return value.dump(2) + "\n";
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

struct Member {
  std::string sha256;
  std::string bytes;  // kept for manifest.json and signature.json only
};

// Streams a member through SHA-256 (and libzip's CRC check).
Result<Member> ReadMember(zip_t* archive, zip_uint64_t index, const std::string& name) {
  zip_file_t* file = zip_fopen_index(archive, index, 0);
  if (file == nullptr) return DataLossError(name + ": cannot be opened: " + ZipError(archive));
  bool keep = name == kManifest || name == kSignature;
  Member member;
  Sha256Hasher hasher;
  char buffer[65536];
  zip_int64_t read = 0;
  while ((read = zip_fread(file, buffer, sizeof(buffer))) > 0) {
    hasher.Update(std::string_view(buffer, read));
    if (keep) member.bytes.append(buffer, read);
  }
  std::string error = read < 0 ? zip_file_strerror(file) : "";
  zip_fclose(file);
  if (read < 0) return DataLossError(name + ": " + error);
  Sha256Digest digest = hasher.Finish();
  member.sha256 = ToHex(digest.data(), digest.size());
  return member;
}

void CheckSignature(const std::map<std::string, Member>& members,
                    const std::optional<std::string>& expected_key, PackageReport& report) {
  auto manifest = members.find(kManifest);
  auto signature = members.find(kSignature);
  if (manifest == members.end() || signature == members.end()) {
    report.problems.push_back("manifest.json or signature.json is missing");
    return;
  }
  Result<Json> signed_body = ParseJson(signature->second.bytes);
  Result<Json> manifest_body = ParseJson(manifest->second.bytes);
  if (!signed_body.ok() || !signed_body->is_object() || !manifest_body.ok()) {
    report.problems.push_back("manifest.json or signature.json is not JSON");
    return;
  }
  report.manifest = *manifest_body;
  report.case_reference = report.manifest.value("/case/reference"_json_pointer, "");
  report.public_key = signed_body->value("public_key", "");
  std::string message = PackageSigningMessage(manifest->second.sha256);
  if (!VerifySignatureHex(report.public_key, message, signed_body->value("signature", ""))) {
    report.problems.push_back("signature.json: the signature of manifest.json does not verify");
  }
  if (expected_key && *expected_key != report.public_key) {
    report.problems.push_back("signed by key " + report.public_key + ", not the expected " +
                              *expected_key);
  }
}

void CheckMembers(const std::map<std::string, Member>& members, PackageReport& report) {
  if (!report.manifest.is_object() || !report.manifest.contains("members") ||
      !report.manifest["members"].is_array()) {
    report.problems.push_back("manifest.json lists no members");
    return;
  }
  std::set<std::string> listed = {kManifest, kSignature};
  for (const Json& member : report.manifest["members"]) {
    std::string name = member.value("name", "");
    std::string sha256 = member.value("sha256", "");
    listed.insert(name);
    auto found = members.find(name);
    if (found == members.end()) {
      report.problems.push_back(name + ": listed in the manifest but missing");
      continue;
    }
    ++report.files_checked;
    if (found->second.sha256 != sha256) {
      report.problems.push_back(name + ": SHA-256 " + found->second.sha256 +
                                " does not match the manifest's " + sha256);
    }
  }
  for (const auto& [name, bytes] : members) {
    if (!listed.count(name)) report.problems.push_back(name + ": not listed in the manifest");
  }
}

}  // namespace

std::string PackageSigningMessage(const std::string& manifest_sha256) {
  return std::string(kPackageFormat) + "\n" + manifest_sha256;
}

Result<std::string> WritePackage(const std::string& path, const PackageContents& contents,
                                 const SigningKey& key) {
  if (std::filesystem::exists(path)) return AlreadyExistsError(path + " exists already");
  std::vector<std::pair<std::string, std::string>> buffers;  // alive until zip_close
  TAFKIK_ASSIGN_OR_RETURN(std::string custody, Pretty(contents.custody));
  TAFKIK_ASSIGN_OR_RETURN(std::string audit, Pretty(contents.audit));
  buffers.emplace_back(kCustody, std::move(custody));
  buffers.emplace_back(kAudit, std::move(audit));
  Json manifest = contents.manifest;
  manifest["format"] = kPackageFormat;
  manifest["members"] = Json::array();
  for (const auto& [name, bytes] : buffers) {
    manifest["members"].push_back(
        Json{{"name", name}, {"sha256", Sha256Hex(bytes)}, {"size", bytes.size()}});
  }
  for (const PackageFile& file : contents.files) {
    std::error_code size_error;
    auto size = std::filesystem::file_size(file.source_path, size_error);
    manifest["members"].push_back(
        Json{{"name", file.name}, {"sha256", file.sha256}, {"size", size_error ? 0 : size}});
  }
  TAFKIK_ASSIGN_OR_RETURN(std::string manifest_text, Pretty(manifest));
  Json signature{{"format", kPackageFormat},
                 {"public_key", key.PublicKeyHex()},
                 {"signed", "SHA-256 of manifest.json"},
                 {"signature", key.SignHex(PackageSigningMessage(Sha256Hex(manifest_text)))}};
  TAFKIK_ASSIGN_OR_RETURN(std::string signature_text, Pretty(signature));
  buffers.emplace_back(kManifest, std::move(manifest_text));
  buffers.emplace_back(kSignature, std::move(signature_text));

  std::string temporary = path + ".partial";
  std::filesystem::remove(temporary);
  int error = 0;
  zip_t* archive = zip_open(temporary.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
  if (archive == nullptr) return UnavailableError("cannot create " + temporary);
  Status added = Status::Ok();
  for (const auto& [name, bytes] : buffers) {
    if (added.ok()) added = AddBuffer(archive, name, bytes);
  }
  for (const PackageFile& file : contents.files) {
    if (added.ok()) added = AddFile(archive, file);
  }
  std::string placeholder = kFileTag + std::string(64, '0') + " " + std::string(128, '0');
  if (added.ok() && zip_set_archive_comment(archive, placeholder.data(),
                                            static_cast<zip_uint16_t>(placeholder.size())) < 0) {
    added = UnavailableError("package: cannot set the archive comment: " + ZipError(archive));
  }
  if (!added.ok()) {
    zip_discard(archive);
    return added;
  }
  if (zip_close(archive) != 0) {
    std::string message = ZipError(archive);
    zip_discard(archive);
    std::filesystem::remove(temporary);
    return UnavailableError("cannot write " + path + ": " + message);
  }
  TAFKIK_RETURN_IF_ERROR(SealFile(temporary, key));
  // The package is re-read whole: an evidence file whose bytes differ from its recorded hash
  // (altered before or while it was copied) fails here, and nothing is left behind.
  TAFKIK_ASSIGN_OR_RETURN(PackageReport check, VerifyPackage(temporary, key.PublicKeyHex()));
  if (!check.ok) {
    std::filesystem::remove(temporary);
    return DataLossError("package not written, it did not verify: " + check.problems.front() +
                         " (an altered evidence file is never exported)");
  }
  std::error_code rename_error;
  std::filesystem::rename(temporary, path, rename_error);
  if (rename_error) return UnavailableError("cannot write " + path + ": " + rename_error.message());
  return Sha256FileHex(path);
}

Result<PackageReport> VerifyPackage(const std::string& path,
                                    const std::optional<std::string>& expected_key) {
  if (!std::filesystem::exists(path)) return NotFoundError("no such file: " + path);
  PackageReport report;
  int error = 0;
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_error_t zip_error;
    zip_error_init_with_code(&zip_error, error);
    report.problems.push_back(std::string("not a readable zip: ") + zip_error_strerror(&zip_error));
    zip_error_fini(&zip_error);
    return report;
  }
  std::map<std::string, Member> members;
  zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t index = 0; index < count; ++index) {
    const char* name = zip_get_name(archive.get(), index, ZIP_FL_ENC_GUESS);
    std::string member = name != nullptr ? name : "#" + std::to_string(index);
    Result<Member> bytes = ReadMember(archive.get(), index, member);
    if (!bytes.ok()) {
      report.problems.push_back(bytes.status().message());
      continue;
    }
    if (!members.emplace(member, std::move(bytes).value()).second) {
      report.problems.push_back(member + ": present twice");
    }
  }
  CheckSignature(members, expected_key, report);
  CheckMembers(members, report);
  CheckFileSignature(path, report);
  report.ok = report.problems.empty();
  return report;
}

Json ToJson(const PackageReport& report) {
  Json problems = Json::array();
  for (const std::string& problem : report.problems) problems.push_back(problem);
  return Json{{"ok", report.ok},
              {"case", report.case_reference},
              {"public_key", report.public_key},
              {"files_checked", report.files_checked},
              {"problems", problems}};
}

}  // namespace tafkik::casefile
