// The synthetic investigation generator: deterministic, realistic, fictional data for the
// demo, tests and benchmarks, with the ground truth it planted. It streams what it makes to
// a Sink (entities first, then relations, then cases) in bounded memory, so that a 10 million
// call record run never holds the calls. Same seed and scale give the same output, byte for
// byte. Not thread-safe; one Generate call at a time per Sink.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "core/status.h"
#include "model/case.h"
#include "model/entity.h"

namespace tafkik::synth {

struct GeneratorOptions {
  uint64_t seed = 1;     // any value; the same seed gives the same data
  int64_t scale = 1;     // 1 = one demo case (hundreds of entities, a few thousand calls);
                         // call records grow linearly: 2000 gives about 10 million
  std::string truth_path;  // where to write the ground truth JSON; "" to skip
  // Where to write the datasets that arrive as files (synth/files.h): the Moroccan operator's
  // call records (cdr.csv) and the money transfer export (money_transfer.csv, with its
  // customers' rows) go there instead of to the Sink, for `tafkik import` with the shipped
  // profiles. The export's customers are still sent, under the ids the profile gives them
  // (so the import merges into them; the truth names them so too). "" (default): everything
  // goes to the Sink.
  std::string files_dir;
};

// Receives what the generator makes. Entities arrive before any relation that refers to
// them, and cases (with members) after all entities. A non-OK Status stops generation.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status OnEntity(const model::Entity& entity) = 0;
  virtual Status OnRelation(const model::Relation& relation) = 0;
  virtual Status OnCase(const model::Case& c) = 0;
};

struct GenerationSummary {
  std::map<std::string, int64_t> entities_by_schema;
  std::map<std::string, int64_t> relations_by_schema;
  int64_t cases = 0;
  // Rows written to files_dir, by file name ("cdr.csv"); empty without files_dir.
  std::map<std::string, int64_t> file_rows;
};

// The largest accepted scale. The world held in memory (persons, phones, accounts, plans; not
// the calls) takes about 130 KB per unit of scale: 2000 (10 million calls) peaks near 270 MB,
// kMaxScale near 1.3 GB.
constexpr int64_t kMaxScale = 10000;

// InvalidArgument for scale < 1 or > kMaxScale; Unavailable when the truth file cannot be
// written; otherwise the first error the sink returned. Entities come first (places, persons,
// phones, accounts, assets), then relations (ownership and social links, payments, travel,
// calls in time order), then cases; the truth file is written last.
Result<GenerationSummary> Generate(const GeneratorOptions& options, Sink& sink);

}  // namespace tafkik::synth
