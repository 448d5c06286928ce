// Adjacency matrices as CSV (CAVIAR phases, the UCINET covert-network collection): the first
// row names the columns ("players", "" or nothing in the corner), the first column names the
// rows, every other cell is a tie weight (0 or empty: no tie).
//   - Rows and columns naming the same set of nodes: a 1-mode network. Person nodes, Associate
//     ties with a weight. A symmetric matrix is an undirected network: one tie per pair.
//   - Otherwise a 2-mode network (persons x meetings, NDRANGHETAMAFIA_2M.csv): rows are
//     Person nodes, columns Event nodes, cells UnknownLink ties (role "participant").
// A label repeated (CAVIAR7.csv names "9" twice) is one node; its cells are summed.
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "exchange/internal/csv_records.h"
#include "exchange/internal/network_builder.h"
#include "exchange/internal/readers.h"

namespace tafkik::exchange::internal {
namespace {

struct Matrix {
  std::vector<std::string> columns;
  std::vector<std::pair<std::string, int64_t>> rows;  // label, 1-based file line
  std::map<std::pair<std::string, std::string>, double> cells;  // nonzero only
  std::map<std::pair<std::string, std::string>, int64_t> cell_rows;
};

bool ParseWeight(const std::string& text, double& weight) {
  std::string trimmed = Trim(text);
  if (trimmed.empty() || trimmed == "NA") {
    weight = 0;
    return true;
  }
  char* end = nullptr;
  weight = std::strtod(trimmed.c_str(), &end);
  return end == trimmed.c_str() + trimmed.size() && std::isfinite(weight) && weight >= 0;
}

void AddRow(const std::vector<std::string>& record, int64_t line, Matrix& matrix,
            model::RecordSink& sink) {
  std::string label = Trim(record[0]);
  if (label.empty()) {
    sink.OnReject({line, "", "", "row has no node label in its first cell"});
    return;
  }
  matrix.rows.emplace_back(label, line);
  for (size_t col_idx = 1; col_idx < record.size(); ++col_idx) {
    if (col_idx > matrix.columns.size()) {
      sink.OnReject({line, "", record[col_idx], "more cells than the header has columns"});
      break;
    }
    double weight = 0;
    const std::string& column = matrix.columns[col_idx - 1];
    if (!ParseWeight(record[col_idx], weight)) {
      sink.OnReject({line, column, Truncate(record[col_idx]), "not a non-negative number"});
      continue;
    }
    if (weight == 0) continue;
    auto key = std::make_pair(label, column);
    matrix.cells[key] += weight;
    matrix.cell_rows.try_emplace(key, line);
  }
}

bool IsOneMode(const Matrix& matrix) {
  std::set<std::string> rows;
  for (const auto& [label, line] : matrix.rows) rows.insert(label);
  std::set<std::string> columns(matrix.columns.begin(), matrix.columns.end());
  return rows == columns;
}

bool IsSymmetric(const Matrix& matrix) {
  for (const auto& [key, weight] : matrix.cells) {
    auto mirror = matrix.cells.find({key.second, key.first});
    if (mirror == matrix.cells.end() || mirror->second != weight) return false;
  }
  return true;
}

Status EmitOneMode(const Matrix& matrix, NetworkBuilder& builder) {
  std::map<std::string, size_t> order;
  for (const auto& [label, line] : matrix.rows) {
    builder.Node(label, "Person", line);
    order.try_emplace(label, order.size());
  }
  TAFKIK_RETURN_IF_ERROR(builder.Flush());
  bool undirected = IsSymmetric(matrix);
  for (const auto& [key, weight] : matrix.cells) {
    if (undirected && order.at(key.first) > order.at(key.second)) continue;
    TAFKIK_RETURN_IF_ERROR(builder.Edge(
        key.first, key.second, "Associate", "", matrix.cell_rows.at(key),
        {{"weight", FormatNumber(weight)}, {"relationship", undirected ? "tie" : "directed tie"}}));
  }
  return Status::Ok();
}

Status EmitTwoMode(const Matrix& matrix, NetworkBuilder& builder) {
  for (const auto& [label, line] : matrix.rows) builder.Node("row:" + label, "Person", line);
  for (const std::string& column : matrix.columns) builder.Node("column:" + column, "Event", 1);
  for (const auto& [label, line] : matrix.rows) builder.Label("row:" + label, label, line);
  for (const std::string& column : matrix.columns) builder.Label("column:" + column, column, 1);
  TAFKIK_RETURN_IF_ERROR(builder.Flush());
  for (const auto& [key, weight] : matrix.cells) {
    TAFKIK_RETURN_IF_ERROR(builder.Edge("row:" + key.first, "column:" + key.second,
                                        "UnknownLink", "", matrix.cell_rows.at(key),
                                        {{"weight", FormatNumber(weight)},
                                         {"role", "participant"}}));
  }
  return Status::Ok();
}

}  // namespace

Status ReadAdjacencyMatrix(const std::string& path, const model::Provenance& provenance,
                           model::RecordSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open matrix file " + path);
  CsvRecords records(in);
  std::vector<std::string> record;
  if (!records.Next(record) || record.size() < 2) {
    return InvalidArgumentError(path + ": not an adjacency matrix (no header row of node labels)");
  }
  Matrix matrix;
  for (size_t col_idx = 1; col_idx < record.size(); ++col_idx) {
    matrix.columns.push_back(Trim(record[col_idx]));
  }
  while (records.Next(record)) {
    if (record.size() == 1 && Trim(record[0]).empty()) continue;  // blank line
    AddRow(record, records.line(), matrix, sink);
  }
  if (!records.status().ok()) return records.status().WithContext(path);
  std::set<std::string> seen;
  for (const auto& [label, line] : matrix.rows) {
    if (!seen.insert(label).second) {
      sink.OnReject({line, "", label, "node label repeated: its ties are merged into one node"});
    }
  }
  NetworkBuilder builder(provenance, sink);
  return IsOneMode(matrix) ? EmitOneMode(matrix, builder) : EmitTwoMode(matrix, builder);
}

}  // namespace tafkik::exchange::internal
