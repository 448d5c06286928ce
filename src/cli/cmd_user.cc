// tafkik user add|list|disable|enable|member|grant
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/access.h"
#include "cli/cli.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

struct AddOptions {
  app::NewUser user;
  bool password_stdin = false;
};

struct NameOptions {
  std::string name;
};

struct CaseOptions {
  std::string name;
  std::string reference;
  std::string purpose;
};

// Reads the password from stdin (first line); prompts without echo on a terminal. Never
// from the command line, where other users of the machine could read it.
Result<std::string> ReadPassword(bool from_stdin) {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  if (!from_stdin && !terminal) {
    return InvalidArgumentError("no terminal to ask the password on: use --password-stdin");
  }
  termios saved{};
  if (terminal) {
    std::cerr << "Password (at least 12 characters): " << std::flush;
    ::tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  return password;
}

Status RunAdd(const Context& context, const AddOptions& options) {
  app::NewUser user = options.user;
  TAFKIK_ASSIGN_OR_RETURN(user.password, ReadPassword(options.password_stdin));
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(std::string secret, app::CreateUser(*opened, context.actor(), user));
  if (context.global.json) {
    Json out = {{"name", user.name}};
    if (!secret.empty()) out["totp_secret"] = secret;
    PrintJson(out);
    return Status::Ok();
  }
  std::cout << user.name << "\n";
  if (!secret.empty()) {
    std::cout << "TOTP secret (enter it in the user's authenticator app; shown once): " << secret
              << "\n";
  }
  return Status::Ok();
}

Status RunList(const Context& context, const NameOptions&) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(auto users, app::ListUsers(*opened));
  if (context.global.json) {
    Json out = Json::array();
    for (const app::UserView& user : users) {
      out.push_back({{"name", user.name}, {"role", user.role}, {"agency", user.agency},
                     {"agency_kind", user.agency_kind}, {"second_factor", user.second_factor},
                     {"disabled", user.disabled}});
    }
    PrintJson(out);
    return Status::Ok();
  }
  Table table({"NAME", "ROLE", "AGENCY", "KIND", "2FA", "STATUS"}, 0);
  for (const app::UserView& user : users) {
    table.AddRow({user.name, user.role, user.agency, user.agency_kind,
                  user.second_factor ? "totp" : "-", user.disabled ? "disabled" : "active"});
  }
  table.Print(std::cout);
  return Status::Ok();
}

Status RunDisable(const Context& context, const NameOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  return app::SetUserDisabled(*opened, context.actor(), options.name, true);
}

Status RunEnable(const Context& context, const NameOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  return app::SetUserDisabled(*opened, context.actor(), options.name, false);
}

Status RunMember(const Context& context, const CaseOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  return app::AddCaseMembership(*opened, context.actor(), options.name, options.reference);
}

Status RunGrant(const Context& context, const CaseOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  return app::GrantVictimIdentities(*opened, context.actor(), options.name, options.reference,
                                    options.purpose);
}

void AddAdd(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand("add", "Create a user of the server");
  auto options = std::make_shared<AddOptions>();
  command->add_option("NAME", options->user.name, "Login: [a-z0-9._-]{1,64}")->required();
  command->add_option("--role", options->user.role,
                      "first_responder, investigator, analyst, prosecutor, ngo_caseworker, "
                      "trainer or administrator")
      ->required();
  command->add_option("--agency", options->user.agency, "Agency id, e.g. bnpj-tanger")
      ->required();
  options->user.agency_kind = "police";
  command->add_option("--agency-kind", options->user.agency_kind,
                      "police, prosecution, fiu, ngo or other (default police)");
  command->add_flag("--totp", options->user.second_factor,
                    "Require a TOTP second factor; prints the secret once");
  command->add_flag("--password-stdin", options->password_stdin,
                    "Read the password from the first line of stdin");
  SetAction(command, context, options, &RunAdd);
}

void AddCaseCommand(CLI::App& group, Context& context, const char* name, const char* help,
                    Status (*action)(const Context&, const CaseOptions&), bool purpose) {
  CLI::App* command = group.add_subcommand(name, help);
  auto options = std::make_shared<CaseOptions>();
  command->add_option("NAME", options->name, "User")->required();
  command->add_option("REFERENCE", options->reference, "Case reference")->required();
  if (purpose) {
    command->add_option("--purpose", options->purpose, "Why (recorded in the audit log)")
        ->required();
  }
  SetAction(command, context, options, action);
}

}  // namespace

void AddUserCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand("user", "Users of the server, their cases and grants");
  group->require_subcommand(1);
  AddAdd(*group, context);
  CLI::App* list = group->add_subcommand("list", "List users");
  SetAction(list, context, std::make_shared<NameOptions>(), &RunList);
  for (auto [name, help, action] :
       {std::tuple{"disable", "Disable a user (sessions end at their next request)", &RunDisable},
        std::tuple{"enable", "Enable a disabled user", &RunEnable}}) {
    CLI::App* command = group->add_subcommand(name, help);
    auto options = std::make_shared<NameOptions>();
    command->add_option("NAME", options->name, "User")->required();
    SetAction(command, context, options, action);
  }
  AddCaseCommand(*group, context, "member", "Make the user a member of a case (need-to-know)",
                 &RunMember, false);
  AddCaseCommand(*group, context, "grant",
                 "Grant the user the victims' identities of a case, for a stated purpose",
                 &RunGrant, true);
}

}  // namespace tafkik::cli
