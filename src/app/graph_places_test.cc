// Co-location and routes read from a real workspace: Calls with cells joined to cell sites.
#include "app/graph_places.h"

#include "app/app_test_util.h"
#include "app/entities.h"
#include "app/relations.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;

class GraphPlacesTest : public testing::WorkspaceTest {
 protected:
  std::string Add(const std::string& schema, std::vector<std::string> assignments) {
    Result<model::Entity> added = AddEntity(*store_, actor_, {schema, std::move(assignments)});
    EXPECT_THAT(added, IsOk());
    return added.ok() ? added->id.value() : "";
  }

  void Call(const std::string& from, const std::string& to, const std::string& start,
            const std::string& cell) {
    AddRelationRequest request{"Call", from, to, start};
    request.assignments = {"cellFirst=" + cell, "cellLast=" + cell};
    ASSERT_THAT(AddRelation(*store_, actor_, request), IsOk());
  }
};

TEST_F(GraphPlacesTest, PhonesAtOneCellTogetherAndARouteAlongCells) {
  Add("Location", {"name=Tanger Medina", "cellId=604-00-1200-1", "latitude=35.7595",
                   "longitude=-5.834", "kind=cell_site"});
  Add("Location", {"name=Tetouan Centre", "cellId=604-00-1300-7", "latitude=35.5785",
                   "longitude=-5.3684", "kind=cell_site"});
  std::string a = Add("Phone", {"number=+212612345678"});
  std::string b = Add("Phone", {"number=+212612345679"});
  std::string c = Add("Phone", {"number=+212612345670"});
  Call(a, c, "2025-07-01T10:00:00Z", "604-00-1200-1");
  Call(b, c, "2025-07-01T10:05:00Z", "604-00-1200-1");
  Call(a, c, "2025-07-02T18:00:00Z", "604-00-1200-1");
  Call(b, c, "2025-07-02T18:10:00Z", "604-00-1200-1");
  Call(a, c, "2025-07-03T09:00:00Z", "604-00-1300-7");
  ColocationRequest request;
  Result<Json> together = NetworkColocation(*store_, actor_, request);
  ASSERT_THAT(together, IsOk());
  ASSERT_EQ((*together)["pairs"].size(), 1u);
  EXPECT_EQ((*together)["pairs"][0]["meetings"], 2);
  EXPECT_EQ((*together)["pairs"][0]["cells"][0], "604-00-1200-1");
  EXPECT_EQ((*together)["cells_located"], 2);
  Result<Json> route = NetworkRoute(*store_, actor_, a, "", "");
  ASSERT_THAT(route, IsOk());
  ASSERT_EQ((*route)["stays"].size(), 2u);
  EXPECT_EQ((*route)["stays"][0]["place"], "Tanger Medina");
  EXPECT_EQ((*route)["stays"][0]["sightings"], 2);  // one per call: first = last cell
  EXPECT_EQ((*route)["stays"][1]["cell"], "604-00-1300-7");
  EXPECT_DOUBLE_EQ((*route)["stays"][1]["latitude"].get<double>(), 35.5785);
  request.since = "2026-01-01";
  EXPECT_THAT(NetworkColocation(*store_, actor_, request),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("cell")));
  EXPECT_THAT(NetworkRoute(*store_, actor_, "nobody", "", ""), StatusIs(StatusCode::kNotFound));
}

}  // namespace
}  // namespace tafkik::app
