#include "casefile/metadata.h"

#include <libexif/exif-data.h>
#include <magic.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <poppler-document.h>
#include <poppler-page.h>

#include "core/text.h"
#include "core/time.h"

namespace tafkik::casefile {
namespace {

struct MagicCloser {
  void operator()(magic_t cookie) const { magic_close(cookie); }
};
using MagicHandle = std::unique_ptr<std::remove_pointer_t<magic_t>, MagicCloser>;

// One libmagic query with `flags`; "" (and a warning) when libmagic cannot answer.
std::string MagicQuery(const std::string& path, int flags, FileMetadata& out) {
  MagicHandle cookie(magic_open(flags));
  if (!cookie || magic_load(cookie.get(), nullptr) != 0) {
    out.warnings.push_back("file type: libmagic's database could not be loaded");
    return "";
  }
  const char* answer = magic_file(cookie.get(), path.c_str());
  if (answer == nullptr) {
    out.warnings.push_back(std::string("file type: ") + magic_error(cookie.get()));
    return "";
  }
  return answer;
}

struct ExifDeleter {
  void operator()(ExifData* data) const { exif_data_unref(data); }
};

std::string ExifText(ExifData* data, ExifIfd ifd, ExifTag tag) {
  ExifEntry* entry = exif_content_get_entry(data->ifd[ifd], tag);
  if (entry == nullptr) return "";
  char buffer[256] = {};
  exif_entry_get_value(entry, buffer, sizeof(buffer));
  return std::string(Trim(buffer));
}

// Degrees, minutes, seconds rationals -> decimal degrees; nullopt when malformed.
std::optional<double> ExifDegrees(ExifData* data, ExifTag tag) {
  ExifEntry* entry = exif_content_get_entry(data->ifd[EXIF_IFD_GPS], tag);
  if (entry == nullptr || entry->format != EXIF_FORMAT_RATIONAL || entry->components < 3) {
    return std::nullopt;
  }
  ExifByteOrder order = exif_data_get_byte_order(data);
  double parts[3] = {};
  for (int part = 0; part < 3; ++part) {
    ExifRational value = exif_get_rational(entry->data + part * 8, order);
    if (value.denominator == 0) return std::nullopt;
    parts[part] = static_cast<double>(value.numerator) / value.denominator;
  }
  return parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
}

std::string FormatDegrees(double degrees, bool negative) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%.6f", negative ? -degrees : degrees);
  return buffer;
}

void ReadGps(ExifData* data, FileMetadata& out) {
  std::optional<double> latitude = ExifDegrees(data, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE));
  std::optional<double> longitude = ExifDegrees(data, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE));
  if (!latitude || !longitude) return;
  std::string lat_ref = ExifText(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF));
  std::string lon_ref = ExifText(data, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF));
  if (*latitude > 90 || *longitude > 180) {
    out.warnings.push_back("EXIF GPS position out of range");
    return;
  }
  out.gps_latitude = FormatDegrees(*latitude, !lat_ref.empty() && lat_ref[0] == 'S');
  out.gps_longitude = FormatDegrees(*longitude, !lon_ref.empty() && lon_ref[0] == 'W');
}

void ReadExif(const std::string& path, FileMetadata& out) {
  std::unique_ptr<ExifData, ExifDeleter> data(exif_data_new_from_file(path.c_str()));
  if (!data) {
    out.warnings.push_back("photo: no EXIF block could be read");
    return;
  }
  out.exif_time = ExifText(data.get(), EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
  if (out.exif_time.empty()) out.exif_time = ExifText(data.get(), EXIF_IFD_0, EXIF_TAG_DATE_TIME);
  std::string make = ExifText(data.get(), EXIF_IFD_0, EXIF_TAG_MAKE);
  std::string model = ExifText(data.get(), EXIF_IFD_0, EXIF_TAG_MODEL);
  out.exif_camera = std::string(Trim(make + " " + model));
  ReadGps(data.get(), out);
}

std::string Utf8(const poppler::ustring& text) {
  poppler::byte_array bytes = text.to_utf8();
  std::string value(bytes.begin(), bytes.end());
  return IsValidUtf8(value) ? value : "";
}

// Cuts `text` to at most `limit` bytes without splitting a UTF-8 sequence.
std::string CutUtf8(std::string text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

void ReadPdf(const std::string& path, FileMetadata& out) {
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path));
  if (!document) {
    out.warnings.push_back("PDF: the document could not be opened");
    return;
  }
  if (document->is_locked()) {
    out.warnings.push_back("PDF: the document is encrypted; text not read");
    return;
  }
  out.pdf_title = Utf8(document->get_title());
  out.pdf_author = Utf8(document->get_author());
  out.pdf_creator = Utf8(document->get_creator());
  out.pdf_producer = Utf8(document->get_producer());
  time_t created = document->get_creation_date_t();
  if (created > 0) out.pdf_created = FormatTimestamp(Timestamp::FromSeconds(created));
  out.pdf_pages = document->pages();
  std::string text;
  for (int page_index = 0; page_index < document->pages() && text.size() < kPdfTextLimit;
       ++page_index) {
    std::unique_ptr<poppler::page> page(document->create_page(page_index));
    if (page) text += Utf8(page->text()) + "\n";
  }
  out.pdf_text = CutUtf8(std::string(Trim(text)), kPdfTextLimit);
}

}  // namespace

Result<FileMetadata> ExtractMetadata(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return NotFoundError("no such file: " + path);
  uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return UnavailableError(path + ": " + error.message());
  FileMetadata out;
  out.size = static_cast<int64_t>(size);
  out.mime_type = MagicQuery(path, MAGIC_MIME_TYPE, out);
  out.description = MagicQuery(path, MAGIC_NONE, out);
  if (out.mime_type == "image/jpeg" || out.mime_type == "image/tiff") ReadExif(path, out);
  if (out.mime_type == "application/pdf") ReadPdf(path, out);
  return out;
}

}  // namespace tafkik::casefile
