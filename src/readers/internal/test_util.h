// Test helpers for the readers: a temporary folder and a reader's output as one string.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "readers/table_reader.h"

namespace tafkik::readers::internal {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tafkik-readers-XXXXXX");
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name, const std::string& bytes) const {
    const std::string path = path_ + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// "h1|h2\n1:a|b\n2:!InvalidArgument\n..." : the header, then each row by number with its
// cells joined by '|', or '!' and the status code of a row that failed.
inline std::string Render(TableReader& reader, int max_rows = 1000) {
  std::string out;
  for (const std::string& name : reader.header()) out += (out.empty() ? "" : "|") + name;
  TableRow row;
  for (int count = 0; count < max_rows; ++count) {
    Result<bool> more = reader.Next(row);
    if (!more.ok()) {
      out += "\n!" + std::string(StatusCodeName(more.status().code()));
      continue;
    }
    if (!*more) break;
    out += "\n" + std::to_string(row.number) + ":";
    for (size_t column = 0; column < row.cells.size(); ++column) {
      out += (column == 0 ? "" : "|") + row.cells[column];
    }
  }
  return out;
}

}  // namespace tafkik::readers::internal
