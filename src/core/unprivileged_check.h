// Tests only: checks of file-permission errors that mean the same when the test runs as root
// (as CI does, and root reads any file whatever its mode) as when it runs as anyone else.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

namespace tafkik::testing {

// Runs `check` in a child process that first drops to the unprivileged user "nobody" when it
// is root. Returns "" when `check` returned true, else why not.
inline std::string RunUnprivileged(const std::function<bool()>& check) {
  const pid_t child = ::fork();
  if (child < 0) return "fork failed";
  if (child == 0) {
    constexpr uid_t kNobody = 65534;
    if (::geteuid() == 0 && (::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) _exit(2);
    _exit(check() ? 0 : 1);
  }
  int status = 0;
  if (::waitpid(child, &status, 0) != child || !WIFEXITED(status)) return "child did not exit";
  switch (WEXITSTATUS(status)) {
    case 0: return "";
    case 2: return "could not drop privileges to nobody";
    default: return "check failed as an unprivileged user";
  }
}

}  // namespace tafkik::testing
