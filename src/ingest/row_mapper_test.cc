#include "ingest/row_mapper.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "core/ids.h"
#include "core/phone.h"
#include "core/status_matchers.h"
#include "ingest/internal/test_sink.h"
#include "ingest/profiles.h"

namespace tafkik::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::MemorySink;

const std::vector<std::string> kCdrHeader = {"caller", "callee", "start", "duration", "type",
                                             "imsi", "imei", "cell_first", "cell_last"};

readers::TableRow Row(int64_t number, std::vector<std::string> cells) {
  return readers::TableRow{number, std::move(cells)};
}

MapperOptions Options() {
  return MapperOptions{.dataset = "cdr:test.csv", .source_sha256 = std::string(64, 'a'),
                       .user = "tester", .region = "", .timezone = ""};
}

std::unique_ptr<RowMapper> CdrMapper(const MapperOptions& options = Options()) {
  Result<Profile> profile = ResolveProfile("cdr");
  EXPECT_THAT(profile, IsOk());
  auto mapper = RowMapper::Bind(*profile, kCdrHeader, options);
  EXPECT_THAT(mapper, IsOk());
  return std::move(mapper).value();
}

const model::Entity* FindEntity(const MemorySink& sink, const std::string& schema,
                                const std::string& property, const std::string& value) {
  for (const model::Entity& entity : sink.entities) {
    if (entity.schema != schema) continue;
    for (const std::string& v : entity.All(property)) {
      if (v == value) return &entity;
    }
  }
  return nullptr;
}

TEST(RowMapperTest, CallRecordsBecomePhonesDevicesAndCalls) {
  auto mapper = CdrMapper();
  MemorySink sink;
  ASSERT_THAT(mapper->MapRow(Row(1, {"0612345678", "0698765432", "2025-03-01 10:15:00", "125",
                                     "VOICE", "604001234567890", "356938035643809",
                                     "604-00-1201-33051", "604-00-1201-33052"}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(2, {"+212 612 345 678", "00212698765432", "2025-03-01 10:20:05",
                                     "٦٠", "SMS", "", "356938035643800", "", ""}),
                             sink),
              IsOk());
  EXPECT_EQ(sink.RejectLines(), "");
  ASSERT_EQ(sink.relations.size(), 2u);
  const model::Relation& call = sink.relations[0];
  EXPECT_EQ(call.schema, "Call");
  EXPECT_EQ(call.First("callerNumber"), "+212612345678");
  EXPECT_EQ(call.First("callType"), "voice");
  EXPECT_EQ(call.First("cellFirst"), "604-00-1201-33051");
  // Morocco leaves UTC+1 for UTC+0 during Ramadan (23 February to 6 April 2025): tzdata knows.
  EXPECT_EQ(FormatTimestamp(*call.start), "2025-03-01T10:15:00Z");
  EXPECT_EQ(call.First("notes"),
            "source callerNumber: 0612345678; receiverNumber: 0698765432; startDate: 2025-03-01 "
            "10:15:00");
  EXPECT_EQ(sink.relations[1].First("duration"), "60");  // Eastern Arabic digits
  EXPECT_EQ(sink.relations[1].First("callType"), "sms");
  // Both rows name the same two lines: the phones get the same ids, so calls link up.
  EXPECT_EQ(call.source, sink.relations[1].source);
  EXPECT_EQ(call.target, sink.relations[1].target);
  // A phone keyed by its number has the global id every dataset gives it (exchange-ids.md).
  EXPECT_EQ(call.source, MakeEntityId("phone", {"+212612345678"}));
  EXPECT_EQ(call.source, PhoneEntityId("+212612345678"));
  // The spare 0 in row 2's IMEI is the same handset with its check digit recomputed.
  const model::Entity* device = FindEntity(sink, "Device", "imei", "356938035643809");
  ASSERT_NE(device, nullptr);
  std::set<std::string> device_ids;
  for (const model::Entity& entity : sink.entities) {
    if (entity.schema == "Device") device_ids.insert(entity.id.value());
  }
  EXPECT_EQ(device_ids.size(), 1u);
  EXPECT_EQ(*device_ids.begin(), HandsetEntityId("356938035643809").value());
  // Provenance: dataset, file hash, row.
  const model::Value& number = sink.entities[0].properties.at("number")[0];
  EXPECT_EQ(number.provenance.dataset, "cdr:test.csv");
  EXPECT_EQ(number.provenance.source_sha256, std::string(64, 'a'));
  EXPECT_EQ(number.provenance.row, 1);
  EXPECT_EQ(number.provenance.user, "tester");
}

TEST(RowMapperTest, AnEntitySeenAgainIsSentOnlyWithNewValues) {
  auto mapper = CdrMapper();
  MemorySink sink;
  for (int row = 1; row <= 100; ++row) {
    ASSERT_THAT(mapper->MapRow(Row(row, {"0612345678", "0698765432",
                                         "2025-03-01 10:" + std::to_string(10 + row % 50) + ":00",
                                         "1", "VOICE", "", "", "", ""}),
                               sink),
                IsOk());
  }
  EXPECT_EQ(sink.relations.size(), 100u);
  EXPECT_EQ(sink.entities.size(), 2u);  // the two phones, once each
  EXPECT_EQ(mapper->stats().rows, 100);
}

TEST(RowMapperTest, BadValuesAreRejectedWithRowColumnValueAndReasonAndGoodRowsLand) {
  auto mapper = CdrMapper();
  MemorySink sink;
  ASSERT_THAT(mapper->MapRow(Row(1, {"0612345678", "0698765432", "2025-03-01 10:15:00", "abc",
                                     "VOICE", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(2, {"0612345678", "12", "2025-03-01 10:15:00", "5", "VOICE", "",
                                     "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(3, {"0612345678", "0698765432", "2025-13-01 10:15:00", "5",
                                     "VOICE", "", "12345", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(4, {"0612345678", "0698765432", "2025-03-02 10:15:00", "5",
                                     "FAX", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(5, {"0612345678", "0698765432", "2025-03-02 11:00:00", "7",
                                     "VOICE", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(6, {"0612345678", "", "2025-03-02 11:00:00", "7", "VOICE", "",
                                     "", "", ""}),
                             sink),
              IsOk());
  std::string lines = sink.RejectLines();
  EXPECT_THAT(lines, HasSubstr("row 1 duration 'abc': call.duration: 'abc' is not a number"));
  EXPECT_THAT(lines, HasSubstr("row 2 callee '12': callee.number:"));
  EXPECT_THAT(lines, HasSubstr("row 6 receiver '': call: no receiver in this row"));
  // One line per bad cell, even when two properties read it.
  EXPECT_THAT(lines, Not(HasSubstr("call.receiverNumber")));
  EXPECT_THAT(lines, HasSubstr("row 3 start '2025-13-01 10:15:00': call.startDate:"));
  EXPECT_THAT(lines, HasSubstr("row 3 imei '12345': handset.imei: IMEI '12345' has 5 digits"));
  EXPECT_THAT(lines, HasSubstr("row 4 type 'FAX': call.callType:"));
  // Row 1 lands without its duration, row 4 without its type, row 5 whole; row 2 has no
  // receiver, row 3's call no time (its id is made from it), row 6 no receiver.
  std::vector<int64_t> rows;
  for (const model::Relation& relation : sink.relations) {
    rows.push_back(relation.properties.begin()->second[0].provenance.row);
  }
  EXPECT_EQ(rows, (std::vector<int64_t>{1, 4, 5}));
  EXPECT_EQ(sink.relations[0].First("duration"), "");
  EXPECT_EQ(sink.relations[1].First("callType"), "");
  // Row 3's handset is rejected, its lines still land.
  EXPECT_EQ(mapper->stats().rejects, static_cast<int64_t>(sink.rejects.size()));
}

TEST(RowMapperTest, MissingColumnsAreNamedWithTheHeader) {
  Result<Profile> profile = ResolveProfile("cdr");
  ASSERT_THAT(profile, IsOk());
  auto mapper = RowMapper::Bind(*profile, {"caller", "when"}, Options());
  EXPECT_THAT(mapper, StatusIs(StatusCode::kInvalidArgument,
                               HasSubstr("profile 'cdr' needs column(s) imsi, callee, imei, start")));
  EXPECT_THAT(mapper, StatusIs(StatusCode::kInvalidArgument, HasSubstr("header: caller, when")));
}

TEST(RowMapperTest, FrenchAndArabicHeadersBindThroughAliases) {
  Result<Profile> profile = ResolveProfile("cdr");
  ASSERT_THAT(profile, IsOk());
  auto mapper = RowMapper::Bind(*profile,
                                {"Numéro appelant", "المتصل به", "Date début", "Durée", "النوع",
                                 "imsi", "imei", "cellule début", "cellule_fin"},
                                Options());
  EXPECT_THAT(mapper, IsOk());
}

TEST(RowMapperTest, Egypt2023DaylightSavingOnImport) {
  MapperOptions options = Options();
  options.region = "EG";
  options.timezone = "Africa/Cairo";
  auto mapper = CdrMapper(options);
  MemorySink sink;
  ASSERT_THAT(mapper->MapRow(Row(1, {"01001234567", "01101234567", "2023-04-27 23:30:00", "1",
                                     "VOICE", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(2, {"01001234567", "01101234567", "2023-04-28 12:00:00", "1",
                                     "VOICE", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_THAT(mapper->MapRow(Row(3, {"01001234567", "01101234567", "2023-04-28 00:30:00", "1",
                                     "VOICE", "", "", "", ""}),
                             sink),
              IsOk());
  ASSERT_EQ(sink.relations.size(), 2u);  // 00:30 on 28 April 2023 never happened in Cairo
  EXPECT_EQ(sink.relations[0].First("callerNumber"), "+201001234567");
  EXPECT_EQ(FormatTimestamp(*sink.relations[0].start), "2023-04-27T21:30:00Z");  // UTC+2
  EXPECT_EQ(FormatTimestamp(*sink.relations[1].start), "2023-04-28T09:00:00Z");  // UTC+3
  EXPECT_THAT(sink.RejectLines(), HasSubstr("row 3 start '2023-04-28 00:30:00'"));
}

TEST(RowMapperTest, FiltersSkipRows) {
  Result<Profile> profile = ParseProfile(R"(
filters: {type: SMS}
entities:
  line:
    schema: Phone
    keys: [caller]
    properties:
      number: caller
)",
                                         "sms-only.yaml");
  ASSERT_THAT(profile, IsOk());
  auto mapper = RowMapper::Bind(*profile, kCdrHeader, Options());
  ASSERT_THAT(mapper, IsOk());
  MemorySink sink;
  ASSERT_THAT((*mapper)->MapRow(Row(1, {"0612345678", "", "", "", "VOICE", "", "", "", ""}), sink),
              IsOk());
  ASSERT_THAT((*mapper)->MapRow(Row(2, {"0698765432", "", "", "", "SMS", "", "", "", ""}), sink),
              IsOk());
  ASSERT_EQ(sink.entities.size(), 1u);
  EXPECT_EQ(sink.entities[0].First("number"), "+212698765432");
  EXPECT_EQ((*mapper)->stats().rows_filtered, 1);
}

TEST(RowMapperTest, TemplatesLiteralsAndDateFormats) {
  Result<Profile> profile = ResolveProfile("person_register");
  ASSERT_THAT(profile, IsOk());
  std::vector<std::string> header = {"person_id", "last_name", "first_name", "father_name",
                                     "birth_date", "birth_place", "nationality", "gender",
                                     "id_number", "passport_number", "phone_number"};
  auto mapper = RowMapper::Bind(*profile, header, Options());
  ASSERT_THAT(mapper, IsOk());
  MemorySink sink;
  ASSERT_THAT((*mapper)->MapRow(Row(3, {"R-0003", "Traore", "Aminata", "", "٠٣/٠٧/٢٠٠٤",
                                        "Bamako", "Mali", "F", "", "P445566", ""}),
                                sink),
              IsOk());
  EXPECT_EQ(sink.RejectLines(), "");
  const model::Entity* person = FindEntity(sink, "Person", "name", "Aminata Traore");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->First("birthDate"), "2004-07-03");
  EXPECT_EQ(person->First("nationality"), "ml");
  EXPECT_EQ(person->First("gender"), "female");
  const model::Entity* passport = FindEntity(sink, "IdentityDocument", "type", "passport");
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->First("holder"), person->id.value());
}

}  // namespace
}  // namespace tafkik::ingest
