// Crash safety: a child process killed with SIGKILL in the middle of a multi-row write (or
// of its commit) leaves the database consistent, the write absent or whole, and the audit
// chain verifying.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_util.h"
#include "store/test_util.h"

namespace tafkik::store::testing {
namespace {

constexpr int kRows = 60'000;

// In the child: writes kRows persons in one transaction, telling the parent through `pipe_fd`
// when it is half way ('h') and when it is about to commit ('c'). Never returns.
[[noreturn]] void WriteManyThenCommit(const std::string& root, int pipe_fd) {
  auto store = OpenSqliteWorkspace(root);
  if (!store.ok()) _exit(2);
  auto txn = (*store)->BeginWrite({"crash-child"});
  if (!txn.ok()) _exit(3);
  for (int row = 0; row < kRows; ++row) {
    if (!(*txn)->PutEntity(MakePerson("crash-" + std::to_string(row), "Person")).ok()) _exit(4);
    if (row == kRows / 2 && write(pipe_fd, "h", 1) != 1) _exit(5);
  }
  if (write(pipe_fd, "c", 1) != 1) _exit(5);
  if (!(*txn)->Commit({"entity.put", "bulk"}).ok()) _exit(6);
  _exit(0);
}

// Forks the writer, waits for `signal_char`, sleeps `delay_us`, then SIGKILLs it.
void KillWriterAfter(const std::string& root, char signal_char, int delay_us) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    WriteManyThenCommit(root, fds[1]);
  }
  close(fds[1]);
  char received = 0;
  while (read(fds[0], &received, 1) == 1 && received != signal_char) {
  }
  usleep(delay_us);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(fds[0]);
  // The child must have got as far as the signal: a writer that failed early (exit 2 to 6)
  // would otherwise pass as "nothing landed".
  ASSERT_EQ(received, signal_char) << "the writer stopped before its signal";
  ASSERT_TRUE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) ||
              (WIFEXITED(status) && WEXITSTATUS(status) == 0))
      << "writer failed on its own, status " << status;
}

class CrashTest : public ::testing::TestWithParam<std::pair<char, int>> {};

TEST_P(CrashTest, KilledWriterLeavesAConsistentWorkspace) {
  TempDir dir;
  const std::string root = dir.Sub("ws");
  ASSERT_TRUE(OpenSqliteWorkspace(root, {.create = true}).ok());
  KillWriterAfter(root, GetParam().first, GetParam().second);

  EXPECT_EQ(RawQuery(PathsOf(root).database, "PRAGMA integrity_check"), "ok");
  auto store = OpenSqliteWorkspace(root);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Counts counts = *(*store)->Count();
  const int64_t persons = counts.entities_by_schema["Person"];
  if (GetParam().first == 'h') {
    EXPECT_EQ(persons, 0) << "killed before its commit, yet rows landed";
  } else {
    EXPECT_TRUE(persons == 0 || persons == kRows) << "partial write: " << persons;
  }
  EXPECT_EQ(counts.audit_events, persons == 0 ? 1 : 2);
  Result<AuditVerifyReport> report = (*store)->VerifyAudit();
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok) << report->reason;
}

// Killed half way through the rows, and at several moments around the commit.
INSTANTIATE_TEST_SUITE_P(Moments, CrashTest,
                         ::testing::Values(std::make_pair('h', 0), std::make_pair('c', 0),
                                           std::make_pair('c', 2'000),
                                           std::make_pair('c', 20'000)));

}  // namespace
}  // namespace tafkik::store::testing
