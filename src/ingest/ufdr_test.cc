#include "ingest/ufdr_reader.h"
#include "ingest/ufdr_test_util.h"

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/hash.h"
#include "core/phone.h"
#include "core/status_matchers.h"
#include "model/schema.h"
#include "store/test_util.h"

namespace tafkik::ingest {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using store::testing::TempDir;
using namespace ::tafkik::ingest::testing;

// Collects everything, checks every record against the schema registry, and renders
// relations as "Schema source>target" with names instead of ids.
class CollectingSink : public model::RecordSink {
 public:
  Status OnEntity(const model::Entity& entity) override {
    Status valid = model::SchemaRegistry::Default().Validate(entity);
    if (!valid.ok()) invalid.push_back(valid.ToString());
    // Merged as the store does: a later copy adds the values the earlier lacked.
    auto [it, inserted] = entities.emplace(entity.id.value(), entity);
    if (!inserted) {
      for (const auto& [property, values] : entity.properties) {
        for (const model::Value& value : values) {
          if (it->second.First(property).empty()) it->second.Add(property, value.value, value.provenance);
        }
      }
    }
    ++entity_calls;
    return Status::Ok();
  }
  Status OnRelation(const model::Relation& relation) override {
    Status valid = model::SchemaRegistry::Default().Validate(relation);
    if (!valid.ok()) invalid.push_back(valid.ToString());
    for (const EntityId& end : {relation.source, relation.target}) {
      if (!entities.contains(end.value())) invalid.push_back("dangling end " + end.value());
    }
    relations.push_back(relation);
    return Status::Ok();
  }
  void OnReject(const model::Reject& reject) override {
    rejects.push_back(std::to_string(reject.row) + " " + reject.column + " '" + reject.value +
                      "': " + reject.reason);
  }
  Status OnEvidenceFile(const std::string& sha256, const std::string& name) override {
    evidence[name] = sha256;
    return Status::Ok();
  }

  std::vector<const model::Entity*> OfSchema(const std::string& schema) const {
    std::vector<const model::Entity*> out;
    for (const auto& [id, entity] : entities) {
      if (entity.schema == schema) out.push_back(&entity);
    }
    return out;
  }
  // A readable label for an entity: Phone number, Person/SocialAccount name, Device imei.
  std::string Label(const EntityId& id) const {
    auto it = entities.find(id.value());
    if (it == entities.end()) return "?";
    const model::Entity& entity = it->second;
    for (const char* property : {"username", "number", "imei", "name", "latitude"}) {
      if (!entity.First(property).empty()) return entity.First(property);
    }
    return entity.schema;
  }
  std::vector<std::string> Rendered(const std::string& schema) const {
    std::vector<std::string> out;
    for (const model::Relation& relation : relations) {
      if (relation.schema != schema) continue;
      std::string line = Label(relation.source) + ">" + Label(relation.target);
      if (relation.start) line += " @" + FormatTimestamp(*relation.start);
      out.push_back(line);
    }
    return out;
  }

  std::map<std::string, model::Entity> entities;
  std::vector<model::Relation> relations;
  std::vector<std::string> rejects;
  std::vector<std::string> invalid;
  std::map<std::string, std::string> evidence;
  int entity_calls = 0;
};

constexpr char kPhoto[] = "\xff\xd8\xff\xe0 a photo of a boat at the beach";
constexpr char kVoiceNote[] = "OggS voice note bytes";

std::string Report() {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<project id=\"p-1\" name=\"seized phone 7\" reportVersion=\"7.60\" "
      "xmlns=\"http://pa.cellebrite.com/report/2.0\">\n"
      "<metadata section=\"Extraction Data\">"
      "<item name=\"DeviceInfoExtractionStartDateTime\">2025-03-02T09:00:00+01:00</item>"
      "</metadata>\n"
      "<metadata section=\"Device Info\">"
      "<item id=\"1\" name=\"DeviceInfoIMEI\"><![CDATA[490154203237518]]></item>"
      "<item id=\"2\" name=\"MSISDN\"><![CDATA[+212 661-234567]]></item>"
      "<item id=\"3\" name=\"DeviceInfoOwnerName\"><![CDATA[Youssef El Amrani]]></item>"
      "<item id=\"4\" name=\"DeviceInfoDetectedModel\">SM-A125F</item>"
      "<item id=\"5\" name=\"DeviceInfoDetectedManufacturer\">Samsung</item>"
      "</metadata>\n"
      "<taggedFiles>"
      "<file fs=\"Data\" path=\"/data/media/WhatsApp/Media/IMG-1.jpg\" name=\"IMG-1.jpg\" "
      "id=\"f-photo\"><metadata section=\"File\">"
      "<item name=\"Local Path\"><![CDATA[files\\Image\\IMG-1.jpg]]></item>"
      "<item name=\"SHA256\">" + Sha256Hex(kPhoto) + "</item>"
      "</metadata></file>"
      "</taggedFiles>\n"
      "<decodedData>\n"
      "<modelType type=\"Contact\">"
      "<model type=\"Contact\" id=\"c-1\">" + Field("Name", "محمد بن علي") +
      "<multiModelField name=\"Entries\"><model type=\"PhoneNumber\" id=\"c-1-p\">" +
      Field("Category", "Mobile") + Field("Value", "0612345678") + "</model></multiModelField>"
      "</model>"
      "<model type=\"Contact\" id=\"c-2\">" + Field("Name", "Karim (passeur)") +
      "<multiModelField name=\"Entries\"><model type=\"PhoneNumber\" id=\"c-2-p\">" +
      Field("Value", "+218 91 234 5678") + "</model></multiModelField></model>"
      "<model type=\"Contact\" id=\"c-3\">" + Field("Name", "Aïcha") +
      "<multiModelField name=\"Entries\"><model type=\"PhoneNumber\" id=\"c-3-p\">" +
      Field("Value", "00216 20 123 456") + "</model></multiModelField></model>"
      "</modelType>\n"
      "<modelType type=\"Call\">"
      "<model type=\"Call\" id=\"call-1\">" + Field("Source", "Phone") +
      Field("Direction", "Outgoing") + Field("TimeStamp", "2025-03-01T22:15:00.000+01:00") +
      Field("Duration", "00:02:05") + "<multiModelField name=\"Parties\">" +
      Party("0612345678", "To", "محمد بن علي") + "</multiModelField></model>"
      "<model type=\"Call\" id=\"call-2\">" + Field("Direction", "Incoming") +
      Field("TimeStamp", "2025-03-01T23:00:00Z") + Field("Duration", "45") +
      "<multiModelField name=\"Parties\">" + Party("+218912345678", "From") +
      Party("+212661234567", "To", "", true) + "</multiModelField></model>"
      "<model type=\"Call\" id=\"call-3\">" + Field("Direction", "Missed") +
      Field("TimeStamp", "2025-03-02 07:30:00") +
      "<multiModelField name=\"Parties\">" + Party("0021620123456", "From") +
      "</multiModelField></model>"
      "<model type=\"Call\" id=\"call-4\">" + Field("Direction", "Outgoing") +
      Field("TimeStamp", "2025-03-02T08:00:00+01:00") + Field("Duration", "00:00:10") +
      "<multiModelField name=\"Parties\">" + Party("+212612345678", "To") +
      "</multiModelField></model>"
      "</modelType>\n"
      "<modelType type=\"SMS\">"
      "<model type=\"SMS\" id=\"sms-1\">" + Field("Folder", "Inbox") +
      Field("TimeStamp", "2025-03-01T20:00:00+01:00") +
      Field("Body", "Le bateau part demain de la plage.\nPrépare 2000 euros.") +
      "<multiModelField name=\"Parties\">" + Party("+218912345678", "From") +
      "</multiModelField>"
      "<multiModelField name=\"Attachments\"><model type=\"Attachment\" id=\"a-1\">" +
      Field("Filename", "IMG-1.jpg") + Field("ContentType", "image/jpeg") +
      "<jumptargets><targetid>f-photo</targetid></jumptargets>"
      "</model></multiModelField></model>"
      "</modelType>\n"
      "<modelType type=\"Chat\">"
      "<model type=\"Chat\" id=\"chat-1\">" + Field("Source", "WhatsApp") +
      "<multiModelField name=\"Participants\">" +
      Party("212612345678@s.whatsapp.net", "", "محمد بن علي") +
      Party("212661234567@s.whatsapp.net", "", "Me", true) + "</multiModelField>"
      "<multiModelField name=\"Messages\">"
      "<model type=\"InstantMessage\" id=\"im-1\">" + Field("Source", "WhatsApp") +
      Field("TimeStamp", "2025-03-01T21:00:00+01:00") + Field("Body", "وصلت إلى طرابلس") +
      "<modelField name=\"From\">" + Party("212612345678@s.whatsapp.net", "From") +
      "</modelField></model>"
      "<model type=\"InstantMessage\" id=\"im-2\">" +
      Field("TimeStamp", "2025-03-01T21:05:00+01:00") + Field("Body", "Voice note") +
      "<multiModelField name=\"Attachments\"><model type=\"Attachment\">" +
      Field("Filename", "PTT-0001.opus") + "</model></multiModelField></model>"
      "</multiModelField></model>"
      "</modelType>\n"
      "<modelType type=\"Location\">"
      "<model type=\"Location\" id=\"loc-1\">" + Field("TimeStamp", "2025-03-01T18:00:00+01:00") +
      Field("Name", "Plage de Nador") + "<modelField name=\"Position\"><model type=\"Coordinate\">" +
      Field("Latitude", "35.1681") + Field("Longitude", "-2.9335") + "</model></modelField>"
      "</model>"
      "<model type=\"Location\" id=\"loc-2\">" + Field("TimeStamp", "2025-03-02T06:00:00+00:00") +
      "<modelField name=\"Position\"><model type=\"Coordinate\">" + Field("Latitude", "35.2944") +
      Field("Longitude", "-2.9386") + "</model></modelField></model>"
      "</modelType>\n"
      "</decodedData>\n</project>\n";
  return xml;
}


class UfdrTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<store::BlobStore> opened = store::BlobStore::Open(dir_.Sub("blobs"));
    ASSERT_THAT(opened, IsOk());
    blobs_.emplace(std::move(*opened));
  }
  Status Read(const std::map<std::string, std::string>& entries, CollectingSink& sink,
              const UfdrOptions& options = Options()) {
    WriteZip(dir_.Sub("phone.ufdr"), entries);
    return ReadUfdr(dir_.Sub("phone.ufdr"), options, *blobs_, sink);
  }
  std::map<std::string, std::string> Sample() {
    return {{"report.xml", Report()},
            {"files/Image/IMG-1.jpg", kPhoto},
            {"files/Audio/PTT-0001.opus", kVoiceNote}};
  }

  TempDir dir_;
  std::optional<store::BlobStore> blobs_;
};

TEST_F(UfdrTest, DeviceOwnerAndOwnerLine) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_THAT(sink.invalid, IsEmpty());
  ASSERT_EQ(sink.OfSchema("Device").size(), 1u);
  const model::Entity& device = *sink.OfSchema("Device")[0];
  EXPECT_EQ(device.First("imei"), "490154203237518");
  EXPECT_EQ(device.First("model"), "SM-A125F");
  EXPECT_EQ(device.First("manufacturer"), "Samsung");
  EXPECT_EQ(sink.Label(EntityId(device.First("owner"))), "Youssef El Amrani");
  // Global identifiers: the same handset and line as in any CDR or export (exchange-ids.md).
  EXPECT_EQ(device.id, MakeEntityId("imei", {"490154203237518"}));
  const model::Entity& line = sink.entities.at(PhoneEntityId("+212661234567").value());
  EXPECT_EQ(line.First("name"), "+212 661-234567") << "the number as written is kept";
  EXPECT_EQ(line.First("owner"), device.First("owner"));
  EXPECT_EQ(device.properties.at("imei")[0].provenance.dataset, "seizure-7");
  EXPECT_EQ(device.properties.at("imei")[0].provenance.evidence_id, "EV-7");
}

TEST_F(UfdrTest, ContactsBecomePersonsWithE164PhonesLinkedToTheOwner) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_THAT(sink.invalid, IsEmpty());
  std::map<std::string, std::string> phone_of;
  for (const model::Entity* person : sink.OfSchema("Person")) {
    phone_of[person->First("name")] = person->First("phone");
  }
  EXPECT_EQ(phone_of, (std::map<std::string, std::string>{
                          {"Aïcha", "+21620123456"},
                          {"Karim (passeur)", "+218912345678"},
                          {"Youssef El Amrani", ""},
                          {"محمد بن علي", "+212612345678"}}));
  const model::Entity& moroccan =
      sink.entities.at(PhoneEntityId("+212612345678").value());
  EXPECT_EQ(moroccan.First("name"), "0612345678");
  EXPECT_EQ(sink.Label(EntityId(moroccan.First("owner"))), "محمد بن علي");
  EXPECT_THAT(sink.Rendered("Associate"),
              ::testing::UnorderedElementsAre("Youssef El Amrani>محمد بن علي",
                                              "Youssef El Amrani>Karim (passeur)",
                                              "Youssef El Amrani>Aïcha"));
}

TEST_F(UfdrTest, CallsRunBetweenTheOwnerLineAndTheOtherPartyInUtc) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_THAT(sink.invalid, IsEmpty());
  EXPECT_THAT(sink.Rendered("Call"),
              ::testing::ElementsAre("+212661234567>+212612345678 @2025-03-01T21:15:00Z",
                                     "+218912345678>+212661234567 @2025-03-01T23:00:00Z",
                                     // No offset: read in Africa/Casablanca (UTC+1 in 2025,
                                     // outside Ramadan's UTC+0 weeks).
                                     "+21620123456>+212661234567 @2025-03-02T07:30:00Z",
                                     "+212661234567>+212612345678 @2025-03-02T07:00:00Z"));
  const model::Relation& first = sink.relations[0].schema == "Call" ? sink.relations[0]
                                                                   : *std::find_if(
      sink.relations.begin(), sink.relations.end(),
      [](const model::Relation& r) { return r.schema == "Call"; });
  EXPECT_EQ(first.First("duration"), "125");
  EXPECT_EQ(first.end->micros() - first.start->micros(), 125'000'000);
  EXPECT_EQ(first.First("callType"), "voice");
  EXPECT_EQ(first.First("recordId"), "call-1");
  EXPECT_EQ(first.First("notes"), "source time: 2025-03-01T22:15:00.000+01:00");
}

TEST_F(UfdrTest, MessagesWithChannelBodyAndAttachmentHashes) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_THAT(sink.invalid, IsEmpty());
  EXPECT_THAT(sink.Rendered("Message"),
              ::testing::ElementsAre("+218912345678>+212661234567 @2025-03-01T19:00:00Z",
                                     "212612345678@s.whatsapp.net>+212661234567 @2025-03-01T20:00:00Z",
                                     "+212661234567>212612345678@s.whatsapp.net @2025-03-01T20:05:00Z"));
  std::vector<const model::Relation*> messages;
  for (const model::Relation& relation : sink.relations) {
    if (relation.schema == "Message") messages.push_back(&relation);
  }
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[0]->First("channel"), "sms");
  EXPECT_EQ(messages[0]->First("bodyText"), "Le bateau part demain de la plage.\nPrépare 2000 euros.");
  EXPECT_EQ(messages[0]->First("attachmentSha256"), Sha256Hex(kPhoto));
  EXPECT_EQ(messages[1]->First("channel"), "whatsapp");
  EXPECT_EQ(messages[1]->First("bodyText"), "وصلت إلى طرابلس");
  EXPECT_EQ(messages[2]->First("attachmentSha256"), Sha256Hex(kVoiceNote));
  const model::Entity& account = sink.entities.at(
      MakeEntityId("seizure-7", {"account", "whatsapp", "212612345678@s.whatsapp.net"}).value());
  EXPECT_EQ(account.First("number"), "+212612345678");
  EXPECT_EQ(account.First("service"), "whatsapp");
}

TEST_F(UfdrTest, AttachmentsAreStoredAsEvidenceBlobs) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_EQ(sink.evidence, (std::map<std::string, std::string>{
                               {"files/Audio/PTT-0001.opus", Sha256Hex(kVoiceNote)},
                               {"files/Image/IMG-1.jpg", Sha256Hex(kPhoto)}}));
  EXPECT_THAT(blobs_->Verify(Sha256Hex(kPhoto)), IsOk());
  EXPECT_THAT(blobs_->Verify(Sha256Hex(kVoiceNote)), IsOk());
  EXPECT_THAT(sink.rejects, IsEmpty());
}

TEST_F(UfdrTest, LocationsAreTravelsOfTheDevice) {
  CollectingSink sink;
  ASSERT_THAT(Read(Sample(), sink), IsOk());
  EXPECT_THAT(sink.Rendered("Travel"),
              ::testing::ElementsAre("490154203237518>Plage de Nador @2025-03-01T17:00:00Z",
                                     "490154203237518>35.2944 @2025-03-02T06:00:00Z"));
  std::vector<std::string> names;
  for (const model::Entity* place : sink.OfSchema("Location")) {
    names.push_back(place->First("name") + "|" + place->First("longitude"));
  }
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("Plage de Nador|-2.9335", "|-2.9386"));
}

TEST_F(UfdrTest, ReimportGivesTheSameIds) {
  CollectingSink first, second;
  ASSERT_THAT(Read(Sample(), first), IsOk());
  ASSERT_THAT(Read(Sample(), second), IsOk());
  std::vector<std::string> first_ids, second_ids;
  for (const auto& relation : first.relations) first_ids.push_back(relation.id.value());
  for (const auto& relation : second.relations) second_ids.push_back(relation.id.value());
  EXPECT_EQ(first_ids, second_ids);
  EXPECT_EQ(first.entities.size(), second.entities.size());
  // Device, owner, owner's line, 3 contacts and their 3 phones, 1 WhatsApp account, 2 places.
  EXPECT_EQ(first.entities.size(), 12u);
}

TEST_F(UfdrTest, NotAZipOrNoReportIsInvalidArgumentNamingTheFile) {
  CollectingSink sink;
  std::ofstream(dir_.Sub("text.ufdr")) << "this is not a zip";
  EXPECT_THAT(ReadUfdr(dir_.Sub("text.ufdr"), Options(), *blobs_, sink),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("text.ufdr")));
  EXPECT_THAT(Read({{"files/a.jpg", "x"}}, sink),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("phone.ufdr"), HasSubstr("report.xml"))));
  EXPECT_THAT(ReadUfdr(dir_.Sub("missing.ufdr"), Options(), *blobs_, sink),
              StatusIs(StatusCode::kNotFound, HasSubstr("missing.ufdr")));
  EXPECT_THAT(Read({{"report.xml", "<project><decodedData>"}}, sink),
              StatusIs(StatusCode::kInvalidArgument,
                       AllOf(HasSubstr("phone.ufdr"), HasSubstr("line 1"))));
  EXPECT_TRUE(sink.relations.empty());
}

TEST_F(UfdrTest, MalformedElementsAreRejectedWithOrdinalAndFieldAndTheRestLands) {
  const std::string xml =
      "<project xmlns=\"http://pa.cellebrite.com/report/2.0\"><decodedData>"
      "<modelType type=\"Call\">"
      "<model type=\"Call\" id=\"bad-time\">" + Field("Direction", "Incoming") +
      Field("TimeStamp", "yesterday") + Field("Duration", "a while") +
      "<multiModelField name=\"Parties\">" + Party("+218912345678", "From") +
      "</multiModelField></model>"
      "<model type=\"Call\" id=\"bad-number\">" + Field("Direction", "Incoming") +
      "<multiModelField name=\"Parties\">" + Party("12", "From") + "</multiModelField></model>"
      "</modelType>"
      "<modelType type=\"Location\"><model type=\"Location\" id=\"l\">"
      "<modelField name=\"Position\"><model type=\"Coordinate\">" + Field("Latitude", "123.5") +
      Field("Longitude", "2") + "</model></modelField></model></modelType>"
      "<modelType type=\"Contact\"><model type=\"Contact\" id=\"empty\"></model></modelType>"
      "</decodedData></project>";
  CollectingSink sink;
  ASSERT_THAT(Read({{"report.xml", xml}}, sink), IsOk());
  EXPECT_THAT(sink.invalid, IsEmpty());
  EXPECT_THAT(sink.rejects, Contains(HasSubstr("1 TimeStamp 'yesterday'")));
  EXPECT_THAT(sink.rejects, Contains(HasSubstr("1 Duration 'a while'")));
  EXPECT_THAT(sink.rejects, Contains(HasSubstr("4 Identifier '12'")));
  EXPECT_THAT(sink.rejects, Contains(HasSubstr("5 latitude '123.5'")));
  EXPECT_THAT(sink.rejects, Contains(HasSubstr("7 Name ''")));
  EXPECT_EQ(sink.Rendered("Call"), std::vector<std::string>{"+218912345678>Device"});
}

TEST_F(UfdrTest, ChangedAttachmentIsFlaggedAgainstTheReportHash) {
  std::map<std::string, std::string> entries = Sample();
  entries["files/Image/IMG-1.jpg"] = "edited after extraction";
  CollectingSink sink;
  ASSERT_THAT(Read(entries, sink), IsOk());
  EXPECT_THAT(sink.rejects, Contains(AllOf(HasSubstr("SHA256"), HasSubstr("changed"))));
}

}  // namespace
}  // namespace tafkik::ingest
