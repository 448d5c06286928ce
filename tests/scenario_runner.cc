// Runs one CLI scenario file (format: tests/scenarios/README.md) against a tafkik binary.
// Usage: scenario_runner TAFKIK_BINARY FILE.scenario
// Exit 0 when every step matches; otherwise prints each mismatch with the file and line,
// keeps the scenario's folder for inspection and exits 1.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Step {
  int line = 0;
  std::string command;
  int exit_code = 0;
  std::string save_as;  // "set NAME"
  std::vector<std::string> stdout_contains;
  std::vector<std::string> stderr_contains;
  std::vector<std::string> stdout_lacks;
  bool stdout_json = false;
  bool stderr_empty = false;
  bool has_expected_stdout = false;
  std::string expected_stdout;
};

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string Rest(const std::string& line, const std::string& directive) {
  return line.substr(directive.size() + 1);
}

std::string Trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// Applies one directive line to `step`; false when the directive is unknown.
bool ApplyDirective(const std::string& line, Step& step) {
  if (StartsWith(line, "exit "))
    step.exit_code = std::stoi(Rest(line, "exit"));
  else if (StartsWith(line, "set "))
    step.save_as = Rest(line, "set");
  else if (StartsWith(line, "stdout-contains "))
    step.stdout_contains.push_back(Rest(line, "stdout-contains"));
  else if (StartsWith(line, "stderr-contains "))
    step.stderr_contains.push_back(Rest(line, "stderr-contains"));
  else if (StartsWith(line, "stdout-lacks "))
    step.stdout_lacks.push_back(Rest(line, "stdout-lacks"));
  else if (line == "stdout-json")
    step.stdout_json = true;
  else if (line == "stderr-empty")
    step.stderr_empty = true;
  else
    return false;
  return true;
}

// Reads the expected stdout block after "----": up to a blank line or the end.
void ReadExpected(std::istream& in, int& line_number, Step& step) {
  step.has_expected_stdout = true;
  std::string line;
  while (std::getline(in, line) && !line.empty()) {
    ++line_number;
    step.expected_stdout += line + "\n";
  }
  ++line_number;
}

bool ParseError(const std::string& path, int line_number, const std::string& message) {
  std::cerr << path << ":" << line_number << ": " << message << "\n";
  return false;
}

bool ParseScenario(const std::string& path, std::vector<Step>& steps) {
  std::ifstream in(path);
  if (!in) return ParseError(path, 0, "cannot read");
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line[0] == '#') continue;
    if (StartsWith(line, "run ")) {
      steps.push_back(Step{line_number, Rest(line, "run")});
    } else if (steps.empty()) {
      return ParseError(path, line_number, "expected 'run'");
    } else if (line == "----") {
      ReadExpected(in, line_number, steps.back());
    } else if (!ApplyDirective(line, steps.back())) {
      return ParseError(path, line_number, "unknown directive: " + line);
    }
  }
  return true;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs `command` with /bin/sh in `folder`, stdout and stderr captured through files.
Outcome Run(const std::string& command, const std::string& folder) {
  std::string out_path = folder + "/.scenario-stdout";
  std::string err_path = folder + "/.scenario-stderr";
  pid_t child = ::fork();
  if (child == 0) {
    if (::chdir(folder.c_str()) != 0) ::_exit(127);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int wait_status = 0;
  ::waitpid(child, &wait_status, 0);
  Outcome outcome;
  outcome.exit_code =
      WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  outcome.out = ReadFile(out_path);
  outcome.err = ReadFile(err_path);
  return outcome;
}

// Every way `outcome` differs from what `step` expects, one message each.
std::vector<std::string> Mismatches(const Step& step, const Outcome& outcome) {
  std::vector<std::string> problems;
  if (outcome.exit_code != step.exit_code) {
    problems.push_back("exit code " + std::to_string(outcome.exit_code) + ", expected " +
                       std::to_string(step.exit_code));
  }
  for (const std::string& text : step.stdout_contains) {
    if (outcome.out.find(text) == std::string::npos) problems.push_back("stdout lacks: " + text);
  }
  for (const std::string& text : step.stderr_contains) {
    if (outcome.err.find(text) == std::string::npos) problems.push_back("stderr lacks: " + text);
  }
  for (const std::string& text : step.stdout_lacks) {
    if (outcome.out.find(text) != std::string::npos) problems.push_back("stdout has: " + text);
  }
  if (step.stdout_json && !nlohmann::json::accept(outcome.out)) {
    problems.push_back("stdout is not one JSON document");
  }
  if (step.stderr_empty && !outcome.err.empty()) problems.push_back("stderr is not empty");
  if (step.has_expected_stdout && outcome.out != step.expected_stdout) {
    problems.push_back("stdout differs; expected:\n" + step.expected_stdout);
  }
  return problems;
}

bool RunStep(const std::string& path, const Step& step, const std::string& folder) {
  Outcome outcome = Run(step.command, folder);
  if (!step.save_as.empty()) ::setenv(step.save_as.c_str(), Trim(outcome.out).c_str(), 1);
  std::vector<std::string> problems = Mismatches(step, outcome);
  if (problems.empty()) return true;
  std::cerr << path << ":" << step.line << ": " << step.command << "\n";
  for (const std::string& problem : problems) std::cerr << "  " << problem << "\n";
  std::cerr << "--- stdout\n" << outcome.out << "--- stderr\n" << outcome.err << "---\n";
  return false;
}

std::string MakeFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "tafkik-scenario-XXXXXX");
  return ::mkdtemp(pattern.data());
}

// The environment every scenario starts from, whatever the developer's shell has.
void PrepareEnvironment(const std::string& binary) {
  std::string bin_dir = std::filesystem::absolute(binary).parent_path();
  const char* path = std::getenv("PATH");
  ::setenv("PATH", (bin_dir + ":" + (path != nullptr ? path : "/usr/bin:/bin")).c_str(), 1);
  ::setenv("TAFKIK_ACTOR", "scenario", 1);
  ::unsetenv("TAFKIK_WORKSPACE");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: scenario_runner TAFKIK_BINARY FILE.scenario\n";
    return 2;
  }
  std::vector<Step> steps;
  if (!ParseScenario(argv[2], steps)) return 1;
  PrepareEnvironment(argv[1]);
  std::string folder = MakeFolder();
  int failures = 0;
  for (const Step& step : steps) failures += RunStep(argv[2], step, folder) ? 0 : 1;
  if (failures > 0) {
    std::cerr << failures << " of " << steps.size() << " steps failed; folder kept: " << folder
              << "\n";
    return 1;
  }
  std::filesystem::remove_all(folder);
  std::cout << steps.size() << " steps passed\n";
  return 0;
}
