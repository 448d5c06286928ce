// Helpers shared by the fuzz targets: a per-process temporary file for readers whose API
// takes a path, and a check that aborts loudly (libFuzzer then saves the input).
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tafkik::fuzz {

// A path in /dev/shm (or $TMPDIR) unique to this process, ending in `extension`.
inline std::string TempPath(const std::string& extension) {
  const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : std::getenv("TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/tafkik-fuzz-" +
         std::to_string(::getpid()) + extension;
}

inline void WriteBytes(const std::string& path, const uint8_t* data, size_t size) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
  std::fclose(file);
}

#define TAFKIK_FUZZ_CHECK(cond)                                          \
  do {                                                                   \
    if (!(cond)) {                                                       \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                      \
    }                                                                    \
  } while (false)

}  // namespace tafkik::fuzz
