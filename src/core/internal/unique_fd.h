// Private to core: a file descriptor closed when it goes out of scope, so every early
// return of a function that opened a file closes it. Not copyable.
#pragma once

#include <unistd.h>

namespace tafkik::internal {

class UniqueFd {
 public:
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }

 private:
  int fd_;  // -1 when open() failed
};

}  // namespace tafkik::internal
