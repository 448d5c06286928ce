// Helpers for the exchange tests: a RecordSink over a real SQLite workspace's write
// transaction (what `tafkik import` does), and XML parsed back with expat.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "exchange/exchange_import.h"
#include "model/record_sink.h"
#include "store/store.h"
#include "store/test_util.h"

namespace tafkik::exchange::testing {

// Puts what it receives through a WriteTransaction; keeps the rejects.
class StoreSink : public model::RecordSink {
 public:
  explicit StoreSink(store::WriteTransaction& transaction) : transaction_(transaction) {}
  Status OnEntity(const model::Entity& entity) override;
  Status OnRelation(const model::Relation& relation) override;
  void OnReject(const model::Reject& reject) override { rejects.push_back(reject); }
  Status OnEvidenceFile(const std::string&, const std::string&) override { return Status::Ok(); }

  std::vector<model::Reject> rejects;

 private:
  store::WriteTransaction& transaction_;
};

// A fresh workspace in a temporary folder.
struct Workspace {
  store::testing::TempDir dir;
  std::unique_ptr<store::Store> store;
};
std::unique_ptr<Workspace> NewWorkspace();

struct ImportResult {
  Status status;
  int64_t entities = 0;   // in the store afterwards
  int64_t relations = 0;
  std::map<std::string, int64_t> entities_by_schema;
  std::map<std::string, int64_t> relations_by_schema;
  std::vector<model::Reject> rejects;
};

// Reads `path` into `workspace` in one transaction and counts the store afterwards.
ImportResult Import(Workspace& workspace, const std::string& path, InFormat format,
                    const std::string& dataset = "test");

// An XML document parsed with expat: OK and the element names in order, or the error.
struct ParsedXml {
  Status status;
  std::vector<std::string> elements;  // local names, document order
  std::vector<std::map<std::string, std::string>> attributes;  // per element
  std::vector<std::string> texts;                               // per element, own text only
  std::vector<size_t> open;                                     // while parsing
  int Count(const std::string& name) const;
  // Attributes of the first element named `name` that has `attribute` = `value`.
  const std::map<std::string, std::string>* Find(const std::string& name,
                                                 const std::string& attribute,
                                                 const std::string& value) const;
};
ParsedXml ParseXml(const std::string& text);

std::string ReadAll(const std::string& path);
void WriteAll(const std::string& path, const std::string& text);
std::string DataPath(const std::string& relative);  // under ../shared/data/networks

}  // namespace tafkik::exchange::testing
