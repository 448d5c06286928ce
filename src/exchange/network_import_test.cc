// Every network in ../shared/data/networks imports with its node and edge counts. CAVIAR phase
// node counts are those data/README.md publishes (15,24,33,33,32,27,36,42,34,42,41) and the
// aggregated network's 110 nodes / 295 arcs; the others were counted independently with
// Python's csv/json modules (nonzero cells; one edge per pair for symmetric matrices).
#include <gtest/gtest.h>

#include "exchange/exchange_test_util.h"

namespace tafkik::exchange {
namespace {

using testing::DataPath;
using testing::Import;
using testing::NewWorkspace;

struct NetworkCase {
  const char* path;
  InFormat format;
  int64_t nodes;
  int64_t edges;
};

void PrintTo(const NetworkCase& c, std::ostream* out) { *out << c.path; }

class NetworkImportTest : public ::testing::TestWithParam<NetworkCase> {};

TEST_P(NetworkImportTest, NodeAndEdgeCounts) {
  const NetworkCase& c = GetParam();
  auto workspace = NewWorkspace();
  ASSERT_NE(workspace->store, nullptr);
  testing::ImportResult result = Import(*workspace, DataPath(c.path), c.format);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.entities, c.nodes);
  EXPECT_EQ(result.relations, c.edges);
}

constexpr InFormat kMatrix = InFormat::kAdjacencyMatrix;
constexpr InFormat kJsonl = InFormat::kJsonLinesNetwork;

INSTANTIATE_TEST_SUITE_P(
    CaviarPhases, NetworkImportTest,
    ::testing::Values(NetworkCase{"caviar/phases/phase1.csv", kMatrix, 15, 26},
                      NetworkCase{"caviar/phases/phase2.csv", kMatrix, 24, 35},
                      NetworkCase{"caviar/phases/phase3.csv", kMatrix, 33, 68},
                      NetworkCase{"caviar/phases/phase4.csv", kMatrix, 33, 65},
                      NetworkCase{"caviar/phases/phase5.csv", kMatrix, 32, 50},
                      NetworkCase{"caviar/phases/phase6.csv", kMatrix, 27, 68},
                      NetworkCase{"caviar/phases/phase7.csv", kMatrix, 36, 63},
                      NetworkCase{"caviar/phases/phase8.csv", kMatrix, 42, 75},
                      NetworkCase{"caviar/phases/phase9.csv", kMatrix, 34, 60},
                      NetworkCase{"caviar/phases/phase10.csv", kMatrix, 42, 68},
                      NetworkCase{"caviar/phases/phase11.csv", kMatrix, 41, 72}));

// The same phases from another copy (a BOM, an empty corner cell, "9" labelled twice in
// phase 7: one node, 36 as published).
INSTANTIATE_TEST_SUITE_P(
    CaviarPhasesAnastasiadis, NetworkImportTest,
    ::testing::Values(NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR1.csv", kMatrix, 15, 26},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR2.csv", kMatrix, 24, 35},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR3.csv", kMatrix, 33, 68},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR4.csv", kMatrix, 33, 65},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR5.csv", kMatrix, 32, 50},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR6.csv", kMatrix, 27, 68},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR7.csv", kMatrix, 36, 63},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR8.csv", kMatrix, 42, 75},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR9.csv", kMatrix, 34, 60},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR10.csv", kMatrix, 42, 68},
                      NetworkCase{"caviar/phases_anastasiadis2024/CAVIAR11.csv", kMatrix, 41,
                                  72}));

INSTANTIATE_TEST_SUITE_P(
    CaviarAggregated, NetworkImportTest,
    ::testing::Values(
        NetworkCase{"caviar/aggregated/CAVIAR_FULL_Directed_anastasiadis2024.csv", kMatrix, 110,
                    295},
        NetworkCase{"caviar/aggregated/CAVIAR_FULL_directed_weighted.csv", kMatrix, 110, 295},
        // Symmetric: one tie per pair.
        NetworkCase{"caviar/aggregated/CAVIAR_FULL_Undirected_anastasiadis2024.csv", kMatrix,
                    110, 205}));

INSTANTIATE_TEST_SUITE_P(
    UcinetCovert, NetworkImportTest,
    ::testing::Values(NetworkCase{"ucinet-covert/ITALIAN_GANGS.csv", kMatrix, 67, 114},
                      NetworkCase{"ucinet-covert/LONDON_GANG.csv", kMatrix, 54, 315},
                      NetworkCase{"ucinet-covert/MONTREALGANG.csv", kMatrix, 35, 153},
                      // 2-mode: 156 persons + 47 meetings, 455 attendances.
                      NetworkCase{"ucinet-covert/NDRANGHETAMAFIA_2M.csv", kMatrix, 203, 455},
                      NetworkCase{"ucinet-covert/berlusconietal_oversize.csv", kMatrix, 89, 146},
                      NetworkCase{"ucinet-covert/macdonald_tfc.csv", kMatrix, 112, 361},
                      NetworkCase{"ucinet-covert/morselli_cielnet.csv", kMatrix, 25, 45},
                      NetworkCase{"ucinet-covert/morselli_siren.csv", kMatrix, 44, 103},
                      NetworkCase{"ucinet-covert/morselli_togo.csv", kMatrix, 33, 47},
                      NetworkCase{"ucinet-covert/natajaran_cocaine.csv", kMatrix, 28, 40},
                      NetworkCase{"ucinet-covert/natajaran_heroin.csv", kMatrix, 38, 168}));

INSTANTIATE_TEST_SUITE_P(
    Roxanne, NetworkImportTest,
    ::testing::Values(
        NetworkCase{"roxanne/911_hijackers.json", kJsonl, 60, 242},
        NetworkCase{"roxanne/baseball_steroid_use.json", kJsonl, 84, 2190},
        NetworkCase{"roxanne/bbc_islam_groups.json", kJsonl, 56, 66},
        NetworkCase{"roxanne/israel_lea_case1_speakers.json", kJsonl, 33, 38},
        NetworkCase{"roxanne/israel_lea_case2_speakers.json", kJsonl, 124, 178},
        NetworkCase{"roxanne/"
                    "israel_lea_inp_burglary_offender_id_network_from_2020-01-01_to_2020-01-31.json",
                    kJsonl, 330, 252},
        NetworkCase{"roxanne/"
                    "israel_lea_inp_burglary_offender_id_network_from_2020-01-01_to_2020-03-31.json",
                    kJsonl, 898, 802},
        NetworkCase{"roxanne/"
                    "israel_lea_inp_burglary_offender_id_network_from_2020-01-01_to_2020-06-30.json",
                    kJsonl, 1658, 1728},
        // Every node is declared twice (as "player" and as "firm"): 61 nodes.
        NetworkCase{"roxanne/madoff.json", kJsonl, 61, 61},
        NetworkCase{"roxanne/montreal_gangs.json", kJsonl, 35, 153},
        NetworkCase{"roxanne/moreno_crime.json", kJsonl, 1380, 3034},
        NetworkCase{"roxanne/noordintop.json", kJsonl, 79, 2028},
        NetworkCase{"roxanne/rhodes_bombing.json", kJsonl, 22, 129}));

TEST(NetworkImport, TwoModeMatrixMakesPersonsAndEvents) {
  auto workspace = NewWorkspace();
  auto result = Import(*workspace, DataPath("ucinet-covert/NDRANGHETAMAFIA_2M.csv"), kMatrix);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  EXPECT_EQ(result.entities_by_schema["Person"], 156);
  EXPECT_EQ(result.entities_by_schema["Event"], 47);
  EXPECT_EQ(result.relations_by_schema["UnknownLink"], 455);
}

TEST(NetworkImport, RepeatedMatrixLabelIsOneNodeAndReported) {
  auto workspace = NewWorkspace();
  auto result =
      Import(*workspace, DataPath("caviar/phases_anastasiadis2024/CAVIAR7.csv"), kMatrix);
  ASSERT_TRUE(result.status.ok());
  ASSERT_EQ(result.rejects.size(), 1u);
  EXPECT_EQ(result.rejects[0].value, "9");
  EXPECT_EQ(result.rejects[0].row, 16);
}

TEST(NetworkImport, CaviarWeightsAreCommunicationCounts) {
  auto workspace = NewWorkspace();
  auto result = Import(*workspace, DataPath("caviar/phases/phase1.csv"), kMatrix, "caviar1");
  ASSERT_TRUE(result.status.ok());
  // Row "1", column "85": 9 communications (the 8th cell of the first data row).
  Result<model::Relation> tie = workspace->store->GetRelation(
      MakeEntityId("caviar1", {"edge", "1", "85", ""}));
  ASSERT_TRUE(tie.ok()) << tie.status().ToString();
  EXPECT_EQ(tie->schema, "Associate");
  EXPECT_EQ(tie->First("weight"), "9");
}

TEST(NetworkImport, ReimportChangesNothing) {
  auto workspace = NewWorkspace();
  const std::string path = DataPath("roxanne/rhodes_bombing.json");
  ASSERT_TRUE(Import(*workspace, path, kJsonl).status.ok());
  auto again = Import(*workspace, path, kJsonl);
  ASSERT_TRUE(again.status.ok());
  EXPECT_EQ(again.entities, 22);
  EXPECT_EQ(again.relations, 129);
}

TEST(NetworkImport, PhoneCallEdgesBecomeCalls) {
  auto workspace = NewWorkspace();
  auto result = Import(*workspace, DataPath("roxanne/israel_lea_case2_speakers.json"), kJsonl);
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(result.relations_by_schema["Call"], 178);  // 74 phone calls + 104 SMS
}

TEST(NetworkImport, MissingFileIsNotFound) {
  auto workspace = NewWorkspace();
  auto result = Import(*workspace, DataPath("no/such.csv"), kMatrix);
  EXPECT_EQ(result.status.code(), StatusCode::kNotFound);
}

TEST(NetworkImport, UnclosedQuoteIsInvalidArgumentAndLandsNothing) {
  auto workspace = NewWorkspace();
  std::string path = workspace->dir.Sub("bad.csv");
  testing::WriteAll(path, "\"\",a,b\na,0,1\n\"b,1,0\n");
  auto result = Import(*workspace, path, kMatrix);
  EXPECT_EQ(result.status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(workspace->store->Count()->entities_by_schema.size(), 0u);
}

}  // namespace
}  // namespace tafkik::exchange
