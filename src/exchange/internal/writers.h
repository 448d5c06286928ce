// One writer per export format. Each reads `source` (whose scan has run), writes, and adds
// what it wrote to `summary`.
#pragma once

#include <ostream>
#include <string>

#include "core/status.h"
#include "core/time.h"
#include "exchange/export.h"
#include "exchange/internal/export_source.h"

namespace tafkik::exchange::internal {

Status WriteFtm(ExportSource& source, std::ostream& out, ExportSummary& summary);
Status WriteGraphml(ExportSource& source, std::ostream& out, ExportSummary& summary);
Status WriteGexf(ExportSource& source, std::ostream& out, ExportSummary& summary);
Status WriteAnx(ExportSource& source, std::ostream& out, ExportSummary& summary);
Status WriteCsv(ExportSource& source, const std::string& folder, ExportSummary& summary);
Status WriteXlsx(ExportSource& source, const std::string& path, ExportSummary& summary);

// "2025-07-01" for a midnight instant, else FormatTimestamp: FtM and analysts read a date as
// a day, and a day written as a day round-trips.
std::string DateText(Timestamp t);

// The attribute type of a property name across schemata: "double" when every schema that
// declares it makes it a number or an amount, else "string".
std::string AttributeType(const std::string& property);

}  // namespace tafkik::exchange::internal
