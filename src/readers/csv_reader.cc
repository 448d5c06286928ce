#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "readers/internal/csv_reader.h"
#include "readers/internal/utf8.h"
#include "readers/internal/utf8_source.h"

namespace tafkik::readers::internal {
namespace {

constexpr char kQuote = '"';
constexpr size_t kSniffBytes = 64 * 1024;
constexpr int kSniffRecords = 20;
constexpr std::array<char, 4> kSeparators = {',', ';', '\t', '|'};
constexpr size_t kMaxHeaderCells = 16'384;
constexpr size_t kSpareCells = 64;  // empty trailing cells kept past the header

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

// Separators outside quotes in each of the first complete records of `sample`.
std::vector<int> CountPerRecord(std::string_view sample, char separator, bool at_eof) {
  std::vector<int> counts;
  int count = 0;
  bool quoted = false;
  for (size_t pos = 0; pos < sample.size() && counts.size() < kSniffRecords; ++pos) {
    const char c = sample[pos];
    if (c == kQuote) {
      quoted = !quoted;  // "" inside quotes toggles twice
    } else if (quoted) {
      continue;
    } else if (c == separator) {
      ++count;
    } else if (c == '\n') {
      counts.push_back(count);
      count = 0;
    }
  }
  if (at_eof && !quoted && count > 0) counts.push_back(count);
  return counts;
}

class CsvReader final : public TableReader {
 public:
  CsvReader(std::string path, const TableOptions& options, const CsvTuning& tuning,
            std::unique_ptr<Utf8Source> source)
      : path_(std::move(path)), options_(options), tuning_(tuning), source_(std::move(source)) {}

  Status Start();

  const std::vector<std::string>& header() const override { return header_; }
  Result<bool> Next(TableRow& row) override;
  int64_t bytes_read() const override { return source_->bytes_read(); }
  int64_t bytes_total() const override { return source_->bytes_total(); }

 private:
  enum class Scan { kRecord, kNeedMore, kUnterminated };

  Status Refill();
  Status SkipLine();
  Status DetectSeparator();
  // Parses the record at pos_ into cells[0, count); advances pos_ on kRecord only.
  Scan ScanRecord(std::vector<std::string>& cells, size_t& count);
  // Scans one record, refilling as needed. False at the end of the file.
  Result<bool> ReadRecord(std::vector<std::string>& cells, size_t& count, bool& blank);
  Status RowError(int64_t row, size_t column, std::string_view why) const;
  Status CheckCells(const std::vector<std::string>& cells, size_t count, int64_t row) const;
  Status FitToHeader(TableRow& row, size_t count) const;

  // Constant after Start.
  const std::string path_;
  const TableOptions options_;
  const CsvTuning tuning_;
  std::unique_ptr<Utf8Source> source_;
  char separator_ = ',';
  std::array<bool, 256> special_{};  // bytes that end an unquoted field
  std::vector<std::string> header_;

  // The UTF-8 window [pos_, end_) of buf_; grows only for rows longer than a block.
  std::unique_ptr<char[]> buf_;
  size_t capacity_ = 0;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t row_number_ = 0;
  size_t record_start_ = 0;  // where the record last scanned began, for the UTF-8 check
  // Cells past this many are not kept (one row of a million separators would otherwise
  // cost a million strings, ~38 times its size): they go through `overflow_`, and a
  // non-empty one makes the row an error. The header's width plus a margin once it is read.
  size_t cell_cap_ = kMaxHeaderCells;
  std::string overflow_;
  bool overflow_text_ = false;  // a cell past cell_cap_ held text
  size_t overflow_cells_ = 0;
};

Status CsvReader::Refill() {
  if (pos_ > 0) {
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  // The converting source needs room for a few whole characters, whatever the block size.
  const size_t request = std::max<size_t>(tuning_.block_size, 16);
  if (capacity_ - end_ < request) {
    const size_t capacity = std::max(capacity_ * 2, end_ + request);
    auto grown = std::make_unique<char[]>(capacity);
    std::memcpy(grown.get(), buf_.get(), end_);
    buf_ = std::move(grown);
    capacity_ = capacity;
  }
  TAFKIK_ASSIGN_OR_RETURN(size_t count, source_->Read(buf_.get() + end_, request));
  end_ += count;
  if (count == 0) eof_ = true;
  return Status::Ok();
}

Status CsvReader::SkipLine() {
  for (;;) {
    const void* newline = std::memchr(buf_.get() + pos_, '\n', end_ - pos_);
    if (newline != nullptr) {
      pos_ = static_cast<const char*>(newline) - buf_.get() + 1;
      return Status::Ok();
    }
    pos_ = end_;  // a title line needs no keeping
    if (eof_) return Status::Ok();
    TAFKIK_RETURN_IF_ERROR(Refill());
  }
}

Status CsvReader::DetectSeparator() {
  while (end_ - pos_ < kSniffBytes && !eof_) TAFKIK_RETURN_IF_ERROR(Refill());
  const std::string_view sample(buf_.get() + pos_, std::min(end_ - pos_, kSniffBytes));
  const bool whole = eof_ && sample.size() == end_ - pos_;
  size_t best_consistent = 0;
  int best_header = 0;
  for (char candidate : kSeparators) {
    const std::vector<int> counts = CountPerRecord(sample, candidate, whole);
    if (counts.empty() || counts[0] == 0) continue;
    const size_t consistent =
        static_cast<size_t>(std::count(counts.begin() + 1, counts.end(), counts[0]));
    if (consistent > best_consistent ||
        (consistent == best_consistent && counts[0] > best_header)) {
      best_consistent = consistent;
      best_header = counts[0];
      separator_ = candidate;
    }
  }
  return Status::Ok();
}

Status CsvReader::Start() {
  capacity_ = tuning_.block_size + 16;
  buf_ = std::make_unique<char[]>(capacity_);
  for (int line = 0; line < options_.skip_lines; ++line) TAFKIK_RETURN_IF_ERROR(SkipLine());
  if (options_.separator != 0) {
    separator_ = options_.separator;
  } else {
    TAFKIK_RETURN_IF_ERROR(DetectSeparator());
  }
  special_[static_cast<unsigned char>(separator_)] = true;
  special_['\n'] = special_['\r'] = true;

  std::vector<std::string> cells;
  size_t count = 0;
  bool blank = true;
  while (blank) {
    auto more = ReadRecord(cells, count, blank);
    if (!more.ok()) {
      return InvalidArgumentError(path_ + ": unreadable header row: " + more.status().message());
    }
    if (!*more) return InvalidArgumentError(path_ + ": no header row (the file is empty)");
  }
  if (overflow_cells_ > 0) {
    return InvalidArgumentError(path_ + ": the header row has more than " +
                                std::to_string(kMaxHeaderCells) + " columns");
  }
  TAFKIK_RETURN_IF_ERROR(CheckCells(cells, count, 0));
  for (size_t column = 0; column < count; ++column) header_.push_back(Trim(cells[column]));
  cell_cap_ = header_.size() + kSpareCells;
  row_number_ = 0;
  return Status::Ok();
}

CsvReader::Scan CsvReader::ScanRecord(std::vector<std::string>& cells, size_t& count) {
  const char* data = buf_.get();
  const size_t end = end_;
  size_t pos = pos_;
  count = 0;
  overflow_text_ = false;
  overflow_cells_ = 0;
  for (;;) {
    std::string* target = &overflow_;
    if (count < cell_cap_) {
      if (count == cells.size()) cells.emplace_back();
      target = &cells[count++];
    } else {
      ++overflow_cells_;
    }
    std::string& cell = *target;
    cell.clear();
    if (pos < end && data[pos] == kQuote) {
      ++pos;
      for (;;) {
        const void* found = std::memchr(data + pos, kQuote, end - pos);
        if (found == nullptr) {
          return eof_ ? Scan::kUnterminated : Scan::kNeedMore;
        }
        const size_t quote = static_cast<const char*>(found) - data;
        if (quote + 1 == end && !eof_) return Scan::kNeedMore;
        cell.append(data + pos, quote - pos);
        pos = quote + 1;
        if (pos < end && data[pos] == kQuote) {
          cell.push_back(kQuote);
          ++pos;
          continue;
        }
        break;
      }
    }
    // Unquoted field, or what follows a closing quote (kept, as spreadsheets do).
    const size_t start = pos;
    while (pos < end && !special_[static_cast<unsigned char>(data[pos])]) ++pos;
    cell.append(data + start, pos - start);
    if (target == &overflow_) {
      overflow_text_ |= !overflow_.empty();
      overflow_.clear();
    }
    if (pos == end) {
      if (!eof_) return Scan::kNeedMore;
      pos_ = end;
      return Scan::kRecord;
    }
    const char c = data[pos++];
    if (c == separator_) continue;
    if (c == '\r') {
      if (pos == end && !eof_) return Scan::kNeedMore;
      if (pos < end && data[pos] == '\n') ++pos;
    }
    pos_ = pos;
    return Scan::kRecord;
  }
}

Result<bool> CsvReader::ReadRecord(std::vector<std::string>& cells, size_t& count, bool& blank) {
  for (;;) {
    if (pos_ == end_) {
      if (eof_) return false;
      TAFKIK_RETURN_IF_ERROR(Refill());
      continue;
    }
    record_start_ = pos_;
    const Scan scan = ScanRecord(cells, count);
    if (scan == Scan::kNeedMore) {
      if (end_ - pos_ >= tuning_.max_row_bytes) {
        ++row_number_;
        TAFKIK_RETURN_IF_ERROR(SkipLine());
        return RowError(row_number_, count,
                        "row longer than " + std::to_string(tuning_.max_row_bytes) +
                            " bytes (an unterminated quote?); reading resumes at the next line");
      }
      TAFKIK_RETURN_IF_ERROR(Refill());
      continue;
    }
    ++row_number_;
    if (scan == Scan::kUnterminated) {
      // Nothing closes the quote: the row is lost, not the rest of the file.
      TAFKIK_RETURN_IF_ERROR(SkipLine());
      return RowError(row_number_, count,
                      "unterminated quote; reading resumes at the next line");
    }
    blank = count == 1 && cells[0].empty() && buf_[record_start_] != kQuote;
    return true;
  }
}

Status CsvReader::RowError(int64_t row, size_t column, std::string_view why) const {
  std::string where = path_ + ": row " + std::to_string(row) + ", column " + std::to_string(column);
  last_error_.row = row;
  last_error_.column.clear();
  if (column >= 1 && column <= header_.size()) {
    where += " (\"" + header_[column - 1] + "\")";
    last_error_.column = header_[column - 1];
  }
  return InvalidArgumentError(where + ": " + std::string(why));
}

Status CsvReader::CheckCells(const std::vector<std::string>& cells, size_t count,
                             int64_t row) const {
  if (IsAscii(std::string_view(buf_.get() + record_start_, pos_ - record_start_))) {
    return Status::Ok();
  }
  for (size_t column = 0; column < count; ++column) {
    const std::string& cell = cells[column];
    if (source_->converted() ? cell.find("\xEF\xBF\xBD") != std::string::npos
                             : ValidUtf8Prefix(cell) != cell.size()) {
      return RowError(row, column + 1, "bytes that are not valid " + source_->encoding());
    }
  }
  return Status::Ok();
}

Status CsvReader::FitToHeader(TableRow& row, size_t count) const {
  const size_t width = header_.size();
  for (size_t column = width; column < count; ++column) {
    // A trailing separator (",,," left by spreadsheets) adds empty cells: harmless.
    if (!row.cells[column].empty()) {
      return RowError(row.number, column + 1,
                      "more cells than the " + std::to_string(width) + " of the header");
    }
  }
  for (size_t column = count; column < std::min(width, row.cells.size()); ++column) {
    row.cells[column].clear();
  }
  row.cells.resize(width);
  return Status::Ok();
}

Result<bool> CsvReader::Next(TableRow& row) {
  for (;;) {
    size_t count = 0;
    bool blank = false;
    TAFKIK_ASSIGN_OR_RETURN(bool more, ReadRecord(row.cells, count, blank));
    if (!more) return false;
    row.number = row_number_;
    if (blank) continue;
    if (overflow_text_) {
      return RowError(row.number, header_.size() + 1,
                      "more cells than the " + std::to_string(header_.size()) +
                          " of the header (" + std::to_string(count + overflow_cells_) + ")");
    }
    TAFKIK_RETURN_IF_ERROR(CheckCells(row.cells, count, row.number));
    TAFKIK_RETURN_IF_ERROR(FitToHeader(row, count));
    return true;
  }
}

}  // namespace

Result<std::unique_ptr<TableReader>> OpenCsv(const std::string& path, const TableOptions& options,
                                             const CsvTuning& tuning) {
  TAFKIK_ASSIGN_OR_RETURN(auto source, Utf8Source::Open(path, options.encoding));
  auto reader = std::make_unique<CsvReader>(path, options, tuning, std::move(source));
  TAFKIK_RETURN_IF_ERROR(reader->Start());
  return std::unique_ptr<TableReader>(std::move(reader));
}

}  // namespace tafkik::readers::internal
