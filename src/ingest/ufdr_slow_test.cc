// The streaming proof: a report of 100 000 messages is read with bounded memory.
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/phone.h"
#include "core/status_matchers.h"
#include "ingest/ufdr_reader.h"
#include "ingest/ufdr_test_util.h"
#include "store/test_util.h"

namespace tafkik::ingest {
namespace {

using store::testing::TempDir;
using namespace ::tafkik::ingest::testing;

// Peak resident memory of this process in KiB (VmHWM), after resetting the peak when the
// kernel allows it.
int64_t PeakRssKib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6));
  }
  return -1;
}
void ResetPeakRss() { std::ofstream("/proc/self/clear_refs") << "5"; }

class CountingSink : public model::RecordSink {
 public:
  Status OnEntity(const model::Entity&) override { ++entities; return Status::Ok(); }
  Status OnRelation(const model::Relation& relation) override {
    ++relations;
    if (relation.schema == "Message") ++messages;
    return Status::Ok();
  }
  void OnReject(const model::Reject&) override { ++rejects; }
  Status OnEvidenceFile(const std::string&, const std::string&) override { return Status::Ok(); }
  int64_t entities = 0, relations = 0, messages = 0, rejects = 0;
};

// A report of one WhatsApp chat and top-level SMS, `count` messages each, written to a file
// piece by piece so that the test itself never holds it.
void WriteBigReport(const std::string& path, int count) {
  std::ofstream out(path);
  out << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<project xmlns=\"http://pa.cellebrite.com/report/2.0\"><metadata section=\"Device Info\">"
         "<item name=\"IMEI\">490154203237518</item><item name=\"MSISDN\">+212661234567</item>"
         "</metadata><decodedData><modelType type=\"Chat\"><model type=\"Chat\" id=\"chat\">"
      << Field("Source", "WhatsApp") << "<multiModelField name=\"Participants\">"
      << Party("212612345678@s.whatsapp.net", "") << "</multiModelField>"
      << "<multiModelField name=\"Messages\">";
  for (int index = 0; index < count; ++index) {
    out << "<model type=\"InstantMessage\" id=\"im-" << index << "\">"
        << Field("TimeStamp", "2025-03-01T21:00:00+01:00")
        << Field("Body", "message number " + std::to_string(index) + " " + std::string(200, 'x'))
        << "<modelField name=\"From\">" << Party("212612345678@s.whatsapp.net", "From")
        << "</modelField></model>\n";
  }
  out << "</multiModelField></model></modelType><modelType type=\"SMS\">";
  for (int index = 0; index < count; ++index) {
    out << "<model type=\"SMS\" id=\"sms-" << index << "\">"
        << Field("TimeStamp", "2025-03-01T21:00:00+01:00")
        << Field("Body", "sms " + std::to_string(index) + " " + std::string(200, 'y'))
        << "<multiModelField name=\"Parties\">" << Party("+218912345678", "From")
        << "</multiModelField></model>\n";
  }
  out << "</modelType></decodedData></project>\n";
}

TEST(UfdrStreamingTest, HundredThousandMessagesReadInBoundedMemory) {
  TempDir dir;
  constexpr int kCount = 50'000;
  WriteBigReport(dir.Sub("report.xml"), kCount);
  const auto xml_bytes = std::filesystem::file_size(dir.Sub("report.xml"));
  {
    int error = 0;
    zip_t* archive = zip_open(dir.Sub("big.ufdr").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    ASSERT_NE(archive, nullptr);
    zip_source_t* source = zip_source_file(archive, dir.Sub("report.xml").c_str(), 0, -1);
    ASSERT_GE(zip_file_add(archive, "report.xml", source, 0), 0);
    ASSERT_EQ(zip_close(archive), 0);
  }
  Result<store::BlobStore> blobs = store::BlobStore::Open(dir.Sub("blobs"));
  ASSERT_THAT(blobs, IsOk());
  CountingSink sink;
  // libphonenumber loads its metadata (a few MiB) on first use: once per process, not per report.
  ASSERT_THAT(NormalizePhone("0612345678", "MA"), IsOk());
  ResetPeakRss();
  const int64_t before = PeakRssKib();
  ASSERT_THAT(ReadUfdr(dir.Sub("big.ufdr"), Options(), *blobs, sink), IsOk());
  const int64_t growth_kib = PeakRssKib() - before;
  EXPECT_EQ(sink.messages, 2 * kCount);
  EXPECT_EQ(sink.rejects, 0);
  // The report is ~30 MB of XML; reading it must not hold it.
  EXPECT_GT(xml_bytes, 25u << 20);
  EXPECT_LT(growth_kib, 8 * 1024) << "peak RSS grew by " << growth_kib << " KiB for "
                                  << xml_bytes << " bytes of XML";
  std::cout << "[ memory ] " << xml_bytes << " bytes of report.xml, " << 2 * kCount
            << " messages, peak RSS growth " << growth_kib << " KiB\n";
}

}  // namespace
}  // namespace tafkik::ingest
