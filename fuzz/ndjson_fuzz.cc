// FtM NDJSON reader: any bytes, split into lines, through both passes of the line reader.
// Aborts when the reader sends a record the schema registry refuses (the store would fail the
// whole import on it) or a relation whose ends it did not send first.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "exchange/internal/ftm_lines.h"
#include "fuzz_util.h"
#include "model/schema.h"

namespace {

class CheckingSink : public tafkik::model::RecordSink {
 public:
  tafkik::Status OnEntity(const tafkik::model::Entity& entity) override {
    TAFKIK_FUZZ_CHECK(tafkik::model::SchemaRegistry::Default().Validate(entity).ok());
    ids_.insert(entity.id.value());
    return tafkik::Status::Ok();
  }
  tafkik::Status OnRelation(const tafkik::model::Relation& relation) override {
    TAFKIK_FUZZ_CHECK(tafkik::model::SchemaRegistry::Default().Validate(relation).ok());
    TAFKIK_FUZZ_CHECK(ids_.contains(relation.source.value()));
    TAFKIK_FUZZ_CHECK(ids_.contains(relation.target.value()));
    return tafkik::Status::Ok();
  }
  void OnReject(const tafkik::model::Reject&) override {}
  tafkik::Status OnEvidenceFile(const std::string&, const std::string&) override {
    return tafkik::Status::Ok();
  }

 private:
  std::set<std::string> ids_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckingSink sink;
  tafkik::model::Provenance provenance{"fuzz", std::string(64, 'f'), -1, "", "fuzzer"};
  tafkik::exchange::internal::FtmLineReader reader(provenance, sink);
  for (int pass = 1; pass <= 2; ++pass) {
    int64_t row = 0;
    for (size_t begin = 0; begin <= input.size();) {
      size_t end = input.find('\n', begin);
      if (end == std::string_view::npos) end = input.size();
      TAFKIK_FUZZ_CHECK(reader.Line(input.substr(begin, end - begin), ++row, pass).ok());
      begin = end + 1;
    }
  }
  return 0;
}
