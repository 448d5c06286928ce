// The legal elements matrix: for each suspect of a case, each element of the offences charged
// (elements.h) with the evidence items, investigative actions and recorded facts (relations)
// that support it, and the required elements that nothing supports yet.
//
// Support is explicit or factual:
//   - an evidence item or action supports element E against suspect S when it cites E
//     (`elements`) and links S or one of S's holdings (`entities`);
//   - a relation is a fact: Recruitment by S (tip.act; and tip.means when its method is
//     deception, coercion, abduction or debt bondage), Exploitation by S (tip.purpose),
//     Travel of S across a border (som.illegal_entry), Payment to S from the victim side
//     (som.material_benefit). The report marks which support is such a fact.
// Pure function; O(suspects x (items + relations)). Thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "casefile/elements.h"
#include "casefile/evidence.h"
#include "casefile/investigation.h"
#include "core/json.h"
#include "model/case.h"
#include "model/entity.h"

namespace tafkik::casefile {

struct SuspectInput {
  std::string id;                  // the suspect's entity id
  std::string caption;             // name shown
  std::set<std::string> holdings;  // the suspect and what it owns (phones, accounts, ...)
};

struct ElementSupport {
  std::string kind;   // "evidence", "action", "fact"
  std::string id;     // record or relation id
  std::string label;  // "E3 Hearing record", "Recruitment (deception) 2025-03-01"
};

struct ElementRow {
  ElementInfo element;
  std::vector<ElementSupport> support;
  bool missing() const { return element.required && support.empty(); }
};

struct SuspectMatrix {
  std::string suspect;
  std::string caption;
  std::vector<ElementRow> rows;
  std::vector<std::string> missing;  // keys of required elements with no support
};

struct MatrixInput {
  std::vector<model::Offence> offences;
  std::vector<SuspectInput> suspects;
  std::vector<EvidenceItem> evidence;
  std::vector<Action> actions;
  std::vector<model::Relation> relations;
  std::set<std::string> victim_side;  // victims and their holdings
};

std::vector<SuspectMatrix> BuildLegalMatrix(const MatrixInput& input);

Json ToJson(const SuspectMatrix& matrix);

}  // namespace tafkik::casefile
