#include "ingest/ufdr_reader.h"

#include <sys/stat.h>
#include <zip.h>

#include <memory>
#include <vector>

#include "ingest/internal/ufdr_mapper.h"
#include "ingest/internal/ufdr_xml.h"

namespace tafkik::ingest {
namespace {

constexpr size_t kChunkSize = 1 << 16;

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;
using ZipFile = std::unique_ptr<zip_file_t, ZipFileCloser>;

Result<ZipArchive> OpenZip(const std::string& path) {
  struct stat info;
  if (::stat(path.c_str(), &info) != 0) return NotFoundError("'" + path + "' does not exist");
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive != nullptr) return ZipArchive(archive);
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string why = zip_error_strerror(&error);
  zip_error_fini(&error);
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
    return UnavailableError("cannot read '" + path + "': " + why);
  }
  return InvalidArgumentError("'" + path + "' is not a UFDR: not a zip archive (" + why + ")");
}

std::string ZipFileError(zip_file_t* file) { return zip_error_strerror(zip_file_get_error(file)); }

bool IsAttachment(const std::string& name) {
  return (name.starts_with("files/") || name.starts_with("files\\")) && !name.ends_with("/");
}

// Streams every file under files/ into the blob store. A damaged entry (bad CRC, bad
// compression) is rejected and the others still land.
Status StoreAttachments(zip_t* archive, store::BlobStore& blobs, internal::UfdrMapper& mapper,
                        model::RecordSink& sink) {
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t index = 0; index < count; ++index) {
    const char* raw_name = zip_get_name(archive, static_cast<zip_uint64_t>(index), 0);
    if (raw_name == nullptr || !IsAttachment(raw_name)) continue;
    const std::string name = raw_name;
    ZipFile file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (file == nullptr) {
      sink.OnReject({0, name, "", std::string("cannot open: ") + zip_strerror(archive)});
      continue;
    }
    store::BlobStore::Reader reader = [&file, &name](char* buffer,
                                                     size_t capacity) -> Result<size_t> {
      const zip_int64_t got = zip_fread(file.get(), buffer, capacity);
      if (got < 0) return DataLossError("cannot read " + name + ": " + ZipFileError(file.get()));
      return static_cast<size_t>(got);
    };
    Result<std::string> hash = blobs.PutStream(reader);
    if (hash.status().code() == StatusCode::kDataLoss) {
      sink.OnReject({0, name, "", hash.status().message()});
      continue;
    }
    TAFKIK_RETURN_IF_ERROR(hash.status());
    TAFKIK_RETURN_IF_ERROR(sink.OnEvidenceFile(*hash, name));
    mapper.AddStoredFile(name, *hash);
  }
  return Status::Ok();
}

Status ParseReport(zip_t* archive, const std::string& path, internal::UfdrMapper& mapper) {
  const zip_int64_t index = zip_name_locate(archive, "report.xml", ZIP_FL_NOCASE);
  if (index < 0) return InvalidArgumentError("'" + path + "' is not a UFDR: it has no report.xml");
  ZipFile file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) {
    return InvalidArgumentError("'" + path + "': cannot open report.xml: " + zip_strerror(archive));
  }
  internal::UfdrXmlStream stream(mapper);
  std::vector<char> buffer(kChunkSize);
  while (true) {
    const zip_int64_t got = zip_fread(file.get(), buffer.data(), buffer.size());
    if (got < 0) {
      return InvalidArgumentError("'" + path + "': cannot read report.xml: " +
                                  ZipFileError(file.get()));
    }
    Status status = stream.Feed(std::string_view(buffer.data(), static_cast<size_t>(got)), got == 0);
    if (status.code() == StatusCode::kInvalidArgument) return status.WithContext("'" + path + "'");
    TAFKIK_RETURN_IF_ERROR(status);
    if (got == 0) return Status::Ok();
  }
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

Status ReadUfdr(const std::string& path, const UfdrOptions& options, store::BlobStore& blobs,
                model::RecordSink& sink) {
  if (options.provenance.dataset.empty()) {
    return InvalidArgumentError("reading '" + path + "': the dataset name is empty");
  }
  TAFKIK_ASSIGN_OR_RETURN(ZipArchive archive, OpenZip(path));
  if (zip_name_locate(archive.get(), "report.xml", ZIP_FL_NOCASE) < 0) {
    return InvalidArgumentError("'" + path + "' is not a UFDR: it has no report.xml");
  }
  const std::string fallback_key = options.provenance.source_sha256.empty()
                                       ? "ufdr:" + BaseName(path)
                                       : "ufdr:" + options.provenance.source_sha256;
  internal::UfdrMapper mapper(options, fallback_key, sink);
  TAFKIK_RETURN_IF_ERROR(StoreAttachments(archive.get(), blobs, mapper, sink));
  TAFKIK_RETURN_IF_ERROR(ParseReport(archive.get(), path, mapper));
  return mapper.Finish();
}

}  // namespace tafkik::ingest
