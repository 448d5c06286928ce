// tafkik resolve run|review|explain|confirm|reject|unsure|undo
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/resolve.h"
#include "cli/cli.h"
#include "cli/output.h"

namespace tafkik::cli {
namespace {

struct PairOptions {
  std::string first;
  std::string second;
  std::string note;
  std::string decision;  // set by the subcommand: confirmed, rejected, unsure
};

std::string Fixed(double value, const char* format) {
  char text[32];
  std::snprintf(text, sizeof(text), format, value);
  return text;
}

void PrintRun(const app::ResolveRunReport& report, double link_threshold) {
  std::cout << "Resolved " << Thousands(report.records)
            << " person records: " << Thousands(report.compared_pairs) << " pairs compared, "
            << Thousands(report.candidates) << " to review (" << Thousands(report.likely)
            << " at or above " << Fixed(link_threshold, "%.2f") << "), "
            << Thousands(report.clusters) << " groups";
  if (report.refused_merges > 0) {
    std::cout << ", " << Thousands(report.refused_merges) << " merges refused as weak chains";
  }
  std::cout << "\n";
  Table table({"PASS", "RAN", "SECONDS", "ITEMS"}, 2);
  for (const resolve::PassReport& pass : report.passes) {
    table.AddRow({pass.name, pass.ran ? "yes" : "off", pass.ran ? Fixed(pass.seconds, "%.3f") : "",
                  pass.ran ? Thousands(pass.items) : ""});
  }
  table.AlignRight(2);
  table.AlignRight(3);
  table.Print(std::cout);
  std::cout << "Model: " << (report.model.estimated ? "estimated (EM)" : "documented defaults")
            << ", run " << report.run_id << "\n";
}

Status RunRun(const Context& context, const app::ResolveRunRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::ResolveRunReport report,
                          app::RunResolution(*opened, context.actor(), request));
  if (context.global.json) {
    PrintJson(report.ToJson());
  } else {
    PrintRun(report, request.link_threshold);
    if (report.candidates > 0) std::cerr << "review the pairs with 'tafkik resolve review'\n";
  }
  return Status::Ok();
}

Status RunReview(const Context& context, const app::ReviewRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(std::vector<app::PairView> pairs,
                          app::ReviewCandidates(*opened, context.actor(), request));
  if (context.global.json) {
    Json array = Json::array();
    for (const app::PairView& pair : pairs) array.push_back(pair.ToJson());
    PrintJson(array);
    return Status::Ok();
  }
  if (pairs.empty()) {
    std::cerr << "no " << (request.status == "all" ? "" : request.status + " ")
              << "pairs; run 'tafkik resolve run' first\n";
    return Status::Ok();
  }
  Table table({"SCORE", "STATUS", "LEFT", "RIGHT", "LEFT ID", "RIGHT ID", "EVIDENCE"});
  for (const app::PairView& pair : pairs) {
    table.AddRow({Fixed(pair.probability, "%.4f"), pair.status, pair.left_caption,
                  pair.right_caption, pair.left, pair.right, pair.summary});
  }
  table.Print(std::cout);
  return Status::Ok();
}

void PrintFields(const Json& explanation) {
  Table table({"FIELD", "LEVEL", "WEIGHT", "LEFT", "RIGHT"}, 2);
  for (const Json& field : explanation.value("fields", Json::array())) {
    table.AddRow({field.value("field", ""), field.value("level", ""), field.value("weight", ""),
                  field.value("left", ""), field.value("right", "")});
  }
  table.AlignRight(2);
  table.Print(std::cout);
  std::string tokens;
  for (const Json& token : explanation.value("name_tokens", Json::array())) {
    if (!tokens.empty()) tokens += ", ";
    tokens += token.value("left", "") + " = " + token.value("right", "") + " (" +
              token.value("similarity", "") + ", weight " + token.value("weight", "") + ")";
  }
  if (!tokens.empty()) std::cout << "  Name tokens: " << tokens << "\n";
}

void PrintHistory(const Json& history) {
  if (!history.is_array() || history.empty()) return;
  std::cout << "Decisions\n";
  Table table({"TIME", "ACTOR", "DECISION", "STATUS AFTER", "NOTE"}, 2);
  for (const Json& decision : history) {
    table.AddRow({decision.value("time", ""), decision.value("actor", ""),
                  decision.value("decision", ""), decision.value("status_after", ""),
                  decision.value("note", "")});
  }
  table.Print(std::cout);
}

void PrintPair(const app::PairView& pair) {
  std::cout << pair.left_caption << " (" << pair.left << ")  ~  " << pair.right_caption << " ("
            << pair.right << ")\n";
  std::cout << "  Probability " << Fixed(pair.probability, "%.4f") << ", match weight "
            << pair.explanation.value("match_weight", "") << ", status " << pair.status << "\n";
  PrintFields(pair.explanation);
  PrintHistory(pair.history);
}

Status PrintPairResult(const Context& context, const app::PairView& pair) {
  if (context.global.json) {
    PrintJson(pair.ToJson());
  } else {
    PrintPair(pair);
  }
  return Status::Ok();
}

Status RunExplain(const Context& context, const PairOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::PairView pair, app::ExplainPair(*opened, context.actor(),
                                                               options.first, options.second));
  return PrintPairResult(context, pair);
}

Status RunDecide(const Context& context, const PairOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::PairView pair,
                          app::DecidePair(*opened, context.actor(), options.first, options.second,
                                          options.decision, options.note));
  return PrintPairResult(context, pair);
}

Status RunUndo(const Context& context, const PairOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::PairView pair, app::UndoDecision(*opened, context.actor(),
                                                                options.first, options.second));
  return PrintPairResult(context, pair);
}

void AddRun(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "run", "Find who is who among the Person entities: pairs to review and groups");
  auto request = std::make_shared<app::ResolveRunRequest>();
  command->add_option("--case", request->case_reference, "Only the members of this case");
  command
      ->add_option("--review-threshold", request->review_threshold,
                   "Keep pairs for review from this match probability up")
      ->capture_default_str();
  command
      ->add_option("--link-threshold", request->link_threshold,
                   "Operating threshold: pairs from here up form groups")
      ->capture_default_str();
  command->add_option("--skip", request->skip,
                      "Switch a pass off: frequencies, block, estimate or cluster; repeatable");
  SetAction(command, context, request, &RunRun);
}

void AddReview(CLI::App& group, Context& context) {
  CLI::App* command =
      group.add_subcommand("review", "List candidate pairs, most probable first, with evidence");
  auto request = std::make_shared<app::ReviewRequest>();
  command->add_option("--status", request->status, "pending, confirmed, rejected, unsure or all")
      ->capture_default_str();
  command->add_option("--limit", request->limit, "At most this many pairs")->capture_default_str();
  SetAction(command, context, request, &RunReview);
}

std::shared_ptr<PairOptions> AddPairArguments(CLI::App* command) {
  auto options = std::make_shared<PairOptions>();
  command->add_option("A", options->first, "Entity id")->required();
  command->add_option("B", options->second, "Entity id")->required();
  return options;
}

void AddDecision(CLI::App& group, Context& context, const std::string& name,
                 const std::string& decision, const std::string& help) {
  CLI::App* command = group.add_subcommand(name, help);
  auto options = AddPairArguments(command);
  options->decision = decision;
  command->add_option("--note", options->note, "Why (kept with the decision)");
  SetAction(command, context, options, &RunDecide);
}

}  // namespace

void AddResolveCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "resolve", "Who is who: join records of the same person across sources and scripts");
  group->require_subcommand(1);
  AddRun(*group, context);
  AddReview(*group, context);
  CLI::App* explain =
      group->add_subcommand("explain", "Why two entities are (or are not) the same person");
  SetAction(explain, context, AddPairArguments(explain), &RunExplain);
  AddDecision(*group, context, "confirm", "confirmed",
              "Confirm that A and B are the same person (writes a SameAs relation)");
  AddDecision(*group, context, "reject", "rejected", "Record that A and B are different people");
  AddDecision(*group, context, "unsure", "unsure", "Mark the pair as unsure, to revisit");
  CLI::App* undo = group->add_subcommand("undo", "Undo the latest decision on A and B");
  SetAction(undo, context, AddPairArguments(undo), &RunUndo);
}

}  // namespace tafkik::cli
