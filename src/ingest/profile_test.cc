#include "ingest/profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "ingest/profiles.h"

namespace tafkik::ingest {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

constexpr char kGood[] = R"(
region: EG
timezone: Africa/Cairo
entities:
  caller:
    schema: Phone
    keys: [a]
    properties:
      number: {column: a}
  callee:
    schema: Phone
    keys: [b]
    properties:
      number: b
  call:
    schema: Call
    keys: [a, b, t]
    properties:
      caller: {entity: caller}
      receiver: {entity: callee}
      startDate: {column: t, format: "%d/%m/%Y %H:%M"}
)";

TEST(ProfileTest, ParsesEntitiesInOrderWithTheirProperties) {
  Result<Profile> profile = ParseProfile(kGood, "test.yaml");
  ASSERT_THAT(profile, IsOk());
  EXPECT_EQ(profile->name, "test");
  EXPECT_EQ(profile->region, "EG");
  ASSERT_EQ(profile->entities.size(), 3u);
  EXPECT_EQ(profile->entities[2].name, "call");
  EXPECT_EQ(profile->entities[2].properties[2].format, "%d/%m/%Y %H:%M");
  EXPECT_EQ(profile->entities[1].properties[0].columns, std::vector<std::string>{"b"});
  EXPECT_EQ(ColumnsOf(*profile), (std::vector<std::string>{"a", "b", "t"}));
}

// Each error names the file, the entity and the key at fault.
struct BadProfile {
  std::string yaml;
  std::string expected;
};

class ProfileErrorTest : public ::testing::TestWithParam<BadProfile> {};

TEST_P(ProfileErrorTest, NamesFileEntityAndKey) {
  Result<Profile> profile = ParseProfile(GetParam().yaml, "bad.yaml");
  EXPECT_THAT(profile, StatusIs(StatusCode::kInvalidArgument,
                                AllOf(HasSubstr("bad.yaml"), HasSubstr(GetParam().expected))));
}

INSTANTIATE_TEST_SUITE_P(
    Errors, ProfileErrorTest,
    ::testing::Values(
        BadProfile{"entities:\n  p:\n    schema: Phone\n    keys: [a]\n    properties:\n"
                   "      number: {colum: a}\n",
                   "entity 'p': property 'number': unknown key 'colum'"},
        BadProfile{"entities:\n  p:\n    schema: Fone\n    keys: [a]\n    properties:\n"
                   "      number: a\n",
                   "entity 'p': schema"},
        BadProfile{"entities:\n  p:\n    schema: Phone\n    properties:\n      number: a\n",
                   "entity 'p': missing key 'keys'"},
        BadProfile{"entities:\n  p:\n    schema: Phone\n    keys: [a]\n    properties:\n"
                   "      nummer: a\n",
                   "entity 'p': property 'nummer': schema Phone has no such property"},
        BadProfile{"entities:\n  c:\n    schema: Call\n    keys: [a]\n    properties:\n"
                   "      caller: {entity: nobody}\n",
                   "entity 'c': property 'caller': 'entity: nobody'"},
        BadProfile{"entities:\n  p:\n    schema: Phone\n    keys: [a]\n    properties:\n"
                   "      number: {column: a, normalize: telephone}\n",
                   "entity 'p': property 'number': unknown normalizer 'telephone'"},
        BadProfile{"entities:\n  p:\n    schema: Phone\n    keys: [a]\n    properties:\n"
                   "      number: {column: a, literal: x}\n",
                   "entity 'p': property 'number': needs exactly one of"},
        BadProfile{"entitys: {}\n", "unknown key 'entitys'"},
        BadProfile{"entities: [\n", "not valid YAML"}));

TEST(ProfileTest, RelationWithoutItsEndsIsRejected) {
  Result<Profile> profile = ParseProfile(
      "entities:\n  c:\n    schema: Call\n    keys: [a]\n    properties:\n      duration: a\n",
      "ends.yaml");
  EXPECT_THAT(profile, StatusIs(StatusCode::kInvalidArgument,
                                HasSubstr("ends.yaml: entity 'c': relation Call needs 'caller")));
}

TEST(ProfileTest, ParametersEntityFiltersAndSkipLines) {
  Result<Profile> profile = ParseProfile(R"(
skip_lines: 3
parameters: {owner_number: the handset's number}
entities:
  line: {schema: Phone, keys: [owner_number], properties: {number: owner_number}}
  other: {schema: Phone, keys: [number], properties: {number: number}}
  call_in:
    schema: Call
    keys: [number, time]
    filters: {direction: [Incoming, Missed]}
    filters_not: {deleted: "yes"}
    properties: {caller: {entity: other}, receiver: {entity: line}, startDate: time}
)",
                                         "x.yaml");
  ASSERT_THAT(profile, IsOk());
  EXPECT_EQ(profile->skip_lines, 3);
  EXPECT_EQ(profile->parameters.at("owner_number"), "the handset's number");
  EXPECT_EQ(profile->entities[2].filters.at("direction"),
            (std::vector<std::string>{"Incoming", "Missed"}));
  EXPECT_EQ(profile->entities[2].filters_not.at("deleted"), (std::vector<std::string>{"yes"}));
  // Parameters are not columns of the file: suggestion does not look for them.
  EXPECT_EQ(ColumnsOf(*profile),
            (std::vector<std::string>{"number", "time", "direction", "deleted"}));
  EXPECT_THAT(ParseProfile("skip_lines: many\nentities: {}\n", "y.yaml"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("y.yaml: 'skip_lines' must be")));
}

TEST(ProfileTest, MissingFileIsNotFoundNamingIt) {
  EXPECT_THAT(LoadProfile("/nonexistent/x.yaml"),
              StatusIs(StatusCode::kNotFound, HasSubstr("/nonexistent/x.yaml")));
}

TEST(ProfileTest, EveryShippedProfileLoads) {
  Result<std::vector<Profile>> profiles = LoadShippedProfiles();
  ASSERT_THAT(profiles, IsOk());
  std::vector<std::string> names;
  for (const Profile& profile : *profiles) names.push_back(profile.name);
  EXPECT_EQ(names, (std::vector<std::string>{"bank_statement", "cdr", "cell_sites",
                                             "extraction_calls", "extraction_contacts",
                                             "extraction_messages", "hawala_ledger", "mobile_money",
                                             "money_transfer", "person_register"}));
}

TEST(ProfileTest, ResolveByNameOrPath) {
  EXPECT_THAT(ResolveProfile("cdr"), IsOk());
  EXPECT_THAT(ResolveProfile("nope"),
              StatusIs(StatusCode::kNotFound, HasSubstr("shipped profiles: bank_statement")));
}

}  // namespace
}  // namespace tafkik::ingest
