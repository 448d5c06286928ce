// An XLSX file's two layers: the zip archive (libzip) and the XML parts inside it, parsed
// by expat a chunk at a time so that a worksheet is never whole in memory. Element and
// attribute names are given without their namespace prefix ("x:row" -> "row"), as writers
// differ in the prefixes they use. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

struct zip;
struct zip_file;
struct XML_ParserStruct;

namespace tafkik::readers::internal {

class ZipArchive {
 public:
  // NotFound / PermissionDenied naming the path; InvalidArgument when it is not a zip.
  static Result<std::unique_ptr<ZipArchive>> Open(const std::string& path);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool Has(const std::string& part) const;
  const std::string& path() const { return path_; }
  zip* handle() const { return zip_; }

 private:
  ZipArchive(zip* archive, std::string path) : zip_(archive), path_(std::move(path)) {}
  zip* zip_;
  std::string path_;
};

// The value of the attribute named `local_name` (any prefix) in expat's null-terminated
// name/value array, or "" when absent.
std::string_view Attribute(const char** attributes, std::string_view local_name);

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void StartElement(std::string_view name, const char** attributes) = 0;
  virtual void EndElement(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;
};

class XmlPart {
 public:
  // Opens `part` of `archive` for parsing into `handler` (both must outlive this).
  // InvalidArgument naming the file and the part when it is missing.
  static Result<std::unique_ptr<XmlPart>> Open(const ZipArchive& archive, const std::string& part,
                                               XmlHandler& handler);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Parses the next chunk; false once the whole part is parsed. InvalidArgument naming the
  // file, the part and the line on malformed XML or a corrupt zip entry.
  Result<bool> ParseChunk();
  Status ParseAll();

  int64_t bytes_read() const { return bytes_read_; }
  int64_t bytes_total() const { return bytes_total_; }

 private:
  XmlPart(const ZipArchive& archive, std::string part) : archive_(archive), part_(std::move(part)) {}
  Status Error(std::string_view why) const;

  const ZipArchive& archive_;
  const std::string part_;
  zip_file* file_ = nullptr;
  XML_ParserStruct* parser_ = nullptr;
  int64_t bytes_read_ = 0;
  int64_t bytes_total_ = 0;
  bool done_ = false;
};

}  // namespace tafkik::readers::internal
