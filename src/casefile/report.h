// The case file report: ReportInput (what app/ loaded from the store, plain values) is turned
// into a ReportDocument (headings, paragraphs, tables, the link chart) in one language by
// BuildReport, then written as Markdown, HTML or PDF (report_pdf.cc: Pango/Cairo, Arabic
// shaped and right to left). Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "casefile/custody.h"
#include "casefile/evidence.h"
#include "casefile/investigation.h"
#include "casefile/labels.h"
#include "casefile/legal_matrix.h"
#include "casefile/link_chart.h"
#include "core/status.h"
#include "model/case.h"

namespace tafkik::casefile {

struct ReportPerson {
  std::string id;
  model::Role role = model::Role::kOther;
  std::string schema;
  std::string name;  // the caption, or the pseudonym ("V1") of a victim
};

struct ReportEvidence {
  EvidenceItem item;
  std::vector<CustodyEvent> custody;
  std::string current_custodian;
  bool chain_ok = true;
  std::string file_check;  // "intact", "altered", "missing", "n/a"
};

struct MoneyFlow {
  Timestamp time;
  std::string payer;        // captions (victims pseudonymised)
  std::string beneficiary;
  std::string amount;       // as stored: "25000"
  std::string currency;
  std::string channel;
};

// A record of another capability with a one-paragraph summary per language (screening,
// money.alert): shown when present.
struct ReportFinding {
  std::string subject;  // caption of what it is about ("" when none)
  std::string text;     // the summary in the report's language (else English)
  std::string date;
};

struct ReportSource {
  std::string source;   // "dataset ma-dgsn-cdr-2025, file <sha256>", "evidence E3 <sha256>"
  int64_t values = 0;   // how many values of the case's entities come from it
};

struct ReportInput {
  model::Case record;
  std::string generated_at;  // ISO time
  std::string generated_by;
  bool victims_revealed = false;
  std::vector<ReportPerson> persons;
  std::vector<TimelineEntry> timeline;
  std::vector<ReportEvidence> evidence;
  std::vector<Action> actions;
  LinkChart chart;
  std::vector<MoneyFlow> flows;
  std::vector<ReportFinding> screenings;
  std::vector<ReportFinding> alerts;
  std::vector<SuspectMatrix> matrix;
  std::vector<ReportSource> sources;
  std::string audit_head;    // hash of the last audit event before the report
  int64_t relation_count = 0;
  bool truncated = false;
};

struct ReportTable {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> widths;  // relative column widths (PDF), one per column
  bool monospace_last = false; // the last column holds hashes
};

struct ReportBlock {
  enum class Kind { kHeading, kParagraph, kTable, kChart };
  Kind kind = Kind::kParagraph;
  std::string text;     // heading or paragraph
  ReportTable table;
};

struct ReportDocument {
  std::string lang;
  bool right_to_left = false;
  std::string title;
  std::string subtitle;
  std::vector<ReportBlock> blocks;
  LinkChart chart;
};

ReportDocument BuildReport(const ReportInput& input, const Labels& labels);

std::string RenderMarkdown(const ReportDocument& document);
// A standalone page (dir="rtl" for Arabic) with the chart as an inline PNG.
Result<std::string> RenderHtml(const ReportDocument& document);
// A4 pages, fonts Amiri (Arabic) and DejaVu Sans, page numbers in the footer.
Result<std::string> RenderPdf(const ReportDocument& document);

}  // namespace tafkik::casefile
