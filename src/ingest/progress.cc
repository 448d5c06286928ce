#include "ingest/progress.h"

#include <cstdio>

namespace tafkik::ingest {
namespace {

std::string Thousands(int64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  int count = 0;
  for (auto at = digits.rbegin(); at != digits.rend(); ++at) {
    if (count > 0 && count % 3 == 0 && *at != '-') out.insert(out.begin(), ',');
    out.insert(out.begin(), *at);
    ++count;
  }
  return out;
}

}  // namespace

std::string FormatProgressBar(const TableProgress& progress, int width) {
  const double seconds = progress.elapsed_ms / 1000.0;
  const int64_t rows_per_second = seconds > 0 ? static_cast<int64_t>(progress.rows / seconds) : 0;
  const double megabytes_per_second = seconds > 0 ? progress.bytes_read / 1e6 / seconds : 0;
  std::string line = "import  ";
  if (progress.bytes_total > 0) {
    double fraction = std::min(1.0, static_cast<double>(progress.bytes_read) / progress.bytes_total);
    int filled = static_cast<int>(fraction * width);
    line += "[" + std::string(filled, '#') + std::string(width - filled, '.') + "] ";
    char percent[8];
    std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
    line += percent;
  }
  char rate[64];
  std::snprintf(rate, sizeof rate, "  %.1f MB/s", megabytes_per_second);
  line += "  " + Thousands(progress.rows) + " rows  " + Thousands(rows_per_second) + " rows/s" + rate;
  if (progress.bytes_total > 0 && progress.bytes_read > 0 && !progress.done) {
    int64_t left_s = static_cast<int64_t>(seconds * (progress.bytes_total - progress.bytes_read) /
                                          progress.bytes_read);
    char eta[32];
    std::snprintf(eta, sizeof eta, "  ETA %lld:%02lld", static_cast<long long>(left_s / 60),
                  static_cast<long long>(left_s % 60));
    line += eta;
  }
  return line;
}

Json ProgressEvent(const TableProgress& progress) {
  const int64_t rows_per_second =
      progress.elapsed_ms > 0 ? progress.rows * 1000 / progress.elapsed_ms : 0;
  return Json{{"event", "progress"},         {"rows", progress.rows},
              {"bytes_read", progress.bytes_read}, {"bytes_total", progress.bytes_total},
              {"elapsed_ms", progress.elapsed_ms}, {"rows_per_second", rows_per_second},
              {"done", progress.done}};
}

}  // namespace tafkik::ingest
