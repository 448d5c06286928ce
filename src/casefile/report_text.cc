// Markdown and HTML writers of the case file report.
#include <cstdint>
#include <map>
#include <sstream>

#include "casefile/report.h"

namespace tafkik::casefile {
namespace {

std::string MarkdownCell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

void MarkdownTable(std::ostringstream& out, const ReportTable& table) {
  std::vector<std::string> headers = table.headers;
  if (headers.empty() && !table.rows.empty()) headers.assign(table.rows[0].size(), " ");
  out << "|";
  for (const std::string& header : headers) out << " " << MarkdownCell(header) << " |";
  out << "\n|";
  for (size_t column = 0; column < headers.size(); ++column) out << "---|";
  out << "\n";
  for (const auto& row : table.rows) {
    out << "|";
    for (size_t column = 0; column < row.size(); ++column) {
      bool code = table.monospace_last && column + 1 == row.size() && !row[column].empty() &&
                  row[column] != "-";
      out << " " << (code ? "`" : "") << MarkdownCell(row[column]) << (code ? "`" : "") << " |";
    }
    out << "\n";
  }
  out << "\n";
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Base64(const std::string& bytes) {
  static const char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t index = 0;
  for (; index + 2 < bytes.size(); index += 3) {
    uint32_t chunk = (uint8_t(bytes[index]) << 16) | (uint8_t(bytes[index + 1]) << 8) |
                     uint8_t(bytes[index + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(chunk >> shift) & 63];
  }
  size_t rest = bytes.size() - index;
  if (rest > 0) {
    uint32_t chunk = uint8_t(bytes[index]) << 16;
    if (rest == 2) chunk |= uint8_t(bytes[index + 1]) << 8;
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += rest == 2 ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

void HtmlTable(std::ostringstream& out, const ReportTable& table) {
  out << "<table>\n";
  if (!table.headers.empty()) {
    out << "<tr>";
    for (const std::string& header : table.headers) out << "<th>" << Escape(header) << "</th>";
    out << "</tr>\n";
  }
  for (const auto& row : table.rows) {
    out << "<tr>";
    for (size_t column = 0; column < row.size(); ++column) {
      bool code = table.monospace_last && column + 1 == row.size();
      out << "<td" << (code ? " class=\"hash\" dir=\"ltr\"" : "") << ">" << Escape(row[column])
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</table>\n";
}

}  // namespace

std::string RenderMarkdown(const ReportDocument& document) {
  std::ostringstream out;
  out << "# " << document.title << "\n\n" << document.subtitle << "\n\n";
  for (const ReportBlock& block : document.blocks) {
    switch (block.kind) {
      case ReportBlock::Kind::kHeading: out << "## " << block.text << "\n\n"; break;
      case ReportBlock::Kind::kParagraph: out << block.text << "\n\n"; break;
      case ReportBlock::Kind::kTable: MarkdownTable(out, block.table); break;
      case ReportBlock::Kind::kChart: {
        ReportTable edges{{"A", "B", "#", ""}, {}, {}};
        std::map<std::string, std::string> names;
        for (const ChartNode& node : document.chart.nodes) names[node.id] = node.label;
        for (const ChartEdge& edge : document.chart.edges) {
          edges.rows.push_back({names[edge.source], names[edge.target],
                                std::to_string(edge.count), edge.label});
        }
        MarkdownTable(out, edges);
        break;
      }
    }
  }
  return out.str();
}

Result<std::string> RenderHtml(const ReportDocument& document) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"" << document.lang << "\""
      << (document.right_to_left ? " dir=\"rtl\"" : "") << ">\n<head><meta charset=\"utf-8\">"
      << "<title>" << Escape(document.title) << "</title>\n<style>"
      << "body{font-family:" << (document.right_to_left ? "Amiri,'Noto Naskh Arabic'," : "")
      << "'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;font-size:11pt}"
      << "table{border-collapse:collapse;margin:0.5em 0 1.5em}td,th{border:1px solid #999;"
      << "padding:2px 6px;vertical-align:top}th{background:#eee}"
      << ".hash{font-family:'DejaVu Sans Mono',monospace;font-size:8pt;word-break:break-all}"
      << "</style></head>\n<body>\n<h1>" << Escape(document.title) << "</h1>\n<p>"
      << Escape(document.subtitle) << "</p>\n";
  for (const ReportBlock& block : document.blocks) {
    switch (block.kind) {
      case ReportBlock::Kind::kHeading: out << "<h2>" << Escape(block.text) << "</h2>\n"; break;
      case ReportBlock::Kind::kParagraph: out << "<p>" << Escape(block.text) << "</p>\n"; break;
      case ReportBlock::Kind::kTable: HtmlTable(out, block.table); break;
      case ReportBlock::Kind::kChart: {
        TAFKIK_ASSIGN_OR_RETURN(std::string png, ChartPng(document.chart, 1000, 700, "DejaVu Sans, Amiri 11"));
        out << "<img alt=\"link chart\" style=\"max-width:100%\" src=\"data:image/png;base64,"
            << Base64(png) << "\">\n";
        break;
      }
    }
  }
  out << "</body>\n</html>\n";
  return out.str();
}

}  // namespace tafkik::casefile
