#include "readers/internal/zip_xml.h"

#include <expat.h>
#include <fcntl.h>
#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstring>

namespace tafkik::readers::internal {
namespace {

constexpr size_t kChunkBytes = 64 * 1024;

std::string_view LocalName(const char* name) {
  const char* colon = std::strrchr(name, ':');
  return colon == nullptr ? std::string_view(name) : std::string_view(colon + 1);
}

void XMLCALL OnStart(void* user, const XML_Char* name, const XML_Char** attributes) {
  static_cast<XmlHandler*>(user)->StartElement(LocalName(name), attributes);
}
void XMLCALL OnEnd(void* user, const XML_Char* name) {
  static_cast<XmlHandler*>(user)->EndElement(LocalName(name));
}
void XMLCALL OnText(void* user, const XML_Char* text, int length) {
  static_cast<XmlHandler*>(user)->Text(std::string_view(text, static_cast<size_t>(length)));
}

}  // namespace

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(const std::string& path) {
  // libzip folds "cannot open" into one code; ask the system first for a precise error.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    std::string message = path + ": " + std::strerror(error);
    if (error == ENOENT || error == ENOTDIR) return NotFoundError(std::move(message));
    if (error == EACCES || error == EPERM) return PermissionDeniedError(std::move(message));
    return InvalidArgumentError(std::move(message));
  }
  ::close(fd);
  int error = 0;
  zip* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_error_t zip_error;
    zip_error_init_with_code(&zip_error, error);
    std::string message = path + ": not an XLSX workbook (" + zip_error_strerror(&zip_error) + ")";
    zip_error_fini(&zip_error);
    return InvalidArgumentError(std::move(message));
  }
  return std::unique_ptr<ZipArchive>(new ZipArchive(archive, path));
}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

bool ZipArchive::Has(const std::string& part) const {
  return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::string_view Attribute(const char** attributes, std::string_view local_name) {
  for (const char** attribute = attributes; *attribute != nullptr; attribute += 2) {
    if (LocalName(attribute[0]) == local_name) return attribute[1];
  }
  return {};
}

Result<std::unique_ptr<XmlPart>> XmlPart::Open(const ZipArchive& archive, const std::string& part,
                                               XmlHandler& handler) {
  std::unique_ptr<XmlPart> xml(new XmlPart(archive, part));
  const zip_int64_t index = zip_name_locate(archive.handle(), part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return xml->Error("the part is missing");
  zip_stat_t stat;
  if (zip_stat_index(archive.handle(), index, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE)) {
    xml->bytes_total_ = static_cast<int64_t>(stat.size);
  }
  xml->file_ = zip_fopen_index(archive.handle(), index, 0);
  if (xml->file_ == nullptr) {
    return xml->Error(std::string("cannot open: ") + zip_strerror(archive.handle()));
  }
  xml->parser_ = XML_ParserCreate("UTF-8");
  if (xml->parser_ == nullptr) return InternalError("expat: out of memory");
  XML_SetUserData(xml->parser_, &handler);
  XML_SetElementHandler(xml->parser_, OnStart, OnEnd);
  XML_SetCharacterDataHandler(xml->parser_, OnText);
  return xml;
}

XmlPart::~XmlPart() {
  if (parser_ != nullptr) XML_ParserFree(parser_);
  if (file_ != nullptr) zip_fclose(file_);
}

Status XmlPart::Error(std::string_view why) const {
  return InvalidArgumentError(archive_.path() + ": " + part_ + ": " + std::string(why));
}

Result<bool> XmlPart::ParseChunk() {
  if (done_) return false;
  void* buffer = XML_GetBuffer(parser_, kChunkBytes);
  if (buffer == nullptr) return Error("XML parser out of memory");
  const zip_int64_t count = zip_fread(file_, buffer, kChunkBytes);
  if (count < 0) return Error(std::string("corrupt zip entry: ") + zip_file_strerror(file_));
  bytes_read_ += count;
  done_ = count == 0;
  if (XML_ParseBuffer(parser_, static_cast<int>(count), done_) == XML_STATUS_ERROR) {
    done_ = true;
    return Error("malformed XML at line " + std::to_string(XML_GetCurrentLineNumber(parser_)) +
                 ": " + XML_ErrorString(XML_GetErrorCode(parser_)));
  }
  return !done_;
}

Status XmlPart::ParseAll() {
  for (;;) {
    TAFKIK_ASSIGN_OR_RETURN(bool more, ParseChunk());
    if (!more) return Status::Ok();
  }
}

}  // namespace tafkik::readers::internal
