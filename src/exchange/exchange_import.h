// Reading exchange formats into a workspace: FollowTheMoney NDJSON (from Aleph), GraphML
// (from Gephi, yEd, igraph), and the network files of published criminal-network studies
// (adjacency matrices such as CAVIAR and UCINET CSVs, JSON-lines node/edge files).
// Thread-compatible.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "model/record_sink.h"
#include "model/entity.h"

namespace tafkik::exchange {

enum class InFormat {
  kFtmNdjson,         // "ftm": one FtM entity per line
  kGraphml,           // "graphml"
  kAdjacencyMatrix,   // "matrix": CSV, first row and column are node ids, cells are weights
  kJsonLinesNetwork,  // "jsonl": {"type":"node"|"edge",...} per line after '#' comments
};

// "ftm", "graphml", "matrix", "jsonl". InvalidArgument listing them otherwise.
Result<InFormat> ParseInFormat(std::string_view name);

// Reads `path` in `format`, sending entities (before the relations that use them) and
// relations to `sink` and per-row problems as rejects. Every value gets `provenance` with
// its row set. Ids are stable (MakeEntityId over provenance.dataset and the file's own ids;
// FtM ids that are already valid entity ids are kept as they are, so FtM round-trips), so
// importing the same file twice merges. Relations whose ends are not in the file are rejected.
// Fails only when the file cannot be read at all: NotFound when it cannot be opened,
// InvalidArgument when it is not the format (malformed XML, an unclosed quote), and then
// nothing was sent to the sink. Schemata per format: src/exchange/README.md.
Status ReadExchangeFile(const std::string& path, InFormat format,
                        const model::Provenance& provenance, model::RecordSink& sink);

}  // namespace tafkik::exchange
