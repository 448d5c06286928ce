#include "casefile/legal_matrix.h"

#include <gtest/gtest.h>

namespace tafkik::casefile {
namespace {

model::Relation Link(const char* id, const char* schema, const char* source, const char* target) {
  model::Relation relation;
  relation.id = EntityId(id);
  relation.schema = schema;
  relation.source = EntityId(source);
  relation.target = EntityId(target);
  relation.start = *ParseTimestamp("2026-01-15T00:00:00Z");
  return relation;
}

// "S1 tip.act: evidence MA-1:E1, fact rec-1 | tip.means: MISSING | ..." per suspect.
std::string Render(const std::vector<SuspectMatrix>& matrices) {
  std::string text;
  for (const SuspectMatrix& matrix : matrices) {
    text += matrix.caption;
    for (const ElementRow& row : matrix.rows) {
      text += " | " + std::string(row.element.key) + ":";
      if (row.missing()) text += " MISSING";
      for (const ElementSupport& support : row.support) text += " " + support.kind + "=" + support.id;
    }
    text += "\n";
  }
  return text;
}

TEST(LegalMatrixTest, EvidenceActionsAndFactsSupportElementsPerSuspect) {
  MatrixInput input;
  input.offences = {model::Offence::kTraffickingInPersons, model::Offence::kSmugglingOfMigrants};
  input.suspects = {{"s1", "Karim", {"s1", "s1-phone", "s1-account"}}, {"s2", "Driss", {"s2"}}};
  input.victim_side = {"v1", "v1-account"};
  EvidenceItem hearing;
  hearing.id = "MA-1:E1";
  hearing.number = "E1";
  hearing.description = "Hearing record";
  hearing.entities = {"v1", "s1-phone"};
  hearing.elements = {"tip.means"};
  input.evidence = {hearing};
  Action search;
  search.id = "MA-1:A1";
  search.number = "A1";
  search.outcome = "Ledger seized";
  search.entities = {"s2"};
  search.elements = {"som.material_benefit", "som.aggravating"};
  input.actions = {search};
  model::Relation recruitment = Link("rec-1", "Recruitment", "s1", "v1");
  recruitment.Add("method", "deception", {});
  model::Relation plain_recruitment = Link("rec-2", "Recruitment", "s2", "v1");
  plain_recruitment.Add("method", "personal_network", {});
  model::Relation travel = Link("tr-1", "Travel", "s2", "place-1");
  travel.Add("borderCrossing", "crossing-1", {});
  input.relations = {recruitment, plain_recruitment, Link("ex-1", "Exploitation", "s1", "v1"),
                     Link("pay-1", "Payment", "v1-account", "s1-account"),
                     Link("pay-2", "Payment", "other", "s2"), travel};
  EXPECT_EQ(Render(BuildLegalMatrix(input)),
            "Karim | tip.act: fact=rec-1 | tip.means: evidence=MA-1:E1 fact=rec-1"
            " | tip.purpose: fact=ex-1 | som.illegal_entry: MISSING"
            " | som.material_benefit: fact=pay-1 | som.aggravating:\n"
            "Driss | tip.act: fact=rec-2 | tip.means: MISSING | tip.purpose: MISSING"
            " | som.illegal_entry: fact=tr-1 | som.material_benefit: action=MA-1:A1"
            " | som.aggravating: action=MA-1:A1\n");
  std::vector<SuspectMatrix> matrices = BuildLegalMatrix(input);
  EXPECT_EQ(matrices[1].missing, (std::vector<std::string>{"tip.means", "tip.purpose"}));
  EXPECT_EQ(ToJson(matrices[0])["missing"], Json::array({"som.illegal_entry"}));
}

TEST(LegalMatrixTest, OnlyTheOffencesChargedHaveElements) {
  MatrixInput input;
  input.offences = {model::Offence::kSmugglingOfMigrants};
  input.suspects = {{"s1", "Karim", {"s1"}}};
  std::vector<SuspectMatrix> matrices = BuildLegalMatrix(input);
  ASSERT_EQ(matrices.size(), 1u);
  EXPECT_EQ(matrices[0].rows.size(), 3u);
  EXPECT_EQ(matrices[0].missing,
            (std::vector<std::string>{"som.illegal_entry", "som.material_benefit"}));
}

}  // namespace
}  // namespace tafkik::casefile
