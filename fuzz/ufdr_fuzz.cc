// libFuzzer target for the UFDR reader. An input starting with "PK" is taken as the whole
// .ufdr (zip); any other input is report.xml, zipped with a small files/ attachment so the
// XML paths (models, chats, attachments, tagged files) get the coverage. Every record the
// reader sends must pass the schema registry: an invalid one aborts the run.
#include <unistd.h>
#include <zip.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_util.h"
#include "ingest/ufdr_reader.h"
#include "model/schema.h"

namespace {

using namespace tafkik;

class CheckingSink : public model::RecordSink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    Check(model::SchemaRegistry::Default().Validate(entity));
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    Check(model::SchemaRegistry::Default().Validate(relation));
    return Status::Ok();
  }
  void OnReject(const model::Reject& reject) override {
    if (reject.value.size() > 200) std::abort();
  }
  Status OnEvidenceFile(const std::string& sha256, const std::string&) override {
    if (sha256.size() != 64) std::abort();
    return Status::Ok();
  }

 private:
  static void Check(const Status& status) {
    if (status.ok()) return;
    std::fprintf(stderr, "invalid record: %s\n", status.ToString().c_str());
    std::abort();
  }
};

const std::string& WorkDir() {
  static const std::string dir = [] {
    std::string pattern = std::filesystem::temp_directory_path() / "ufdr-fuzz-XXXXXX";
    return std::string(::mkdtemp(pattern.data()));
  }();
  return dir;
}

void WriteInput(const std::string& path, const uint8_t* data, size_t size) {
  if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(data), size);
    return;
  }
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) std::abort();
  static const char kPhoto[] = "photo bytes";
  zip_file_add(archive, "report.xml", zip_source_buffer(archive, data, size, 0), 0);
  zip_file_add(archive, "files/Image/IMG-1.jpg",
               zip_source_buffer(archive, kPhoto, sizeof(kPhoto) - 1, 0), 0);
  if (zip_close(archive) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = fuzz::TempPath(".ufdr");
  WriteInput(path, data, size);
  static Result<store::BlobStore> blobs = store::BlobStore::Open(WorkDir() + "/blobs");
  if (!blobs.ok()) std::abort();
  ingest::UfdrOptions options;
  options.provenance.dataset = "fuzz";
  options.default_region = "MA";
  options.source_time_zone = "Africa/Casablanca";
  CheckingSink sink;
  (void)ingest::ReadUfdr(path, options, *blobs, sink);
  return 0;
}
