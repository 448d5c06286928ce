// Metadata of common digital evidence read from the file itself: its type (libmagic), a
// photo's EXIF capture time, camera and GPS position (libexif), a PDF's document information
// and the start of its text (poppler). Third-party headers stay in metadata.cc.
// Thread-safe (each call opens its own handles).
#pragma once

#include <string>

#include "casefile/evidence.h"
#include "core/status.h"

namespace tafkik::casefile {

// Reads what it can. NotFound naming `path` when the file is missing; Unavailable when it
// cannot be read. A part that cannot be read (a corrupt EXIF block, an encrypted PDF) is
// not an error: it leaves its fields empty and adds a line to `warnings`.
Result<FileMetadata> ExtractMetadata(const std::string& path);

}  // namespace tafkik::casefile
