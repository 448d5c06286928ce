#include "app/import.h"

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "core/hash.h"
#include "core/text.h"
#include "exchange/exchange_import.h"
#include "ingest/profiles.h"
#include "ingest/ufdr_reader.h"
#include "model/schema.h"
#include "store/blob_store.h"
#include "store/workspace.h"

namespace tafkik::app {
namespace {

constexpr size_t kFirstRejects = 20;

// The RecordSink of an import: writes into one transaction (none in a dry run), counts,
// keeps the first rejects and streams all of them to the reject report.
class ImportSink : public model::RecordSink {
 public:
  ImportSink(store::WriteTransaction* write, std::string rejects_path, bool collect_members)
      : write_(write), rejects_path_(std::move(rejects_path)), collect_members_(collect_members) {}

  Status OnEntity(const model::Entity& entity) override {
    if (write_ != nullptr) {
      TAFKIK_RETURN_IF_ERROR(write_->PutEntity(entity));
    } else {
      TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(entity));
    }
    ++entities_;
    if (collect_members_) members_.insert(entity.id.value());
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    if (write_ != nullptr) {
      TAFKIK_RETURN_IF_ERROR(write_->PutRelation(relation));
    } else {
      TAFKIK_RETURN_IF_ERROR(model::SchemaRegistry::Default().Validate(relation));
    }
    ++relations_;
    return Status::Ok();
  }
  void OnReject(const model::Reject& reject) override {
    ++rejects_;
    if (first_rejects_.size() < kFirstRejects) first_rejects_.push_back(reject);
    if (rejects_path_.empty()) return;
    if (!report_.is_open()) {
      report_.open(rejects_path_, std::ios::binary | std::ios::trunc);
      report_ << "row,column,value,reason\n";
    }
    report_ << reject.row << ',' << CsvField(reject.column) << ',' << CsvField(reject.value) << ','
            << CsvField(reject.reason) << '\n';
  }
  Status OnEvidenceFile(const std::string& sha256, const std::string& source_name) override {
    ++evidence_files_;
    // Only the hash goes to the audit log: a file name ("IMG_<name>_passport.jpg") can carry
    // personal data, and the log can never be erased.
    (void)source_name;
    if (evidence_.size() < 1000) evidence_.push_back(sha256);
    return Status::Ok();
  }

  Status CloseReport() {
    if (!report_.is_open()) return Status::Ok();
    report_.close();
    if (!report_) return UnavailableError("cannot write the reject report " + rejects_path_);
    return Status::Ok();
  }
  bool wrote_report() const { return rejects_ > 0 && !rejects_path_.empty(); }

  int64_t entities_ = 0, relations_ = 0, rejects_ = 0, evidence_files_ = 0;
  std::vector<model::Reject> first_rejects_;
  std::unordered_set<std::string> members_;
  Json evidence_ = Json::array();

 private:
  store::WriteTransaction* write_;
  std::string rejects_path_;
  bool collect_members_;
  std::ofstream report_;
};

std::string Extension(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// A dry run writes nothing into the workspace, evidence files included: its attachments go
// to a scratch blob store that is removed afterwards (they are still hashed and checked).
Status ReadUfdrInto(const ImportOptions& options, const ingest::UfdrOptions& ufdr,
                    ImportSink& sink) {
  if (!options.dry_run) {
    TAFKIK_ASSIGN_OR_RETURN(store::BlobStore blobs,
                            store::BlobStore::Open(store::PathsOf(options.workspace_root).blobs));
    return ingest::ReadUfdr(options.path, ufdr, blobs, sink);
  }
  std::string scratch = (std::filesystem::temp_directory_path() / "tafkik-dry-run-XXXXXX");
  if (::mkdtemp(scratch.data()) == nullptr) {
    return UnavailableError("cannot create a scratch folder for the dry run");
  }
  Status status;
  {
    Result<store::BlobStore> blobs = store::BlobStore::Open(scratch + "/blobs");
    status = blobs.ok() ? ingest::ReadUfdr(options.path, ufdr, *blobs, sink) : blobs.status();
  }
  std::error_code ignored;
  std::filesystem::remove_all(scratch, ignored);
  return status;
}

// Reads the file into the sink, by its kind.
Status ReadInto(const ImportOptions& options, const model::Provenance& provenance,
                ImportReport& report, ImportSink& sink) {
  if (!options.format.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(exchange::InFormat format, exchange::ParseInFormat(options.format));
    return exchange::ReadExchangeFile(options.path, format, provenance, sink);
  }
  if (Extension(options.path) == ".ufdr") {
    ingest::UfdrOptions ufdr;
    ufdr.provenance = provenance;
    ufdr.default_region = options.region.empty() ? "MA" : options.region;
    ufdr.source_time_zone = options.timezone.empty() ? "UTC" : options.timezone;
    return ReadUfdrInto(options, ufdr, sink);
  }
  if (options.profile.empty()) {
    return InvalidArgumentError("importing " + options.path +
                                " needs --profile (see `tafkik profile suggest " + options.path +
                                "`), or --format for exchange files");
  }
  TAFKIK_ASSIGN_OR_RETURN(ingest::Profile profile, ingest::ResolveProfile(options.profile));
  ingest::TableImportOptions table;
  table.mapper.dataset = provenance.dataset;
  table.mapper.source_sha256 = provenance.source_sha256;
  table.mapper.user = provenance.user;
  table.mapper.region = options.region;
  table.mapper.timezone = options.timezone;
  table.on_progress = options.on_progress;
  TAFKIK_ASSIGN_OR_RETURN(ingest::MapStats stats,
                          ingest::ImportTable(options.path, profile, table, sink));
  report.rows = stats.rows;
  return Status::Ok();
}

std::string KindName(const ImportOptions& options) {
  if (!options.format.empty()) return options.format;
  if (Extension(options.path) == ".ufdr") return "ufdr";
  return std::filesystem::path(options.profile).stem().string();
}

}  // namespace

Result<ImportReport> ImportFile(store::Store& store, const store::Actor& actor,
                                const ImportOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  ImportReport report;
  report.file = std::filesystem::path(options.path).filename().string();
  report.profile = KindName(options);
  report.dry_run = options.dry_run;
  TAFKIK_ASSIGN_OR_RETURN(report.sha256, Sha256FileHex(options.path));
  report.dataset =
      options.dataset.empty() ? report.profile + ":" + report.file : options.dataset;
  if (!options.case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(store.GetCase(options.case_reference).status());
  }
  const model::Provenance provenance{report.dataset, report.sha256, -1, "", actor.name};

  std::unique_ptr<store::WriteTransaction> write;
  if (!options.dry_run) {
    TAFKIK_ASSIGN_OR_RETURN(write, store.BeginWrite(actor));
  }
  std::string rejects_path = options.rejects_path;
  if (rejects_path.empty() && !options.dry_run) rejects_path = options.path + ".rejects.csv";
  ImportSink sink(write.get(), rejects_path, !options.case_reference.empty());
  Status read = ReadInto(options, provenance, report, sink);
  TAFKIK_RETURN_IF_ERROR(sink.CloseReport());
  TAFKIK_RETURN_IF_ERROR(read.WithContext("import of " + options.path));

  report.entities = sink.entities_;
  report.relations = sink.relations_;
  report.rejects = sink.rejects_;
  report.evidence_files = sink.evidence_files_;
  report.first_rejects = sink.first_rejects_;
  if (sink.wrote_report()) report.rejects_path = rejects_path;
  if (write != nullptr) {
    for (const std::string& id : sink.members_) {
      TAFKIK_RETURN_IF_ERROR(write->AddCaseMember(
          options.case_reference, model::CaseMember{EntityId(id), model::Role::kOther}));
    }
    store::AuditRecord record;
    record.action = "import";
    // The file is named by its SHA-256, not its name or dataset (derived from the name): file
    // names can carry personal data, and the audit log can never be erased.
    record.object = "import:" + report.sha256.substr(0, 16);
    record.details = {{"sha256", report.sha256},       {"profile", report.profile},
                      {"rows", report.rows},           {"entities", report.entities},
                      {"relations", report.relations}, {"rejects", report.rejects}};
    if (!options.case_reference.empty()) record.details["case"] = options.case_reference;
    if (report.evidence_files > 0) record.details["evidence_files"] = sink.evidence_;
    TAFKIK_RETURN_IF_ERROR(write->Commit(record));
  }
  report.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now() - started)
                          .count();
  return report;
}

Json ToJson(const ImportReport& report) {
  Json rejects = Json::array();
  for (const model::Reject& reject : report.first_rejects) {
    rejects.push_back({{"row", reject.row},
                       {"column", reject.column},
                       {"value", reject.value},
                       {"reason", reject.reason}});
  }
  return {{"file", report.file},
          {"sha256", report.sha256},
          {"profile", report.profile},
          {"dataset", report.dataset},
          {"rows", report.rows},
          {"entities", report.entities},
          {"relations", report.relations},
          {"rejects", report.rejects},
          {"evidence_files", report.evidence_files},
          {"first_rejects", rejects},
          {"rejects_path", report.rejects_path},
          {"dry_run", report.dry_run},
          {"elapsed_ms", report.elapsed_ms}};
}

}  // namespace tafkik::app
