#include "casefile/legal_matrix.h"

#include <algorithm>

#include "core/time.h"

namespace tafkik::casefile {
namespace {

bool Cites(const std::vector<std::string>& elements, std::string_view key) {
  return std::find(elements.begin(), elements.end(), key) != elements.end();
}

bool Links(const std::vector<std::string>& entities, const std::set<std::string>& holdings) {
  return std::any_of(entities.begin(), entities.end(),
                     [&holdings](const std::string& id) { return holdings.count(id) > 0; });
}

std::string DateOf(const model::Relation& relation) {
  return relation.start ? FormatTimestamp(*relation.start).substr(0, 10) : "undated";
}

// The elements `relation` is a fact of against the suspect whose holdings are given.
std::vector<std::string_view> FactElements(const model::Relation& relation,
                                           const std::set<std::string>& holdings,
                                           const std::set<std::string>& victim_side) {
  const std::string& source = relation.source.value();
  const std::string& target = relation.target.value();
  std::vector<std::string_view> elements;
  if (relation.schema == "Recruitment" && holdings.count(source)) {
    elements.push_back("tip.act");
    std::string method = relation.First("method");
    if (method == "deception" || method == "coercion" || method == "abduction" ||
        method == "debt_bondage") {
      elements.push_back("tip.means");
    }
  } else if (relation.schema == "Exploitation" && holdings.count(source)) {
    elements.push_back("tip.purpose");
  } else if (relation.schema == "Travel" && holdings.count(source) &&
             !relation.First("borderCrossing").empty()) {
    elements.push_back("som.illegal_entry");
  } else if (relation.schema == "Payment" && holdings.count(target) &&
             victim_side.count(source)) {
    elements.push_back("som.material_benefit");
  }
  return elements;
}

std::string FactLabel(const model::Relation& relation) {
  std::string detail;
  for (const char* property : {"method", "form", "amount"}) {
    std::string value = relation.First(property);
    if (value.empty()) continue;
    detail = value;
    if (std::string_view(property) == "amount") detail += " " + relation.First("currency");
    break;
  }
  return relation.schema + (detail.empty() ? "" : " (" + detail + ")") + " " + DateOf(relation);
}

SuspectMatrix BuildOne(const MatrixInput& input, const SuspectInput& suspect) {
  SuspectMatrix matrix{suspect.id, suspect.caption, {}, {}};
  for (const ElementInfo& element : ElementsOf(input.offences)) {
    ElementRow row{element, {}};
    for (const EvidenceItem& item : input.evidence) {
      if (Cites(item.elements, element.key) && Links(item.entities, suspect.holdings)) {
        row.support.push_back({"evidence", item.id, item.number + " " + item.description});
      }
    }
    for (const Action& action : input.actions) {
      if (Cites(action.elements, element.key) && Links(action.entities, suspect.holdings)) {
        row.support.push_back({"action", action.id,
                               action.number + " " + std::string(ActionTypeName(action.type)) +
                                   ": " + action.outcome});
      }
    }
    for (const model::Relation& relation : input.relations) {
      auto facts = FactElements(relation, suspect.holdings, input.victim_side);
      if (std::find(facts.begin(), facts.end(), element.key) != facts.end()) {
        row.support.push_back({"fact", relation.id.value(), FactLabel(relation)});
      }
    }
    if (row.missing()) matrix.missing.emplace_back(element.key);
    matrix.rows.push_back(std::move(row));
  }
  return matrix;
}

}  // namespace

std::vector<SuspectMatrix> BuildLegalMatrix(const MatrixInput& input) {
  std::vector<SuspectMatrix> matrices;
  for (const SuspectInput& suspect : input.suspects) {
    matrices.push_back(BuildOne(input, suspect));
  }
  return matrices;
}

Json ToJson(const SuspectMatrix& matrix) {
  Json rows = Json::array();
  for (const ElementRow& row : matrix.rows) {
    Json support = Json::array();
    for (const ElementSupport& item : row.support) {
      support.push_back(Json{{"kind", item.kind}, {"id", item.id}, {"label", item.label}});
    }
    rows.push_back(Json{{"element", row.element.key},
                        {"required", row.element.required},
                        {"missing", row.missing()},
                        {"support", support}});
  }
  Json missing = Json::array();
  for (const std::string& key : matrix.missing) missing.push_back(key);
  return Json{{"suspect", matrix.suspect},
              {"caption", matrix.caption},
              {"elements", rows},
              {"missing", missing}};
}

}  // namespace tafkik::casefile
