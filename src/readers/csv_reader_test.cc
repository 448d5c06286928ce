#include "readers/internal/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/status_matchers.h"
#include "core/unprivileged_check.h"
#include "readers/internal/test_util.h"
#include "readers/table_reader.h"

namespace tafkik::readers {
namespace {

using ::testing::HasSubstr;
using internal::Render;
using internal::TempDir;

class CsvReaderTest : public ::testing::Test {
 protected:
  // The whole file rendered (see Render), or the Open error as "open !Code".
  std::string Read(const std::string& bytes, const TableOptions& options = {},
                   internal::CsvTuning tuning = {}) {
    const std::string path = dir_.File("input.csv", bytes);
    auto reader = internal::OpenCsv(path, options, tuning);
    if (!reader.ok()) return "open !" + std::string(StatusCodeName(reader.status().code()));
    return Render(**reader);
  }
  TempDir dir_;
};

TEST_F(CsvReaderTest, ReadsCommaSeparatedRowsWithRowNumbers) {
  EXPECT_EQ(Read("caller,callee,duration\n0612345678,0698765432,65\n0611,0622,7\n"),
            "caller|callee|duration\n1:0612345678|0698765432|65\n2:0611|0622|7");
}

TEST_F(CsvReaderTest, DetectsEachSeparator) {
  EXPECT_EQ(Read("a;b;c\n1;2,5;3\n"), "a|b|c\n1:1|2,5|3");
  EXPECT_EQ(Read("a\tb\n1,5\tx;y\n"), "a|b\n1:1,5|x;y");
  EXPECT_EQ(Read("a|b\n1|2\n"), "a|b\n1:1|2");
  EXPECT_EQ(Read("a,b\n1,2\n"), "a|b\n1:1|2");
}

TEST_F(CsvReaderTest, SeparatorDetectionIgnoresSeparatorsInsideQuotes) {
  // Three commas in the header's quoted names would outvote the semicolons if counted.
  EXPECT_EQ(Read("\"name, full\";\"city, country\";x\n\"a, b\";\"c, d\";1\n\"e\";\"f\";2\n"),
            "name, full|city, country|x\n1:a, b|c, d|1\n2:e|f|2");
}

TEST_F(CsvReaderTest, ExplicitSeparatorOverridesDetection) {
  EXPECT_EQ(Read("a;b,c\n1;2,3\n", {.separator = ','}), "a;b|c\n1:1;2|3");
}

TEST_F(CsvReaderTest, QuotedFieldsKeepSeparatorsQuotesAndNewlines) {
  EXPECT_EQ(Read("id,note\n1,\"he said \"\"yes\"\", then left\"\n2,\"line one\nline two\"\n"),
            "id|note\n1:1|he said \"yes\", then left\n2:2|line one\nline two");
}

TEST_F(CsvReaderTest, CrLfAndLfAndBareCrEndRows) {
  EXPECT_EQ(Read("a,b\r\n1,2\r\n3,4\n5,6\r7,8"), "a|b\n1:1|2\n2:3|4\n3:5|6\n4:7|8");
}

TEST_F(CsvReaderTest, Utf8ArabicWithAndWithoutBom) {
  const std::string text = "الاسم,المدينة\nمحمد بن عبد الرحمن,طرابلس\n";
  EXPECT_EQ(Read(text), "الاسم|المدينة\n1:محمد بن عبد الرحمن|طرابلس");
  EXPECT_EQ(Read("\xEF\xBB\xBF" + text), "الاسم|المدينة\n1:محمد بن عبد الرحمن|طرابلس");
}

TEST_F(CsvReaderTest, Windows1256IsDetectedAndConverted) {
  // "محمد" in Windows-1256: E3 CD E3 CF; "name" header in ASCII.
  EXPECT_EQ(Read("name,city\n\xE3\xCD\xE3\xCF,x\n"), "name|city\n1:محمد|x");
}

TEST_F(CsvReaderTest, Iso88596WhenNamed) {
  // "محمد" in ISO-8859-6: E5 CD E5 CF (the same bytes would be other letters in 1256).
  EXPECT_EQ(Read("name\n\xE5\xCD\xE5\xCF\n", {.encoding = "ISO-8859-6"}), "name\n1:محمد");
  EXPECT_EQ(Read("name\n\xE5\xCD\xE5\xCF\n", {.encoding = "windows-1256"}), "name\n1:هحهد");
}

TEST_F(CsvReaderTest, UnknownEncodingIsInvalidArgument) {
  EXPECT_EQ(Read("a\n1\n", {.encoding = "no-such-charset"}), "open !InvalidArgument");
}

TEST_F(CsvReaderTest, Utf16WithBomIsConverted) {
  // "a,b\n1,2\n" in UTF-16LE after FF FE, as Excel's "Unicode text" writes it.
  const std::string utf16("\xFF\xFE" "a\0,\0b\0\n\0" "1\0,\0\x45\x06\n\0", 18);
  EXPECT_EQ(Read(utf16), "a|b\n1:1|م");
}

TEST_F(CsvReaderTest, InvalidUtf8AfterTheDetectionWindowFailsThatRowOnly) {
  std::string text = "id,name\n";
  for (int row = 0; row < 5000; ++row) text += std::to_string(row) + ",ascii only row\n";
  text += "x,\xFF\xFE broken\n" "y,fine\n";
  const std::string path = dir_.File("late.csv", text);
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  for (int count = 0; count < 5000; ++count) ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("late.csv: row 5001, column 2 (\"name\")")));
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_EQ(row.number, 5002);
  EXPECT_EQ(row.cells[0], "y");
}

TEST_F(CsvReaderTest, ShortRowsArePaddedLongRowsFailAndReadingContinues) {
  EXPECT_EQ(Read("a,b,c\n1\n1,2,3,4\n5,6,7\n"), "a|b|c\n1:1||\n!InvalidArgument\n3:5|6|7");
}

TEST_F(CsvReaderTest, LongRowErrorNamesFileRowAndColumn) {
  const std::string path = dir_.File("calls.csv", "a,b\n1,2\n1,2,3\n");
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("calls.csv: row 2, column 3: more cells than the 2")));
}

// One row of a million cells is not kept cell by cell (it used to cost ~38 times its size):
// cells past the header's width (plus a margin) are scanned, not stored, and the row fails
// when one of them holds text; the next row reads normally.
TEST_F(CsvReaderTest, AHugeRowOfCellsIsRejectedWithoutKeepingItsCells) {
  std::string bytes = "a,b\n1,2" + std::string(1'000'000, ',') + "x\n3,4\n";
  bytes += "5,6" + std::string(500'000, ',') + "\n";  // only empty trailing cells: harmless
  const std::string path = dir_.File("wide.csv", bytes);
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("wide.csv: row 1, column 3: more cells than the 2 of the header "
                                 "(1000002)")));
  EXPECT_LE(row.cells.size(), 2u + 64u);  // not a million strings
  EXPECT_LE(row.cells.capacity(), 2 * (2u + 64u));
  EXPECT_EQ((*reader)->last_error().row, 1);
  EXPECT_EQ((*reader)->last_error().column, "");
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_EQ(row.number, 2);
  EXPECT_EQ(row.cells, (std::vector<std::string>{"3", "4"}));
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_EQ(row.cells, (std::vector<std::string>{"5", "6"}));
}

TEST_F(CsvReaderTest, TrailingEmptyCellsBeyondTheHeaderAreDropped) {
  EXPECT_EQ(Read("a,b\n1,2,,\n"), "a|b\n1:1|2");
}

TEST_F(CsvReaderTest, UnterminatedQuoteNamesTheColumnAndReadingResumesAtTheNextLine) {
  const std::string path = dir_.File("q.csv", "id,note\n1,\"never closed\n2,fine\n");
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument,
                       HasSubstr("row 1, column 2 (\"note\"): unterminated quote")));
  EXPECT_EQ((*reader)->last_error().row, 1);
  EXPECT_EQ((*reader)->last_error().column, "note");
  ASSERT_THAT((*reader)->Next(row), IsOk());
  EXPECT_EQ(row.number, 2);
  EXPECT_EQ(row.cells[1], "fine");
}

TEST_F(CsvReaderTest, OverlongRowIsCutAtTheLimitAndReadingResumesAtTheNextLine) {
  std::string text = "a,b\n1,\"open\n";
  for (int row = 0; row < 20000; ++row) text += "2,x\n";  // past the 64 KiB sniffed at open
  auto reader = internal::OpenCsv(dir_.File("long.csv", text), {},
                                  {.block_size = 4, .max_row_bytes = 4096});
  ASSERT_THAT(reader, IsOk());
  TableRow row;
  EXPECT_THAT((*reader)->Next(row),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("row longer than 4096 bytes")));
  int rows = 0;
  while (*(*reader)->Next(row)) ++rows;
  EXPECT_EQ(rows, 20000);
}

TEST_F(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  EXPECT_EQ(Read("\n\na,b\n1,2\n\n3,4\n\n"), "a|b\n1:1|2\n3:3|4");
}

TEST_F(CsvReaderTest, SkipLinesDropsTitleLinesAboveTheHeader) {
  EXPECT_EQ(Read("Operator export \"Q3\n2025-07-01\na;b\n1;2\n", {.skip_lines = 2}),
            "a|b\n1:1|2");
}

TEST_F(CsvReaderTest, HeaderNamesAreTrimmed) {
  EXPECT_EQ(Read(" a , b\t\n1,2\n"), "a|b\n1:1|2");
}

TEST_F(CsvReaderTest, EmptyFileHasNoHeader) {
  EXPECT_EQ(Read(""), "open !InvalidArgument");
  EXPECT_EQ(Read("\n\n"), "open !InvalidArgument");
}

TEST_F(CsvReaderTest, LastRowWithoutNewline) { EXPECT_EQ(Read("a,b\n1,\"2\""), "a|b\n1:1|2"); }

TEST_F(CsvReaderTest, EveryBlockSizeGivesTheSameRows) {
  const std::string text =
      "\xEF\xBB\xBFid;note;x\r\n1;\"a;\"\"b\"\"\r\nc\";محمد\r\n2;;\r\n\r\n3;\"\";\"\"\"\"\r\n";
  const std::string expected = Read(text);
  EXPECT_EQ(expected, "id|note|x\n1:1|a;\"b\"\r\nc|محمد\n2:2||\n4:3||\"");
  for (size_t block = 1; block < 24; ++block) {
    EXPECT_EQ(Read(text, {}, {.block_size = block}), expected) << "block " << block;
  }
}

TEST_F(CsvReaderTest, MissingFileIsNotFoundNamingIt) {
  EXPECT_THAT(OpenTable(dir_.path() + "/absent.csv"),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.csv")));
}

TEST_F(CsvReaderTest, UnreadableFileIsPermissionDenied) {
  const std::string path = dir_.File("secret.csv", "a\n1\n");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  EXPECT_EQ(tafkik::testing::RunUnprivileged([&] {
              auto table = OpenTable(path);
              return table.status().code() == StatusCode::kPermissionDenied &&
                     table.status().message().find("secret.csv") != std::string::npos;
            }),
            "");
}

TEST_F(CsvReaderTest, UnknownExtensionIsInvalidArgument) {
  EXPECT_THAT(OpenTable(dir_.File("a.doc", "a\n1\n")), StatusIs(StatusCode::kInvalidArgument));
  EXPECT_THAT(OpenTable(dir_.File("a.xls", "a\n1\n")),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr(".xlsx")));
}

TEST_F(CsvReaderTest, ReportsProgressInBytes) {
  const std::string path = dir_.File("p.tsv", "a\tb\n1\t2\n");
  auto reader = OpenTable(path);
  ASSERT_THAT(reader, IsOk());
  EXPECT_EQ((*reader)->bytes_total(), 8);
  TableRow row;
  while (*(*reader)->Next(row)) {}
  EXPECT_EQ((*reader)->bytes_read(), 8);
}

}  // namespace
}  // namespace tafkik::readers
