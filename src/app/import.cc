#include "app/import.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

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
      report_.open(PartialPath(), std::ios::binary | std::ios::trunc);
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
    evidence_hashes_.push_back(sha256);
    return Status::Ok();
  }

  // The report is written to a ".partial" file beside `rejects_path` and only renamed into
  // place by Keep (after the commit), so a failed import leaves none behind.
  Status CloseReport() {
    if (!report_.is_open()) return Status::Ok();
    report_.close();
    if (!report_) return UnavailableError("cannot write the reject report " + rejects_path_);
    return Status::Ok();
  }
  Status Keep() {
    if (!wrote_report()) return Status::Ok();
    if (::rename(PartialPath().c_str(), rejects_path_.c_str()) != 0) {
      return UnavailableError("cannot write the reject report " + rejects_path_ + ": " +
                              std::strerror(errno));
    }
    return Status::Ok();
  }
  ~ImportSink() {
    if (report_.is_open()) report_.close();
    if (!rejects_path_.empty()) ::unlink(PartialPath().c_str());
  }
  bool wrote_report() const { return rejects_ > 0 && !rejects_path_.empty(); }

  int64_t entities_ = 0, relations_ = 0, rejects_ = 0, evidence_files_ = 0;
  std::vector<model::Reject> first_rejects_;
  std::unordered_set<std::string> members_;
  Json evidence_ = Json::array();
  std::vector<std::string> evidence_hashes_;

 private:
  std::string PartialPath() const { return rejects_path_ + ".partial"; }

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

// A folder removed (with what it holds) when it goes out of scope.
class ScratchFolder {
 public:
  ScratchFolder() = default;
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  // Creates a fresh folder named `prefix` + 6 random characters.
  Status Create(const std::string& prefix) {
    std::string path = prefix + "XXXXXX";
    if (::mkdtemp(path.data()) == nullptr) {
      return UnavailableError("cannot create the scratch folder " + path + ": " +
                              std::strerror(errno));
    }
    path_ = std::move(path);
    return Status::Ok();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Status SyncFolder(const std::string& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return UnavailableError("cannot open " + folder + ": " + std::strerror(errno));
  const int synced = ::fsync(fd);
  ::close(fd);
  if (synced != 0) return UnavailableError("cannot sync " + folder + ": " + std::strerror(errno));
  return Status::Ok();
}

// A UFDR's attachments are staged in a scratch blob store and reach the workspace's blobs/
// only when the rest of the import has been read without error, right before the commit; a
// failed commit takes back the ones it added. So a failed import leaves no unreferenced
// evidence behind (only a kill between the move and the commit can, and those files are
// complete and hash-named). A dry run never promotes them.
class StagedEvidence {
 public:
  Status Open(const ImportOptions& options) {
    const std::string parent = options.dry_run || options.workspace_root.empty()
                                   ? std::filesystem::temp_directory_path().string()
                                   : options.workspace_root;
    TAFKIK_RETURN_IF_ERROR(scratch_.Create(parent + "/.tafkik-import-"));
    TAFKIK_ASSIGN_OR_RETURN(store::BlobStore staged, store::BlobStore::Open(scratch_.path() + "/blobs"));
    staged_.emplace(std::move(staged));
    return Status::Ok();
  }
  store::BlobStore& staged() { return *staged_; }

  // Moves every staged file the workspace lacks into its blobs/ (same file system: a rename).
  Status Promote(const std::string& workspace_root, const std::vector<std::string>& hashes) {
    TAFKIK_ASSIGN_OR_RETURN(store::BlobStore target,
                            store::BlobStore::Open(store::PathsOf(workspace_root).blobs));
    for (const std::string& sha256 : hashes) {
      if (target.Contains(sha256)) continue;
      TAFKIK_ASSIGN_OR_RETURN(std::string from, staged_->PathOf(sha256));
      TAFKIK_ASSIGN_OR_RETURN(std::string to, target.PathOf(sha256));
      const std::string folder = std::filesystem::path(to).parent_path().string();
      std::error_code error;
      std::filesystem::create_directories(folder, error);
      if (!error) {
        std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, error);
      }
      if (error) return UnavailableError("cannot create " + folder + ": " + error.message());
      if (::rename(from.c_str(), to.c_str()) != 0) {
        return UnavailableError("cannot move evidence into " + to + ": " + std::strerror(errno));
      }
      promoted_.push_back(to);
      TAFKIK_RETURN_IF_ERROR(SyncFolder(folder));
    }
    return Status::Ok();
  }
  // Removes what Promote added (after a failed commit).
  void TakeBack() {
    for (const std::string& path : promoted_) ::unlink(path.c_str());
    promoted_.clear();
  }

 private:
  ScratchFolder scratch_;
  std::optional<store::BlobStore> staged_;
  std::vector<std::string> promoted_;
};

Status ReadUfdrInto(const ImportOptions& options, const ingest::UfdrOptions& ufdr,
                    StagedEvidence& evidence, ImportSink& sink) {
  if (!options.dry_run && options.workspace_root.empty()) {
    return InvalidArgumentError("importing the UFDR " + options.path +
                                " needs the workspace folder (its evidence files go to blobs/)");
  }
  TAFKIK_RETURN_IF_ERROR(evidence.Open(options));
  return ingest::ReadUfdr(options.path, ufdr, evidence.staged(), sink);
}

// Reads the file into the sink, by its kind.
Status ReadInto(const ImportOptions& options, const model::Provenance& provenance,
                ImportReport& report, StagedEvidence& evidence, ImportSink& sink) {
  if (!options.format.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(exchange::InFormat format, exchange::ParseInFormat(options.format));
    return exchange::ReadExchangeFile(options.path, format, provenance, sink);
  }
  if (Extension(options.path) == ".ufdr") {
    ingest::UfdrOptions ufdr;
    ufdr.provenance = provenance;
    ufdr.default_region = options.region.empty() ? "MA" : options.region;
    ufdr.source_time_zone = options.timezone.empty() ? "UTC" : options.timezone;
    return ReadUfdrInto(options, ufdr, evidence, sink);
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
  table.parameters = options.parameters;
  table.table.sheet = options.sheet;
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

// WORKSPACE/imports/FILE-STEM.SHA256[:12].rejects.csv: inside the workspace (the source may
// sit on read-only media, and the rejected values are case data).
Result<std::string> DefaultRejectsPath(const std::string& workspace_root,
                                       const ImportReport& report) {
  const std::string folder = workspace_root + "/imports";
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (!error) {
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, error);
  }
  if (error) return UnavailableError("cannot create " + folder + ": " + error.message());
  return folder + "/" + std::filesystem::path(report.file).stem().string() + "." +
         report.sha256.substr(0, 12) + ".rejects.csv";
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
  if (rejects_path.empty() && !options.dry_run && !options.workspace_root.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(rejects_path, DefaultRejectsPath(options.workspace_root, report));
  }
  StagedEvidence evidence;
  ImportSink sink(write.get(), rejects_path, !options.case_reference.empty());
  Status read = ReadInto(options, provenance, report, evidence, sink);
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
    Status moved = evidence.Promote(options.workspace_root, sink.evidence_hashes_);
    Status committed = moved.ok() ? write->Commit(record) : moved;
    if (!committed.ok()) {
      evidence.TakeBack();
      return committed;
    }
  }
  TAFKIK_RETURN_IF_ERROR(sink.Keep());
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
