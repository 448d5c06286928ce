// The readers behind ReadExchangeFile, one per format. Each has the contract of
// ReadExchangeFile (exchange_import.h) for its format.
#pragma once

#include <string>

#include "core/status.h"
#include "model/entity.h"
#include "model/record_sink.h"

namespace tafkik::exchange::internal {

Status ReadFtmNdjson(const std::string& path, const model::Provenance& provenance,
                     model::RecordSink& sink);
Status ReadGraphml(const std::string& path, const model::Provenance& provenance,
                   model::RecordSink& sink);
Status ReadAdjacencyMatrix(const std::string& path, const model::Provenance& provenance,
                           model::RecordSink& sink);
Status ReadJsonLinesNetwork(const std::string& path, const model::Provenance& provenance,
                            model::RecordSink& sink);





}  // namespace tafkik::exchange::internal
