#include "casefile/report.h"

#include <algorithm>

#include "core/text.h"

namespace tafkik::casefile {
namespace {

using Kind = ReportBlock::Kind;

class Builder {
 public:
  Builder(const ReportInput& input, const Labels& labels) : in_(input), l_(labels) {}

  ReportDocument Build() {
    doc_.lang = l_.lang();
    doc_.right_to_left = l_.right_to_left();
    doc_.title = l_.Get("title") + " " + in_.record.reference;
    doc_.subtitle = l_.Get("subtitle");
    doc_.chart = in_.chart;
    Cover();
    Summary();
    Persons();
    Timeline();
    Evidence();
    Actions();
    Chart();
    Money();
    Screening();
    Matrix();
    Sources();
    return std::move(doc_);
  }

 private:
  void Heading(const std::string& key) { doc_.blocks.push_back({Kind::kHeading, l_.Get(key)}); }
  void Heading2(std::string text) { doc_.blocks.push_back({Kind::kHeading, std::move(text)}); }
  void Paragraph(std::string text) { doc_.blocks.push_back({Kind::kParagraph, std::move(text)}); }
  void Table(ReportTable table) { doc_.blocks.push_back({Kind::kTable, "", std::move(table)}); }

  std::string Date(Timestamp time) const { return FormatTimestamp(time).substr(0, 10); }
  std::string Minute(Timestamp time) const {
    std::string text = FormatTimestamp(time).substr(0, 16);
    std::replace(text.begin(), text.end(), 'T', ' ');
    return text;
  }

  std::string Offences() const {
    std::vector<std::string> names;
    for (model::Offence offence : in_.record.offences) {
      names.push_back(l_.Get("offence_" + std::string(model::OffenceName(offence))));
    }
    return Join(names, l_.right_to_left() ? "، " : ", ");
  }

  void Cover() {
    Heading("section_cover");
    ReportTable table;
    table.widths = {1, 3};
    const model::Case& c = in_.record;
    auto row = [&table, this](const std::string& key, const std::string& value) {
      if (!value.empty()) table.rows.push_back({l_.Get(key), value});
    };
    row("reference", c.reference);
    row("case_title", c.title);
    row("jurisdiction", AsciiUpper(c.jurisdiction.country) +
                            (c.jurisdiction.region.empty() ? "" : " - " + c.jurisdiction.region));
    row("offences", Offences());
    row("lead_unit", c.lead_unit);
    row("status", l_.Get("status_" + std::string(model::CaseStatusName(c.status))));
    row("opened", Date(c.opened));
    row("generated", in_.generated_at);
    row("generated_by", in_.generated_by);
    Table(std::move(table));
  }

  void Summary() {
    Heading("section_summary");
    int suspects = 0, victims = 0, digital = 0, altered = 0, missing = 0;
    for (const ReportPerson& person : in_.persons) {
      suspects += person.role == model::Role::kSuspect;
      victims += person.role == model::Role::kVictim;
    }
    for (const ReportEvidence& evidence : in_.evidence) {
      digital += evidence.item.type == EvidenceType::kDigital;
      altered += evidence.file_check == "altered" || evidence.file_check == "missing" ||
                 evidence.item.integrity.has_value();
    }
    for (const SuspectMatrix& matrix : in_.matrix) missing += matrix.missing.size();
    std::string text = l_.Get("summary_text");
    auto fill = [&text](const std::string& name, const std::string& value) {
      std::string placeholder = "{" + name + "}";
      for (size_t at = text.find(placeholder); at != std::string::npos;
           at = text.find(placeholder, at + value.size())) {
        text.replace(at, placeholder.size(), value);
      }
    };
    fill("persons", std::to_string(in_.persons.size()));
    fill("suspects", std::to_string(suspects));
    fill("victims", std::to_string(victims));
    fill("evidence", std::to_string(in_.evidence.size()));
    fill("digital", std::to_string(digital));
    fill("altered", std::to_string(altered));
    fill("actions", std::to_string(in_.actions.size()));
    fill("payments", std::to_string(in_.flows.size()));
    fill("relations", std::to_string(in_.relation_count));
    fill("missing", std::to_string(missing));
    Paragraph(text);
    if (in_.truncated) Paragraph(l_.Get("truncated"));
  }

  void Persons() {
    Heading("section_persons");
    Paragraph(l_.Get(in_.victims_revealed ? "victims_revealed" : "victims_pseudonymised"));
    ReportTable table{{l_.Get("col_role"), l_.Get("col_name"), l_.Get("col_type"),
                       l_.Get("col_id")}, {}, {1, 2.2, 1, 2.6}, true};
    std::vector<ReportPerson> persons = in_.persons;
    std::stable_sort(persons.begin(), persons.end(),
                     [](const auto& left, const auto& right) { return left.role < right.role; });
    for (const ReportPerson& person : persons) {
      bool hide = person.role == model::Role::kVictim && !in_.victims_revealed;
      table.rows.push_back({l_.Get("role_" + std::string(model::RoleName(person.role))),
                            person.name, person.schema, hide ? "-" : person.id});
    }
    Table(std::move(table));
  }

  void Timeline() {
    Heading("section_timeline");
    if (in_.timeline.empty()) return Paragraph(l_.Get("none_recorded"));
    ReportTable table{{l_.Get("col_time"), l_.Get("col_kind"), l_.Get("col_type"),
                       l_.Get("col_summary")}, {}, {1.3, 0.8, 1, 4}};
    for (const TimelineEntry& entry : in_.timeline) {
      std::string label = entry.label;
      if (entry.kind == "action") label = l_.Get("action_" + label);
      if (entry.kind == "evidence") label = l_.Get("type_" + label);
      table.rows.push_back({Minute(entry.time), l_.Get("kind_" + entry.kind), label,
                            entry.summary});
    }
    Table(std::move(table));
  }

  void Evidence() {
    Heading("section_evidence");
    if (in_.evidence.empty()) return Paragraph(l_.Get("none_recorded"));
    ReportTable table{{l_.Get("col_number"), l_.Get("col_type"), l_.Get("col_description"),
                       l_.Get("col_collected"), l_.Get("col_legal_basis"), l_.Get("col_seal"),
                       l_.Get("col_custodian"), l_.Get("col_chain"), l_.Get("col_file"),
                       l_.Get("col_sha256")},
                      {}, {0.5, 0.9, 2, 1.8, 1.3, 0.8, 1.1, 0.9, 0.8, 2.2}, true};
    for (const ReportEvidence& evidence : in_.evidence) {
      const EvidenceItem& item = evidence.item;
      std::string file = evidence.file_check == "n/a" ? l_.Get("file_na")
                                                      : l_.Get("file_" + evidence.file_check);
      if (item.integrity && evidence.file_check == "intact") file = l_.Get("file_altered");
      table.rows.push_back(
          {item.number, l_.Get("type_" + std::string(EvidenceTypeName(item.type))),
           item.description, Minute(item.collected_at) + ", " + item.collected_by + ", " + item.place,
           l_.Get("basis_" + std::string(LegalBasisName(item.legal_basis))) +
               (item.legal_reference.empty() ? "" : " " + item.legal_reference),
           item.seal, evidence.current_custodian,
           l_.Get(evidence.chain_ok ? "chain_ok" : "chain_broken"), file, item.sha256});
    }
    Table(std::move(table));
    Custody();
  }

  void Custody() {
    Heading("section_custody");
    ReportTable table{{l_.Get("col_number"), "#", l_.Get("col_time"), l_.Get("col_from"),
                       l_.Get("col_to"), l_.Get("col_purpose"), l_.Get("col_place")},
                      {}, {0.5, 0.3, 1.3, 1.4, 1.4, 1.8, 1.3}};
    for (const ReportEvidence& evidence : in_.evidence) {
      for (const CustodyEvent& event : evidence.custody) {
        table.rows.push_back({evidence.item.number, std::to_string(event.sequence),
                              Minute(event.time), event.from.empty() ? l_.Get("intake") : event.from,
                              event.to, event.purpose, event.place});
      }
    }
    Table(std::move(table));
  }

  void Actions() {
    Heading("section_actions");
    if (in_.actions.empty()) return Paragraph(l_.Get("none_recorded"));
    ReportTable table{{l_.Get("col_number"), l_.Get("col_date"), l_.Get("col_type"),
                       l_.Get("col_officer"), l_.Get("col_legal_basis"), l_.Get("col_outcome")},
                      {}, {0.5, 1.2, 1.2, 1.2, 1.5, 3}};
    for (const Action& action : in_.actions) {
      table.rows.push_back({action.number, Minute(action.date),
                            l_.Get("action_" + std::string(ActionTypeName(action.type))),
                            action.officer, action.legal_basis, action.outcome});
    }
    Table(std::move(table));
  }

  void Chart() {
    Heading("section_chart");
    if (in_.chart.nodes.empty()) return Paragraph(l_.Get("none_recorded"));
    Paragraph(l_.Get("chart_note"));
    doc_.blocks.push_back({Kind::kChart});
  }

  void Money() {
    Heading("section_money");
    if (in_.flows.empty()) {
      Paragraph(l_.Get("none_recorded"));
    } else {
      ReportTable table{{l_.Get("col_date"), l_.Get("col_payer"), l_.Get("col_beneficiary"),
                         l_.Get("col_amount"), l_.Get("col_channel")},
                        {}, {1.2, 2, 2, 1.2, 1}};
      for (const MoneyFlow& flow : in_.flows) {
        table.rows.push_back({Minute(flow.time), flow.payer, flow.beneficiary,
                              flow.amount + " " + flow.currency, flow.channel});
      }
      Table(std::move(table));
    }
    Heading2(l_.Get("money_alerts"));
    Findings(in_.alerts);
  }

  void Findings(const std::vector<ReportFinding>& findings) {
    if (findings.empty()) return Paragraph(l_.Get("none_recorded"));
    for (const ReportFinding& finding : findings) {
      std::string lead = finding.date;
      if (!finding.subject.empty()) lead += (lead.empty() ? "" : " - ") + finding.subject;
      Paragraph(lead.empty() ? finding.text : lead + ": " + finding.text);
    }
  }

  void Screening() {
    Heading("section_screening");
    Findings(in_.screenings);
  }

  void Matrix() {
    Heading("section_matrix");
    if (in_.matrix.empty()) return Paragraph(l_.Get("none_recorded"));
    for (const SuspectMatrix& matrix : in_.matrix) {
      Heading2(l_.Get("role_suspect") + ": " + matrix.caption);
      ReportTable table{{l_.Get("col_element"), l_.Get("col_support")}, {}, {2, 4}};
      for (const ElementRow& row : matrix.rows) {
        std::vector<std::string> support;
        for (const ElementSupport& item : row.support) {
          support.push_back(l_.Get("support_" + item.kind) + ": " + item.label);
        }
        std::string cell = !support.empty()           ? Join(support, "; ")
                           : row.element.required     ? l_.Get("missing")
                                                      : l_.Get("optional_none");
        table.rows.push_back({l_.Get(std::string(row.element.label_key)), cell});
      }
      Table(std::move(table));
    }
  }

  void Sources() {
    Heading("section_sources");
    Paragraph(l_.Get("sources_note"));
    if (!in_.sources.empty()) {
      ReportTable table{{l_.Get("col_values"), l_.Get("col_source")}, {}, {1, 6}};
      for (const ReportSource& source : in_.sources) {
        table.rows.push_back({source.values > 0 ? std::to_string(source.values) : "-",
                              source.source});
      }
      Table(std::move(table));
    }
    Paragraph(l_.Get("audit_head") + ": " + in_.audit_head);
  }

  const ReportInput& in_;
  const Labels& l_;
  ReportDocument doc_;
};

}  // namespace

ReportDocument BuildReport(const ReportInput& input, const Labels& labels) {
  return Builder(input, labels).Build();
}

}  // namespace tafkik::casefile
