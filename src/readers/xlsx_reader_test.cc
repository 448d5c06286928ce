#include "readers/internal/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/status_matchers.h"
#include "readers/internal/test_util.h"
#include "readers/internal/xlsx_test_util.h"
#include "readers/table_reader.h"

namespace tafkik::readers {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using internal::Render;
using internal::TempDir;
using internal::WorkbookParts;

class XlsxReaderTest : public ::testing::Test {
 protected:
  std::string Write(const internal::ZipParts& parts, const std::string& name = "book.xlsx") {
    const std::string path = dir_.path() + "/" + name;
    EXPECT_TRUE(internal::WriteZip(path, parts));
    return path;
  }
  // The sheet rendered (see Render), or the Open error as "open !Code".
  std::string Read(const internal::ZipParts& parts, const TableOptions& options = {}) {
    auto reader = OpenTable(Write(parts), options);
    if (!reader.ok()) return "open !" + std::string(StatusCodeName(reader.status().code()));
    return Render(**reader);
  }
  TempDir dir_;
};

const char kCallsSheet[] =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
    "<c r=\"C1\" t=\"inlineStr\"><is><t>duration</t></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>212612345678</v></c>"
    "<c r=\"C2\"><v>65.5</v></c></row>";

TEST(XlsxStringsTest, SharedInlineRichAndPhoneticText) {
  TempDir dir;
  const std::string path = dir.path() + "/s.xlsx";
  ASSERT_TRUE(internal::WriteZip(
      path, WorkbookParts({{"Calls", kCallsSheet}},
                          {"<t>caller</t>", "<r><t>call</t></r><r><rPr><b/></rPr><t>ee</t></r>",
                           "<t>محمد</t><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh>"})));
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ(Render(**reader), "caller|callee|duration\n1:محمد|212612345678|65.5");
}

TEST_F(XlsxReaderTest, GapsInRowsAndColumnsAreFilled) {
  EXPECT_EQ(Read(WorkbookParts({{"S", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is>"
                                      "</c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c></row>"
                                      "<row r=\"4\"><c r=\"B4\"><v>2</v></c></row>"
                                      "<row r=\"5\"><c><v>1</v></c><c><v>2</v></c></row>"}})),
            "a||c\n3:|2|\n4:1|2|");
}

TEST_F(XlsxReaderTest, BooleansFormulaStringsAndErrors) {
  EXPECT_EQ(Read(WorkbookParts({{"S", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is>"
                                      "</c></row><row r=\"2\"><c r=\"A2\" t=\"b\"><v>1</v></c></row>"
                                      "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>A1&amp;\"y\"</f>"
                                      "<v>xy</v></c></row><row r=\"4\"><c r=\"A4\" t=\"e\">"
                                      "<v>#N/A</v></c></row>"}})),
            "x\n1:TRUE\n2:xy\n3:#N/A");
}

TEST_F(XlsxReaderTest, DateFormattedCellsBecomeIsoText) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>v</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>45839</v></c></row>"           // 2025-07-01
      "<row r=\"3\"><c r=\"A3\" s=\"2\"><v>45839.430902777778</v></c></row>"
      "<row r=\"4\"><c r=\"A4\" s=\"3\"><v>1.5</v></c></row>"             // 36 hours elapsed
      "<row r=\"5\"><c r=\"A5\" s=\"4\"><v>45839</v></c></row>"           // "0.00\"d\"": number
      "<row r=\"6\"><c r=\"A6\" s=\"1\"><v>59</v></c></row>"              // 1900-02-28
      "<row r=\"7\"><c r=\"A7\" s=\"1\"><v>60</v></c></row>"              // the phantom day
      "<row r=\"8\"><c r=\"A8\" s=\"5\"><v>0.25</v></c></row>"            // 06:00:00
      "<row r=\"9\"><c r=\"A9\"><v>45839</v></c></row>";                  // General
  EXPECT_EQ(Read(WorkbookParts({{"S", sheet}}, {}, internal::DateStylesXml())),
            "v\n1:2025-07-01\n2:2025-07-01T10:20:30\n3:36:00:00\n4:45839\n5:1900-02-28\n6:60\n"
            "7:06:00:00\n8:45839");
}

TEST_F(XlsxReaderTest, Date1904WorkbooksCountFrom1904) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>v</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>44377</v></c></row>";
  EXPECT_EQ(Read(WorkbookParts({{"S", sheet}}, {}, internal::DateStylesXml(), true)),
            "v\n1:2025-07-01");
}

TEST_F(XlsxReaderTest, SelectsSheetsByNameAndListsThem) {
  const auto parts =
      WorkbookParts({{"Calls", kCallsSheet},
                     {"دفعات", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>amount</t></is>"
                               "</c></row><row r=\"2\"><c r=\"A2\"><v>1500</v></c></row>"}},
                    {"<t>caller</t>", "<t>callee</t>", "<t>x</t>"});
  EXPECT_EQ(Read(parts, {.sheet = "دفعات"}), "amount\n1:1500");
  EXPECT_EQ(Read(parts), "caller|callee|duration\n1:x|212612345678|65.5");
  EXPECT_THAT(ListSheets(Write(parts)), IsOk());
  EXPECT_THAT(*ListSheets(Write(parts)), ElementsAre("Calls", "دفعات"));
  EXPECT_THAT(OpenTable(Write(parts), {.sheet = "Payments"}),
              StatusIs(StatusCode::kNotFound, HasSubstr("\"Payments\"")));
}

TEST_F(XlsxReaderTest, SkipLinesAndBlankRowsBeforeTheHeader) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Bank statement</t></is></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t> amount </t></is></c></row>"
      "<row r=\"4\"><c r=\"A4\"><v>10</v></c></row>";
  EXPECT_EQ(Read(WorkbookParts({{"S", sheet}}), {.skip_lines = 1}), "amount\n1:10");
}

TEST_F(XlsxReaderTest, RowWiderThanTheHeaderFailsAndReadingContinues) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"C2\"><v>3</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>4</v></c><c r=\"B3\" s=\"0\"/></row>";
  EXPECT_EQ(Read(WorkbookParts({{"S", sheet}})), "a\n!InvalidArgument\n2:4");
}

TEST_F(XlsxReaderTest, BadSharedStringIndexFailsThatRow) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c></row><row r=\"3\"><c r=\"A3\" t=\"s\">"
      "<v>0</v></c></row>";
  EXPECT_EQ(Read(WorkbookParts({{"S", sheet}}, {"<t>a</t>"})), "a\n!InvalidArgument\n2:a");
}

TEST_F(XlsxReaderTest, MalformedSheetXmlIsInvalidArgumentNamingThePart) {
  auto parts = WorkbookParts({{"S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                    "<row r=\"2\"><c r=\"A2\"><v>2</c></row>"}});
  auto reader = OpenTable(Write(parts));
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("xl/worksheets/sheet1.xml")));
  EXPECT_THAT((*reader)->Next(row), IsOk());  // and then the end
}

TEST_F(XlsxReaderTest, NotAZipIsInvalidArgument) {
  EXPECT_THAT(OpenTable(dir_.File("fake.xlsx", "caller,callee\n1,2\n")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("fake.xlsx")));
}

TEST_F(XlsxReaderTest, ZipWithoutWorkbookIsInvalidArgument) {
  EXPECT_THAT(OpenTable(Write({{"hello.txt", "hi"}})),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("xl/workbook.xml")));
}

TEST_F(XlsxReaderTest, MissingFileIsNotFoundNamingIt) {
  EXPECT_THAT(OpenTable(dir_.path() + "/absent.xlsx"),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.xlsx")));
  EXPECT_THAT(ListSheets(dir_.path() + "/absent.xlsx"), StatusIs(StatusCode::kNotFound));
}

TEST_F(XlsxReaderTest, EmptySheetHasNoHeader) {
  EXPECT_EQ(Read(WorkbookParts({{"S", ""}})), "open !InvalidArgument");
}

TEST_F(XlsxReaderTest, StreamsLargeSheetsWithProgress) {
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>n</t></is></c></row>";
  for (int number = 2; number <= 20001; ++number) {
    rows += "<row r=\"" + std::to_string(number) + "\"><c r=\"A" + std::to_string(number) +
            "\"><v>" + std::to_string(number) + "</v></c></row>";
  }
  auto reader = OpenTable(Write(WorkbookParts({{"S", rows}})));
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  int64_t count = 0;
  while (*(*reader)->Next(row)) ++count;
  EXPECT_EQ(count, 20000);
  EXPECT_EQ(row.cells[0], "20001");
  EXPECT_GT((*reader)->bytes_total(), 64 * 1024);  // more than one chunk
  EXPECT_EQ((*reader)->bytes_read(), (*reader)->bytes_total());
}

}  // namespace
}  // namespace tafkik::readers

namespace tafkik::readers {
namespace {

// A zip bomb's weapon is text: caps on one cell and on the shared string table keep what a
// small workbook can make the reader hold bounded, and say what was refused.
TEST(XlsxLimitsTest, ACellPastTheLimitFailsItsRowAndTheNextRowReads) {
  internal::TempDir dir;
  const std::string path = dir.path() + "/long.xlsx";
  const std::string big(5000, 'x');
  ASSERT_TRUE(internal::WriteZip(
      path, WorkbookParts({{"S", "<row r=\"1\"><c t=\"inlineStr\"><is><t>id</t></is></c>"
                                 "<c t=\"inlineStr\"><is><t>note</t></is></c></row>"
                                 "<row r=\"2\"><c><v>1</v></c><c t=\"inlineStr\"><is><t>" + big +
                                     "</t></is></c></row>"
                                 "<row r=\"3\"><c><v>2</v></c><c t=\"s\"><v>0</v></c></row>"
                                 "<row r=\"4\"><c><v>3</v></c><c t=\"s\"><v>1</v></c></row>"}},
                          {"<t>" + big + "</t>", "<t>short</t>"})));
  internal::XlsxLimits limits;
  limits.max_cell_bytes = 4096;
  auto reader = internal::OpenXlsx(path, {}, limits);
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("long.xlsx: row 1: column 2: the cell's text is longer than 4096")));
  EXPECT_EQ((*reader)->last_error().row, 1);
  EXPECT_THAT((*reader)->Next(row),  // the shared string, cut when the table was read
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("row 2: column 2")));
  EXPECT_EQ((*reader)->last_error().row, 2);
  EXPECT_EQ((*reader)->last_error().column, "note");
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_EQ(row.cells, (std::vector<std::string>{"3", "short"}));
  // With the default limits the same cells are read whole.
  auto whole = OpenTable(path);
  ASSERT_THAT(whole, IsOk());
  ASSERT_THAT((*whole)->Next(row), IsOk());
  EXPECT_EQ(row.cells[1].size(), big.size());
}

TEST(XlsxLimitsTest, AnOversizedSharedStringTableFailsTheOpen) {
  internal::TempDir dir;
  const std::string path = dir.path() + "/bomb.xlsx";
  std::vector<std::string> strings(200, "<t>" + std::string(100, 'a') + "</t>");
  ASSERT_TRUE(internal::WriteZip(
      path, WorkbookParts({{"S", "<row r=\"1\"><c t=\"s\"><v>0</v></c></row>"}}, strings)));
  internal::XlsxLimits limits;
  limits.max_shared_string_bytes = 10'000;
  EXPECT_THAT(internal::OpenXlsx(path, {}, limits),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("bomb.xlsx: its shared strings hold more than 10000 bytes")));
  EXPECT_THAT(OpenTable(path), IsOk());  // 20 KB is nothing under the default cap
}

}  // namespace
}  // namespace tafkik::readers
