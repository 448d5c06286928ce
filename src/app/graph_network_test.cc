// Loading network snapshots from a real workspace: filters (case, schemata, time window,
// weights, min weight), bad input, and victims' reads on the audit record.
#include "app/graph_network.h"

#include "app/app_test_util.h"
#include "app/cases.h"
#include "app/entities.h"
#include "app/relations.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

class GraphNetworkTest : public testing::WorkspaceTest {
 protected:
  void SetUp() override {
    WorkspaceTest::SetUp();
    a_ = AddPerson("Karim Haddad");
    b_ = AddPerson("Youssef Amrani");
    c_ = AddPerson("Samira Benali");
    d_ = AddPerson("Omar Tazi");
    Tie("Call", a_, b_, "2025-07-01T10:00:00Z", {"duration=120"});
    Tie("Call", a_, b_, "2025-07-02T10:00:00Z", {"duration=30"});
    Tie("Call", b_, a_, "2025-07-03T22:00:00Z", {});  // no duration
    Tie("Call", b_, c_, "2025-08-01T09:00:00Z", {"duration=60"});
    Tie("Payment", c_, d_, "2025-08-02T12:00:00Z", {"amount=500", "currency=EUR", "amountEur=500"});
    Tie("Family", d_, d_, "", {});  // a self-loop: dropped
    CreateCaseRequest c;
    c.reference = "MA-2026-0042";
    c.country = "ma";
    c.offences = {"tip"};
    c.lead_unit = "BNPJ Tanger";
    ASSERT_THAT(CreateCase(*store_, actor_, c), IsOk());
    ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0042", a_, "suspect"), IsOk());
    ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0042", b_, "suspect"), IsOk());
  }

  std::string AddPerson(const std::string& name) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {"Person", {"name=" + name}});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }

  void Tie(const std::string& schema, const std::string& source, const std::string& target,
           const std::string& start, std::vector<std::string> assignments) {
    AddRelationRequest request;
    request.schema = schema;
    request.source = source;
    request.target = target;
    request.start = start;
    request.assignments = std::move(assignments);
    ASSERT_THAT(AddRelation(*store_, actor_, request), IsOk());
  }

  double WeightBetween(const Network& network, const std::string& from, const std::string& to) {
    const graph::Graph& graph = network.snapshot.graph();
    graph::NodeIndex source = *network.snapshot.Find(from), target = *network.snapshot.Find(to);
    auto neighbours = graph.OutNeighbours(source);
    for (size_t at = 0; at < neighbours.size(); ++at) {
      if (neighbours[at] == target) return graph.OutWeights(source)[at];
    }
    return 0;
  }

  std::string a_, b_, c_, d_;
};

TEST_F(GraphNetworkTest, WholeWorkspaceCountsTiesAndDropsSelfLoops) {
  Result<Network> network = LoadNetwork(*store_, NetworkFilter{});
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(network->snapshot.node_count(), 4);
  EXPECT_EQ(network->snapshot.graph().edge_count(), 3);  // a-b (3 calls), b-c, c-d
  EXPECT_EQ(WeightBetween(*network, a_, b_), 3);
  EXPECT_EQ(network->report.relations_read, 6);
  EXPECT_EQ(network->report.build.self_loops_dropped, 1);
  EXPECT_EQ(network->report.build.parallel_edges_merged, 2);
}

TEST_F(GraphNetworkTest, DirectedDurationsLeaveOutCallsWithoutOne) {
  NetworkFilter filter;
  filter.directed = true;
  filter.weight_by = "duration";
  filter.schemata = {"Call"};
  Result<Network> network = LoadNetwork(*store_, filter);
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(WeightBetween(*network, a_, b_), 150);
  EXPECT_EQ(WeightBetween(*network, b_, a_), 0);
  EXPECT_EQ(network->report.relations_without_weight, 1);
  EXPECT_EQ(network->snapshot.graph().edge_count(), 2);
}

TEST_F(GraphNetworkTest, CaseTimeWindowAndMinWeightFilter) {
  NetworkFilter members;
  members.case_reference = "MA-2026-0042";
  Result<Network> network = LoadNetwork(*store_, members);
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(network->snapshot.node_count(), 2);
  members.case_contacts = true;
  network = LoadNetwork(*store_, members);
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(network->snapshot.node_count(), 3);  // + c, b's contact
  NetworkFilter july;
  july.since = "2025-07-01";
  july.until = "2025-08-01";
  network = LoadNetwork(*store_, july);
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(network->snapshot.node_count(), 2);
  NetworkFilter heavy;
  heavy.min_weight = 2;
  network = LoadNetwork(*store_, heavy);
  ASSERT_THAT(network, IsOk());
  EXPECT_EQ(network->snapshot.graph().edge_count(), 1);
  EXPECT_EQ(network->report.ties_below_min_weight, 2);
}

TEST_F(GraphNetworkTest, BadFiltersAreRefusedNamingWhatIsWrong) {
  NetworkFilter filter;
  filter.weight_by = "love";
  EXPECT_THAT(LoadNetwork(*store_, filter),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("love")));
  filter = {};
  filter.schemata = {"Telepathy"};
  EXPECT_THAT(LoadNetwork(*store_, filter), StatusIs(StatusCode::kInvalidArgument));
  filter = {};
  filter.case_reference = "XX-0000";
  EXPECT_THAT(LoadNetwork(*store_, filter), StatusIs(StatusCode::kNotFound));
  filter = {};
  filter.since = "2030-01-01";
  EXPECT_THAT(LoadNetwork(*store_, filter),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("empty network")));
  filter = {};
  filter.until = "yesterday";
  EXPECT_THAT(LoadNetwork(*store_, filter),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("until")));
}

TEST_F(GraphNetworkTest, NamingAVictimIsOnTheRecord) {
  Result<Network> network = LoadNetwork(*store_, NetworkFilter{});
  ASSERT_THAT(network, IsOk());
  graph::NodeIndex c = *network->snapshot.Find(c_);
  const int64_t before = AuditCount();
  Result<std::vector<NamedNode>> named =
      NameNodes(*store_, actor_, network->snapshot, {c}, "network.centrality");
  ASSERT_THAT(named, IsOk());
  EXPECT_EQ((*named)[0].caption, "Samira Benali");
  EXPECT_EQ((*named)[0].schema, "Person");
  EXPECT_EQ(AuditCount(), before);  // not a victim: nothing to record
  ASSERT_THAT(AssignToCase(*store_, actor_, "MA-2026-0042", c_, "victim"), IsOk());
  ASSERT_THAT(NameNodes(*store_, actor_, network->snapshot, {c}, "network.centrality"), IsOk());
  EXPECT_EQ(LastEvent().action, "entity.read");
  EXPECT_THAT(LastEvent().details, HasSubstr(c_));
  EXPECT_THAT(LastEvent().details, HasSubstr("network.centrality"));
}

TEST_F(GraphNetworkTest, ActivityTimesOfAGroupCountEachCallOnce) {
  Result<std::vector<Timestamp>> times =
      ActivityTimes(*store_, actor_, {a_, b_}, {"Call"}, "", "");
  ASSERT_THAT(times, IsOk());
  EXPECT_EQ(times->size(), 4u);
  EXPECT_THAT(ActivityTimes(*store_, actor_, {}, {}, "", ""),
              StatusIs(StatusCode::kInvalidArgument));
}

}  // namespace
}  // namespace tafkik::app
