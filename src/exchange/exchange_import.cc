#include "exchange/exchange_import.h"

#include "exchange/internal/readers.h"

namespace tafkik::exchange {

Result<InFormat> ParseInFormat(std::string_view name) {
  if (name == "ftm") return InFormat::kFtmNdjson;
  if (name == "graphml") return InFormat::kGraphml;
  if (name == "matrix") return InFormat::kAdjacencyMatrix;
  if (name == "jsonl") return InFormat::kJsonLinesNetwork;
  return InvalidArgumentError("unknown exchange format '" + std::string(name) +
                              "': use ftm, graphml, matrix or jsonl");
}

Status ReadExchangeFile(const std::string& path, InFormat format,
                        const model::Provenance& provenance, model::RecordSink& sink) {
  switch (format) {
    case InFormat::kFtmNdjson:
      return internal::ReadFtmNdjson(path, provenance, sink);
    case InFormat::kGraphml:
      return internal::ReadGraphml(path, provenance, sink);
    case InFormat::kAdjacencyMatrix:
      return internal::ReadAdjacencyMatrix(path, provenance, sink);
    case InFormat::kJsonLinesNetwork:
      return internal::ReadJsonLinesNetwork(path, provenance, sink);
  }
  return InternalError("unhandled exchange format");
}

}  // namespace tafkik::exchange
