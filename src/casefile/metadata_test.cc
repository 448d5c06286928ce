#include "casefile/metadata.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <string>

#include "core/status_matchers.h"
#include "core/temp_dir.h"

namespace tafkik::casefile {
namespace {

using ::testing::HasSubstr;
using ::tafkik::testing::TempDir;

void Put16(std::string& out, uint16_t value) {
  out += static_cast<char>(value & 0xff);
  out += static_cast<char>(value >> 8);
}
void Put32(std::string& out, uint32_t value) {
  Put16(out, value & 0xffff);
  Put16(out, value >> 16);
}
void Entry(std::string& out, uint16_t tag, uint16_t type, uint32_t count, uint32_t value) {
  Put16(out, tag);
  Put16(out, type);
  Put32(out, count);
  Put32(out, value);
}
void Rational3(std::string& out, uint32_t degrees, uint32_t minutes, uint32_t seconds_x100) {
  Put32(out, degrees), Put32(out, 1), Put32(out, minutes), Put32(out, 1);
  Put32(out, seconds_x100), Put32(out, 100);
}

// A little-endian TIFF with DateTimeOriginal and a GPS position of 35°46'16.32"N
// 5°48'0.36"W (Tanger), laid out by hand: IFD0 at 8, Exif IFD at 38, GPS IFD at 76.
std::string TiffWithExif() {
  std::string tiff = "II*";
  tiff += '\0';
  Put32(tiff, 8);
  Put16(tiff, 2);                          // IFD0
  Entry(tiff, 0x8769, 4, 1, 38);           // Exif IFD pointer
  Entry(tiff, 0x8825, 4, 1, 76);           // GPS IFD pointer
  Put32(tiff, 0);
  Put16(tiff, 1);                          // Exif IFD at 38
  Entry(tiff, 0x9003, 2, 20, 56);          // DateTimeOriginal
  Put32(tiff, 0);
  tiff += std::string("2026:03:01 22:14:05") + '\0';  // at 56, 20 bytes
  Put16(tiff, 4);                          // GPS IFD at 76
  Entry(tiff, 0x0001, 2, 2, 'N');          // LatitudeRef inline
  Entry(tiff, 0x0002, 5, 3, 130);          // Latitude
  Entry(tiff, 0x0003, 2, 2, 'W');          // LongitudeRef inline
  Entry(tiff, 0x0004, 5, 3, 154);          // Longitude
  Put32(tiff, 0);
  Rational3(tiff, 35, 46, 1632);
  Rational3(tiff, 5, 48, 36);
  return tiff;
}

std::string JpegWithExif() {
  std::string app1 = std::string("Exif") + '\0' + '\0' + TiffWithExif();
  std::string jpeg = "\xFF\xD8\xFF\xE1";
  uint16_t length = static_cast<uint16_t>(app1.size() + 2);
  jpeg += static_cast<char>(length >> 8);
  jpeg += static_cast<char>(length & 0xff);
  jpeg += app1;
  jpeg += "\xFF\xD9";
  return jpeg;
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(MetadataTest, PhotoExifTimeAndGps) {
  TempDir dir;
  Write(dir.Sub("photo.jpg"), JpegWithExif());
  Result<FileMetadata> metadata = ExtractMetadata(dir.Sub("photo.jpg"));
  ASSERT_THAT(metadata, IsOk());
  EXPECT_EQ(metadata->mime_type, "image/jpeg");
  EXPECT_EQ(metadata->exif_time, "2026:03:01 22:14:05");
  EXPECT_EQ(metadata->gps_latitude, "35.771200");
  EXPECT_EQ(metadata->gps_longitude, "-5.800100");
  EXPECT_EQ(metadata->size, static_cast<int64_t>(JpegWithExif().size()));
}

TEST(MetadataTest, PdfInformationAndText) {
  TempDir dir;
  std::string path = dir.Sub("statement.pdf");
  cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "Procès-verbal d'audition");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "OPJ Benali");
  cairo_t* cr = cairo_create(surface);
  cairo_move_to(cr, 72, 72);
  cairo_show_text(cr, "Statement of witness W-12");
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  Result<FileMetadata> metadata = ExtractMetadata(path);
  ASSERT_THAT(metadata, IsOk());
  EXPECT_EQ(metadata->mime_type, "application/pdf");
  EXPECT_EQ(metadata->pdf_title, "Procès-verbal d'audition");
  EXPECT_EQ(metadata->pdf_author, "OPJ Benali");
  EXPECT_EQ(metadata->pdf_pages, 1);
  EXPECT_THAT(metadata->pdf_text, HasSubstr("Statement of witness W-12"));
}

TEST(MetadataTest, PlainTextAndMissingFile) {
  TempDir dir;
  Write(dir.Sub("note.txt"), "plain notes\n");
  Result<FileMetadata> metadata = ExtractMetadata(dir.Sub("note.txt"));
  ASSERT_THAT(metadata, IsOk());
  EXPECT_EQ(metadata->mime_type, "text/plain");
  EXPECT_TRUE(metadata->exif_time.empty());
  EXPECT_THAT(ExtractMetadata(dir.Sub("absent.jpg")),
              StatusIs(StatusCode::kNotFound, HasSubstr("absent.jpg")));
}

TEST(MetadataTest, CorruptPhotoGivesAWarningNotAnError) {
  TempDir dir;
  Write(dir.Sub("broken.jpg"), "\xFF\xD8\xFF\xE0garbage");
  Result<FileMetadata> metadata = ExtractMetadata(dir.Sub("broken.jpg"));
  ASSERT_THAT(metadata, IsOk());
  EXPECT_EQ(metadata->mime_type, "image/jpeg");
  EXPECT_FALSE(metadata->warnings.empty());
}

}  // namespace
}  // namespace tafkik::casefile
