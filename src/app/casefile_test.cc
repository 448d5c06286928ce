#include "app/casefile.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "app/casefile_log.h"
#include "app/casefile_test_util.h"
#include "core/hash.h"

namespace tafkik::app {
namespace {

using ::testing::HasSubstr;
using testing::CaseFileTest;

class EvidenceTest : public CaseFileTest {
 protected:
  AddEvidenceRequest DigitalRequest() {
    AddEvidenceRequest request;
    request.case_reference = kCase;
    request.type = "digital";
    request.description = "WhatsApp export of the victim's phone";
    request.collected_by = "OPJ Benali";
    request.collected_at = "2026-03-02T10:30:00+01:00";
    request.place = "Commissariat Tanger-Médina";
    request.legal_basis = "prosecutor";
    request.legal_reference = "Réquisition 2026/118";
    request.file = WriteFile("chat.txt", "[02/03/2026] K: ta dette est de 25000 dirhams\n");
    request.entities = {karim_};
    request.elements = {"tip.means"};
    return request;
  }

  // Overwrites a stored blob (they are read-only) as a tamperer with file access would.
  void Tamper(const std::string& sha256) {
    std::string path = *blobs_->PathOf(sha256);
    ::chmod(path.c_str(), 0600);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << "forged bytes";
  }
};

TEST_F(EvidenceTest, DigitalIntakeHashesStoresAndRecordsCustody) {
  auto item = AddEvidence(*store_, *blobs_, actor_, DigitalRequest());
  ASSERT_THAT(item, IsOk());
  EXPECT_EQ(item->id, "MA-2026-0042:E1");
  EXPECT_EQ(item->sha256, Sha256Hex("[02/03/2026] K: ta dette est de 25000 dirhams\n"));
  EXPECT_EQ(item->metadata.mime_type, "text/plain");
  EXPECT_EQ(item->file_name, "chat.txt");
  EXPECT_TRUE(blobs_->Contains(item->sha256));
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "evidence.add");
  EXPECT_THAT(event.details, HasSubstr(item->sha256));
  EXPECT_THAT(event.details, ::testing::Not(HasSubstr("chat.txt")));
  auto view = ShowEvidence(*store_, *blobs_, actor_, item->id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->file, FileCheck::kIntact);
  ASSERT_EQ(view->custody.size(), 1u);
  EXPECT_EQ(view->custody[0].to, "OPJ Benali");
  EXPECT_EQ(view->custody[0].time, *ParseTimestamp("2026-03-02T09:30:00Z"));
  EXPECT_TRUE(view->review.ok());
  EXPECT_EQ(view->review.current_custodian, "OPJ Benali");
  auto second = AddEvidence(*store_, *blobs_, actor_, DigitalRequest());
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(second->number, "E2");
}

TEST_F(EvidenceTest, BadInputNamesTheFieldAndWritesNothing) {
  int64_t before = AuditCount();
  AddEvidenceRequest request = DigitalRequest();
  request.place = "";
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("place")));
  request = DigitalRequest();
  request.file = dir_.Sub("absent.bin");
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.bin")));
  request = DigitalRequest();
  request.entities = {"0000000000000000000000000000000000000000"};
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request), StatusIs(StatusCode::kNotFound));
  request = DigitalRequest();
  request.case_reference = "MA-0000";
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request), StatusIs(StatusCode::kNotFound));
  request = DigitalRequest();
  request.type = "physical";
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("only digital")));
  request.file.clear();
  EXPECT_THAT(AddEvidence(*store_, *blobs_, actor_, request),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("seal")));
  EXPECT_EQ(AuditCount(), before);
}

TEST_F(EvidenceTest, CustodyIsStrictAndAppendOnly) {
  auto item = AddEvidence(*store_, *blobs_, actor_, DigitalRequest());
  ASSERT_THAT(item, IsOk());
  AddCustodyRequest handover{item->id, "OPJ Benali", "Laboratoire de la GR", "forensic analysis",
                             "Rabat", "2026-03-03T08:00:00Z"};
  AddCustodyRequest missing_place = handover;
  missing_place.place = "";
  EXPECT_THAT(AddCustody(*store_, *blobs_, actor_, missing_place),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'where' (place) is missing")));
  AddCustodyRequest missing_why = handover;
  missing_why.purpose = " ";
  EXPECT_THAT(AddCustody(*store_, *blobs_, actor_, missing_why),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("'why'")));
  AddCustodyRequest wrong_holder = handover;
  wrong_holder.from = "Someone";
  EXPECT_THAT(AddCustody(*store_, *blobs_, actor_, wrong_holder),
              StatusIs(StatusCode::kFailedPrecondition, HasSubstr("held by 'OPJ Benali'")));
  AddCustodyRequest too_early = handover;
  too_early.time = "2026-03-01T08:00:00Z";
  EXPECT_THAT(AddCustody(*store_, *blobs_, actor_, too_early),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("before the previous event")));
  auto event = AddCustody(*store_, *blobs_, actor_, handover);
  ASSERT_THAT(event, IsOk());
  EXPECT_EQ(event->sequence, 2);
  EXPECT_EQ(event->hash_verified, std::optional<bool>(true));
  EXPECT_EQ(LastEvent().action, "custody.add");
  auto view = ShowEvidence(*store_, *blobs_, actor_, item->id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->review.current_custodian, "Laboratoire de la GR");
  EXPECT_TRUE(view->review.ok());
  EXPECT_THAT(AddCustody(*store_, *blobs_, actor_, handover),
              StatusIs(StatusCode::kFailedPrecondition));
}

TEST_F(EvidenceTest, ChangedBytesAreFlaggedNeverRepaired) {
  auto item = AddEvidence(*store_, *blobs_, actor_, DigitalRequest());
  ASSERT_THAT(item, IsOk());
  Tamper(item->sha256);
  auto view = ShowEvidence(*store_, *blobs_, actor_, item->id);
  ASSERT_THAT(view, IsOk());
  EXPECT_EQ(view->file, FileCheck::kAltered);
  ASSERT_TRUE(view->item.integrity.has_value());
  EXPECT_EQ(view->item.integrity->actual_sha256, Sha256Hex("forged bytes"));
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "evidence.integrity");
  EXPECT_EQ(event.outcome, "failed");
  int64_t flagged_at = AuditCount();
  // A second read does not flag twice, and the stored bytes are left as found.
  ASSERT_THAT(ShowEvidence(*store_, *blobs_, actor_, item->id), IsOk());
  EXPECT_EQ(AuditCount(), flagged_at);
  std::ifstream in(*blobs_->PathOf(item->sha256));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "forged bytes");
  // A hand-over re-hashes the file and records that it did not verify.
  auto handover = AddCustody(*store_, *blobs_, actor_,
                             {item->id, "OPJ Benali", "Greffe", "court exhibit", "Tanger",
                              "2026-03-05T08:00:00Z"});
  ASSERT_THAT(handover, IsOk());
  EXPECT_EQ(handover->hash_verified, std::optional<bool>(false));
  auto listed = ListEvidence(*store_, *blobs_, actor_, kCase);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].review.hash_failed);
  EXPECT_FALSE((*listed)[0].review.ok());
}

TEST_F(EvidenceTest, ReadingEvidenceLinkedToAVictimIsRecorded) {
  AddEvidenceRequest request = DigitalRequest();
  request.entities = {amina_};
  auto item = AddEvidence(*store_, *blobs_, actor_, request);
  ASSERT_THAT(item, IsOk());
  ASSERT_THAT(ShowEvidence(*store_, *blobs_, actor_, item->id), IsOk());
  store::AuditEvent event = LastEvent();
  EXPECT_EQ(event.action, "entity.read");
  EXPECT_THAT(event.details, HasSubstr(amina_));
  EXPECT_THAT(event.details, HasSubstr("evidence.show"));
}

TEST_F(CaseFileTest, ActionsTasksAndTimeline) {
  AddActionRequest hearing{kCase, "hearing", "2026-03-04T10:00:00Z", "OPJ Benali",
                           "Art. 47 CPP", "Tanger", "Victim describes the debt of 25000 MAD",
                           {amina_, karim_}, {}, {"tip.means"}};
  auto action = AddAction(*store_, actor_, hearing);
  ASSERT_THAT(action, IsOk());
  EXPECT_EQ(action->id, "MA-2026-0042:A1");
  AddActionRequest bad = hearing;
  bad.type = "torture";
  EXPECT_THAT(AddAction(*store_, actor_, bad),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("torture")));
  bad = hearing;
  bad.evidence = {"MA-2026-0042:E9"};
  EXPECT_THAT(AddAction(*store_, actor_, bad),
              StatusIs(StatusCode::kNotFound, HasSubstr("MA-2026-0042:E9")));
  auto task = AddTask(*store_, actor_, {kCase, "Request hawala ledger", "OPJ Alaoui",
                                        "2026-03-20", ""});
  ASSERT_THAT(task, IsOk());
  EXPECT_EQ(task->status, casefile::TaskStatus::kOpen);
  auto done = UpdateTask(*store_, actor_, task->id, "done");
  ASSERT_THAT(done, IsOk());
  auto tasks = ListTasks(*store_, kCase);
  ASSERT_THAT(tasks, IsOk());
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ((*tasks)[0].status, casefile::TaskStatus::kDone);
  EXPECT_THAT(UpdateTask(*store_, actor_, "MA-2026-0042:T7", "done"),
              StatusIs(StatusCode::kNotFound));

  auto timeline = CaseTimeline(*store_, actor_, kCase);
  ASSERT_THAT(timeline, IsOk());
  std::string text;
  for (const auto& entry : *timeline) text += entry.kind + " " + entry.label + "\n";
  EXPECT_EQ(text, "relation Recruitment\nrelation Payment\naction hearing\n");
  EXPECT_THAT((*timeline)[1].summary, HasSubstr("25000 MAD, hawala"));
  EXPECT_EQ(LastEvent().action, "entity.read");
}

TEST_F(CaseFileTest, LegalMatrixUsesFactsActionsAndEvidence) {
  AddActionRequest arrest{kCase, "arrest", "2026-03-06T06:00:00Z", "OPJ Benali",
                          "Flagrant délit", "Tanger", "Driss arrested driving 9 migrants",
                          {driss_}, {}, {"som.illegal_entry", "som.aggravating"}};
  ASSERT_THAT(AddAction(*store_, actor_, arrest), IsOk());
  auto matrix = LegalMatrix(*store_, actor_, kCase);
  ASSERT_THAT(matrix, IsOk());
  ASSERT_EQ(matrix->size(), 2u);
  // In the store's order of members (by id): find each by name.
  bool karim_first = (*matrix)[0].caption == "Karim El Fassi";
  const casefile::SuspectMatrix& karim = (*matrix)[karim_first ? 0 : 1];
  const casefile::SuspectMatrix& driss = (*matrix)[karim_first ? 1 : 0];
  EXPECT_EQ(karim.caption, "Karim El Fassi");
  EXPECT_EQ(driss.caption, "Driss Ouazzani");
  EXPECT_EQ(karim.missing, (std::vector<std::string>{"tip.purpose", "som.illegal_entry"}));
  EXPECT_EQ(driss.missing, (std::vector<std::string>{"tip.act", "tip.means", "tip.purpose",
                                                     "som.material_benefit"}));
}

}  // namespace
}  // namespace tafkik::app
