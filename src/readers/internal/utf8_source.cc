#include "readers/internal/utf8_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <strings.h>

#include "readers/internal/utf8.h"

namespace tafkik::readers::internal {
namespace {

constexpr size_t kRawBlock = 64 * 1024;
constexpr size_t kPivotChars = 4096;

// ICU's own substitute is U+001A for some single-byte charsets; U+FFFD is what callers test.
void SubstituteReplacementCharacter(const void*, UConverterToUnicodeArgs* args, const char*,
                                    int32_t, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;
  *error = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

Status OpenError(const std::string& path, int error) {
  std::string message = path + ": " + std::strerror(error);
  if (error == ENOENT || error == ENOTDIR) return NotFoundError(std::move(message));
  if (error == EACCES || error == EPERM) return PermissionDeniedError(std::move(message));
  return InvalidArgumentError(std::move(message));
}

bool IsUtf8Name(const std::string& name) {
  return strcasecmp(name.c_str(), "UTF-8") == 0 || strcasecmp(name.c_str(), "UTF8") == 0;
}

}  // namespace

Result<std::unique_ptr<Utf8Source>> Utf8Source::Open(const std::string& path,
                                                     const std::string& encoding) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return OpenError(path, errno);
  std::unique_ptr<Utf8Source> source(new Utf8Source(fd));
  source->path_ = path;
  struct stat info;
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) return InvalidArgumentError(path + ": is a directory");
    source->bytes_total_ = S_ISREG(info.st_mode) ? info.st_size : 0;
  }
  TAFKIK_RETURN_IF_ERROR(source->Detect(encoding));
  return source;
}

Utf8Source::~Utf8Source() {
  if (converter_ != nullptr) ucnv_close(converter_);
  if (utf8_converter_ != nullptr) ucnv_close(utf8_converter_);
  if (fd_ >= 0) ::close(fd_);
}

Status Utf8Source::Detect(const std::string& encoding) {
  raw_.resize(kRawBlock);
  size_t filled = 0;
  while (filled < raw_.size()) {
    TAFKIK_ASSIGN_OR_RETURN(size_t count, ReadRaw(raw_.data() + filled, raw_.size() - filled));
    if (count == 0) break;
    filled += count;
  }
  raw_.resize(filled);
  const std::string_view head(raw_);
  std::string chosen = encoding;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") {
    raw_pos_ = 3;
    if (chosen.empty()) chosen = "UTF-8";
  } else if (chosen.empty() && head.substr(0, 2) == "\xFF\xFE") {
    raw_pos_ = 2;
    chosen = "UTF-16LE";
  } else if (chosen.empty() && head.substr(0, 2) == "\xFE\xFF") {
    raw_pos_ = 2;
    chosen = "UTF-16BE";
  }
  if (chosen.empty()) {
    const size_t valid = ValidUtf8Prefix(head);
    // A full block may end inside a character; that is not a reason to call it Arabic.
    const bool cut_at_end = !eof_ && head.size() - valid < 4 &&
                            static_cast<unsigned char>(head[valid]) >= 0xC2;
    chosen = (valid == head.size() || cut_at_end) ? "UTF-8" : "windows-1256";
  }
  if (IsUtf8Name(chosen)) return Status::Ok();

  UErrorCode error = U_ZERO_ERROR;
  converter_ = ucnv_open(chosen.c_str(), &error);
  if (U_FAILURE(error)) {
    converter_ = nullptr;
    return InvalidArgumentError(path_ + ": unknown encoding \"" + chosen + "\"");
  }
  utf8_converter_ = ucnv_open("UTF-8", &error);
  ucnv_setToUCallBack(converter_, SubstituteReplacementCharacter, nullptr, nullptr, nullptr,
                      &error);
  if (U_FAILURE(error)) return InternalError(std::string("ICU: ") + u_errorName(error));
  encoding_ = ucnv_getName(converter_, &error);
  pivot_ = std::make_unique<char16_t[]>(kPivotChars);
  pivot_source_ = pivot_target_ = pivot_.get();
  return Status::Ok();
}

Result<size_t> Utf8Source::ReadRaw(char* out, size_t capacity) {
  if (eof_) return size_t{0};
  for (;;) {
    const ssize_t count = ::read(fd_, out, capacity);
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) return DataLossError(path_ + ": read failed: " + std::strerror(errno));
    if (count == 0) eof_ = true;
    bytes_read_ += count;
    return static_cast<size_t>(count);
  }
}

Result<size_t> Utf8Source::Read(char* out, size_t capacity) {
  if (converter_ != nullptr) return ReadConverted(out, capacity);
  if (raw_pos_ < raw_.size()) {
    const size_t count = std::min(capacity, raw_.size() - raw_pos_);
    std::memcpy(out, raw_.data() + raw_pos_, count);
    raw_pos_ += count;
    if (raw_pos_ == raw_.size()) {
      raw_.clear();
      raw_.shrink_to_fit();
      raw_pos_ = 0;
    }
    return count;
  }
  return ReadRaw(out, capacity);
}

Result<size_t> Utf8Source::ReadConverted(char* out, size_t capacity) {
  char* target = out;
  while (target == out && !flushed_) {
    if (raw_pos_ == raw_.size() && !eof_) {
      raw_.resize(kRawBlock);
      TAFKIK_ASSIGN_OR_RETURN(size_t count, ReadRaw(raw_.data(), raw_.size()));
      raw_.resize(count);
      raw_pos_ = 0;
    }
    const char* source = raw_.data() + raw_pos_;
    const char* source_limit = raw_.data() + raw_.size();
    UErrorCode error = U_ZERO_ERROR;
    ucnv_convertEx(utf8_converter_, converter_, &target, out + capacity, &source, source_limit,
                   pivot_.get(), &pivot_source_, &pivot_target_, pivot_.get() + kPivotChars,
                   reset_, eof_, &error);
    reset_ = false;
    raw_pos_ = static_cast<size_t>(source - raw_.data());
    if (error == U_BUFFER_OVERFLOW_ERROR) break;  // `out` is full
    if (U_FAILURE(error)) {
      return InvalidArgumentError(path_ + ": cannot decode as " + encoding_ + ": " +
                                  u_errorName(error));
    }
    if (eof_ && raw_pos_ == raw_.size()) flushed_ = true;
  }
  return static_cast<size_t>(target - out);
}

}  // namespace tafkik::readers::internal
