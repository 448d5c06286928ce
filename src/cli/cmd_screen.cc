// tafkik screen new|show|list|refer|export|indicators
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/screening.h"
#include "cli/cli.h"
#include "cli/output.h"
#include "core/text.h"
#include "core/time.h"
#include "screening/catalogue.h"
#include "screening/statistics.h"

namespace tafkik::cli {
namespace {

namespace scr = ::tafkik::screening;

struct NewOptions {
  std::string from;                     // JSON file
  std::string person;
  std::string case_reference;
  std::string place;
  std::string at;
  std::string unit;
  std::string language;
  bool interpreter = false;
  std::vector<std::string> ages;        // "16" or "16:stated"
  std::vector<std::string> indicators;  // "ID[@source][=note]"
  std::string consent;                  // "yes", "no" or ""
  std::string recruiter;
  std::string notes;
  std::string lang = "en";
};

struct ShowOptions {
  std::string id;
  std::string lang = "en";
};

struct ListOptions {
  std::string case_reference;
  std::string person;
};

struct ReferOptions {
  std::string screening;
  std::string to;
  std::string organisation;
  std::string referral;
  std::string status;
  std::string note;
};

struct ExportOptions {
  int k = scr::kDefaultK;
  std::string ctdc;
  std::string output;
};

struct IndicatorOptions {
  std::string catalogue;
  std::string lang = "en";
};

Result<scr::Catalogues> LoadCatalogues() { return scr::Catalogues::Load(scr::Catalogues::DefaultDir()); }

Result<scr::Observation> ParseIndicator(const std::string& spec) {
  scr::Observation observation;
  std::string id_part = spec;
  if (size_t equals = spec.find('='); equals != std::string::npos) {
    observation.note = spec.substr(equals + 1);
    id_part = spec.substr(0, equals);
  }
  if (size_t at = id_part.find('@'); at != std::string::npos) {
    auto source = scr::ParseSource(id_part.substr(at + 1));
    if (!source.ok()) return source.status().WithContext("--indicator " + spec);
    observation.source = *source;
    id_part = id_part.substr(0, at);
  }
  observation.id = std::string(Trim(id_part));
  if (observation.id.empty()) return InvalidArgumentError("--indicator '" + spec + "' has no id");
  return observation;
}

Result<scr::AgeEvidence> ParseAge(const std::string& spec) {
  scr::AgeEvidence age;
  std::string years = spec;
  if (size_t colon = spec.find(':'); colon != std::string::npos) {
    auto basis = scr::ParseAgeBasis(spec.substr(colon + 1));
    if (!basis.ok()) return basis.status().WithContext("--age " + spec);
    age.basis = *basis;
    years = spec.substr(0, colon);
  }
  if (years.empty() || years.size() > 3 || years.find_first_not_of("0123456789") != std::string::npos) {
    return InvalidArgumentError("--age '" + spec + "': the age is a whole number of years");
  }
  age.years = std::stoi(years);
  return age;
}

Result<scr::Screening> ReadFromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot open " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto json = ParseJson(text.str());
  if (!json.ok()) return json.status().WithContext(path);
  auto screening = scr::ScreeningFromJson(*json);
  if (!screening.ok()) return screening.status().WithContext(path);
  return screening;
}

Status ApplyOptions(const NewOptions& options, scr::Screening& screening) {
  for (auto [value, field] : {std::pair{&options.person, &screening.person},
                              {&options.case_reference, &screening.case_reference},
                              {&options.place, &screening.place}, {&options.unit, &screening.unit},
                              {&options.language, &screening.language},
                              {&options.notes, &screening.notes}}) {
    if (!value->empty()) *field = *value;
  }
  if (options.interpreter) screening.interpreter = true;
  if (!options.at.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(screening.screened_at, ParseTimestamp(options.at));
  }
  for (const std::string& spec : options.ages) {
    TAFKIK_ASSIGN_OR_RETURN(scr::AgeEvidence age, ParseAge(spec));
    screening.input.ages.push_back(age);
  }
  for (const std::string& spec : options.indicators) {
    TAFKIK_ASSIGN_OR_RETURN(scr::Observation observation, ParseIndicator(spec));
    screening.input.observations.push_back(std::move(observation));
  }
  if (options.consent == "yes") screening.input.consent_to_share = true;
  if (options.consent == "no") screening.input.consent_to_share = false;
  if (!options.recruiter.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(screening.recruiter_relation,
                            scr::ParseRecruiterRelation(options.recruiter));
  }
  return Status::Ok();
}

std::string Names(const Json& array, const std::string& key = "") {
  std::vector<std::string> names;
  for (const Json& item : array) names.push_back(key.empty() ? item.get<std::string>() : item.value(key, ""));
  return Join(names, ", ");
}

std::string FlagsText(const Json& flags) {
  std::vector<std::string> on;
  for (const auto& [name, value] : flags.items()) {
    if (value == true) on.push_back(name);
  }
  return on.empty() ? "none" : Join(on, ", ");
}

void PrintResult(const Json& view, const std::string& lang) {
  const Json& result = view["result"];
  const Json& screening = view["screening"];
  std::cout << "Screening " << view.value("id", "") << "\n";
  Table fields({}, 2);
  fields.AddRow({"Person", view.value("subject", "")});
  if (view.contains("case")) fields.AddRow({"Case", view["case"].get<std::string>()});
  fields.AddRow({"Screened", screening.value("screened_at", "") + " by " +
                                 screening.value("screened_by", "") + " at " +
                                 screening.value("place", "")});
  fields.AddRow({"Outcome", result.value("outcome", "")});
  if (!result["forms"].empty()) fields.AddRow({"Forms", Names(result["forms"])});
  fields.AddRow({"Age", result["age"].value("status", "") +
                            (result["age"].value("treated_as_child", false) ? " (treated as a child)" : "")});
  fields.AddRow({"Flags", FlagsText(result["flags"])});
  fields.Print(std::cout);
  std::cout << "Reasons\n";
  Table reasons({}, 2);
  for (const Json& reason : result["reasons"]) {
    std::string rests = Names(reason["rests_on"]);
    reasons.AddRow({reason.value("text", "") + (rests.empty() ? "" : " [" + rests + "]")});
  }
  reasons.Print(std::cout);
  if (!result["missing"].empty()) {
    std::cout << "Missing\n";
    for (const Json& missing : result["missing"]) {
      std::cout << "  " << missing["text"].value(lang, missing["text"].value("en", "")) << "\n";
    }
  }
  if (!result["problems"].empty()) {
    std::cout << "Problems\n";
    for (const Json& problem : result["problems"]) std::cout << "  " << problem.value("message", "") << "\n";
  }
  if (!result["next_questions"].empty()) {
    std::cout << "Next questions\n";
    for (const Json& question : result["next_questions"]) {
      std::cout << "  " << question.value(lang, question.value("en", "")) << "\n";
    }
  }
  if (view.contains("referrals") && !view["referrals"].empty()) {
    std::cout << "Referrals\n";
    Table table({"ID", "ACTOR", "ORGANISATION", "STATUS", "CONSENT"}, 2);
    for (const Json& referral : view["referrals"]) {
      table.AddRow({referral.value("id", ""), referral.value("actor", ""),
                    referral.value("organisation", ""), referral.value("status", ""),
                    referral.value("consent", "")});
    }
    table.Print(std::cout);
  }
  std::cout << "Summary (" << lang << ")\n  " << view["summary"].value(lang, "") << "\n";
}

void PrintView(const Context& context, const app::ScreeningView& view, const std::string& lang) {
  if (context.global.json) {
    PrintJson(app::ToJson(view));
  } else {
    PrintResult(app::ToJson(view), lang);
  }
}

Status RunNew(const Context& context, const NewOptions& options) {
  scr::Screening screening;
  if (!options.from.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(screening, ReadFromFile(options.from));
  }
  TAFKIK_RETURN_IF_ERROR(ApplyOptions(options, screening));
  TAFKIK_ASSIGN_OR_RETURN(scr::Catalogues catalogues, LoadCatalogues());
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::ScreeningView view,
                          app::CreateScreening(*opened, context.actor(), catalogues, screening));
  PrintView(context, view, options.lang);
  return Status::Ok();
}

Status RunShow(const Context& context, const ShowOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  TAFKIK_ASSIGN_OR_RETURN(app::ScreeningView view,
                          app::ShowScreening(*opened, context.actor(), options.id));
  PrintView(context, view, options.lang);
  return Status::Ok();
}

Status RunList(const Context& context, const ListOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  app::ListScreeningsRequest request{options.case_reference, options.person};
  TAFKIK_ASSIGN_OR_RETURN(std::vector<app::ScreeningView> views,
                          app::ListScreenings(*opened, context.actor(), request));
  if (context.global.json) {
    Json array = Json::array();
    for (const app::ScreeningView& view : views) array.push_back(app::ToJson(view));
    PrintJson(array);
    return Status::Ok();
  }
  if (views.empty()) {
    std::cerr << "no screenings yet; record one with 'tafkik screen new'\n";
    return Status::Ok();
  }
  Table table({"ID", "SCREENED", "PERSON", "CASE", "OUTCOME", "FORMS", "AGE"});
  for (const app::ScreeningView& view : views) {
    table.AddRow({view.record.id, FormatTimestamp(view.screening.screened_at), view.screening.person,
                  view.record.case_reference, view.result.value("outcome", ""),
                  Names(view.result["forms"]), view.result["age"].value("status", "")});
  }
  table.Print(std::cout);
  return Status::Ok();
}

void PrintReferral(const Context& context, const scr::Referral& referral) {
  if (context.global.json) {
    Json json = scr::ToJson(referral);
    json["id"] = referral.id;
    PrintJson(json);
    return;
  }
  std::cout << referral.id << " " << scr::ProtectionActorName(referral.actor) << " "
            << scr::ReferralStatusName(referral.status()) << "\n";
}

Status RunRefer(const Context& context, const ReferOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
  if (!options.referral.empty()) {
    if (options.status.empty()) return InvalidArgumentError("--referral needs --status");
    TAFKIK_ASSIGN_OR_RETURN(scr::Referral referral,
                            app::UpdateReferral(*opened, context.actor(), options.referral,
                                                options.status, options.note));
    PrintReferral(context, referral);
    return Status::Ok();
  }
  if (options.screening.empty() || options.to.empty()) {
    return InvalidArgumentError(
        "give SCREENING_ID --to ACTOR --organisation NAME, or --referral ID --status STATUS");
  }
  app::ReferRequest request{options.screening, options.to, options.organisation, options.note};
  TAFKIK_ASSIGN_OR_RETURN(scr::Referral referral, app::Refer(*opened, context.actor(), request));
  PrintReferral(context, referral);
  return Status::Ok();
}

Status RunExport(const Context& context, const ExportOptions& options) {
  scr::StatisticsExport exported;
  if (!options.ctdc.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<scr::VictimRow> rows, scr::ReadCtdcCsv(options.ctdc));
    TAFKIK_ASSIGN_OR_RETURN(exported, scr::KAnonymise(rows, options.k));
  } else {
    TAFKIK_ASSIGN_OR_RETURN(auto opened, context.OpenStore());
    TAFKIK_ASSIGN_OR_RETURN(exported,
                            app::ExportScreeningStatistics(*opened, context.actor(), options.k));
  }
  Json summary = scr::SummaryJson(exported);
  if (!options.output.empty()) {
    std::ofstream out(options.output);
    out << scr::ToCsv(exported);
    if (!out) return UnavailableError("cannot write " + options.output);
  }
  if (context.global.json) {
    PrintJson(summary);
  } else if (options.output.empty()) {
    std::cout << scr::ToCsv(exported);
  }
  std::cerr << "k=" << exported.k << ": " << Thousands(static_cast<int64_t>(exported.rows.size()))
            << " of " << Thousands(exported.input_rows) << " rows released, "
            << Thousands(exported.suppressed_cells) << " cells suppressed, "
            << Thousands(exported.dropped_rows) << " rows dropped; smallest group "
            << summary["smallest_group"] << "\n";
  return Status::Ok();
}

Status RunIndicators(const Context& context, const IndicatorOptions& options) {
  TAFKIK_ASSIGN_OR_RETURN(scr::Catalogues catalogues, LoadCatalogues());
  Json array = Json::array();
  Table table({"ID", "CATEGORY", "STRENGTH", "TEXT"});
  for (const scr::Indicator& indicator : catalogues.indicators()) {
    if (!options.catalogue.empty() && indicator.catalogue != options.catalogue) continue;
    const auto& strength = indicator.strength[0];
    std::string rating = strength ? std::string(scr::StrengthName(*strength)) : "";
    table.AddRow({indicator.id, indicator.category, rating, indicator.text.In(options.lang)});
    array.push_back({{"id", indicator.id}, {"catalogue", indicator.catalogue},
                     {"category", indicator.category}, {"strength", rating},
                     {"elements", indicator.elements},
                     {"text", {{"en", indicator.text.en}, {"fr", indicator.text.fr}, {"ar", indicator.text.ar}}}});
  }
  for (const scr::Element& element : catalogues.elements()) {
    if (!options.catalogue.empty() && options.catalogue != "elements") continue;
    table.AddRow({element.id, std::string(scr::ElementGroupName(element.group)), "",
                  element.text.In(options.lang)});
    array.push_back({{"id", element.id}, {"catalogue", "elements"},
                     {"category", scr::ElementGroupName(element.group)}, {"article", element.article},
                     {"text", {{"en", element.text.en}, {"fr", element.text.fr}, {"ar", element.text.ar}}}});
  }
  if (context.global.json) {
    PrintJson(array);
  } else {
    table.Print(std::cout);
  }
  return Status::Ok();
}

void AddNew(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "new", "Record a screening of a person and apply the rules (ILO indicators, TiP and SoM "
             "Protocol elements); prints the outcome with its reasons");
  auto options = std::make_shared<NewOptions>();
  command->add_option("--from", options->from,
                      "A JSON file with the screening (fields as in --json output's "
                      "\"screening\"); the options below add to it");
  command->add_option("--person", options->person, "The Person entity id (pseudonymised)");
  command->add_option("--case", options->case_reference, "Case reference (optional)");
  command->add_option("--place", options->place, "Where: \"Tanger Med port, terminal 2\"");
  command->add_option("--at", options->at, "When, ISO 8601 UTC (default now)");
  command->add_option("--unit", options->unit, "The screener's unit or organisation");
  command->add_option("--language", options->language, "Language of the interview: ar, fr, ...");
  command->add_flag("--interpreter", options->interpreter, "An interpreter was used");
  command->add_option("--age", options->ages,
                      "Age in years, with how it is known: 16, 16:stated, 19:document, "
                      "17:estimated; repeatable (a contradiction is reported)");
  command->add_option("--indicator", options->indicators,
                      "Indicator or element id, with its source and a note: "
                      "ilo.cd.documents@stated=\"the boss keeps her passport\"; sources "
                      "observed (default), stated, document; repeatable. "
                      "'tafkik screen indicators' lists the ids");
  command->add_option("--consent", options->consent, "Consent to share with protection services")
      ->check(CLI::IsMember({"yes", "no"}));
  command->add_option("--recruiter", options->recruiter,
                      "Recruiter relation: intimate_partner, family, friend, employer, other");
  command->add_option("--notes", options->notes, "Free text");
  command->add_option("--lang", options->lang, "Language of the summary and questions: en, fr, ar")
      ->check(CLI::IsMember({"en", "fr", "ar"}))
      ->capture_default_str();
  SetAction(command, context, options, &RunNew);
}

void AddShowAndList(CLI::App& group, Context& context) {
  CLI::App* show = group.add_subcommand(
      "show", "Show a screening, its outcome and referrals (the read is recorded in the audit log)");
  auto show_options = std::make_shared<ShowOptions>();
  show->add_option("ID", show_options->id, "Screening id (scr-...)")->required();
  show->add_option("--lang", show_options->lang, "en, fr or ar")
      ->check(CLI::IsMember({"en", "fr", "ar"}));
  SetAction(show, context, show_options, &RunShow);
  CLI::App* list = group.add_subcommand("list", "List screenings (the read is recorded)");
  auto list_options = std::make_shared<ListOptions>();
  list->add_option("--case", list_options->case_reference, "Only this case's");
  list->add_option("--person", list_options->person, "Only this person's");
  SetAction(list, context, list_options, &RunList);
}

void AddRefer(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "refer", "Refer a screened person to a protection actor, or move a referral on "
               "(sent, accepted, assisted, closed)");
  auto options = std::make_shared<ReferOptions>();
  command->add_option("SCREENING_ID", options->screening, "The screening the referral follows");
  command->add_option("--to", options->to,
                      "ngo, shelter, child_protection, health, legal_aid or other");
  command->add_option("--organisation", options->organisation, "Name of the organisation");
  command->add_option("--referral", options->referral, "An existing referral to update (ref-...)");
  command->add_option("--status", options->status, "accepted, assisted or closed");
  command->add_option("--note", options->note, "A note");
  SetAction(command, context, options, &RunRefer);
}

void AddExport(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "export", "Statistics of presumed victims in CTDC/HTCDS fields, k-anonymised (CSV on "
                "stdout, or --output; --json prints the counts)");
  auto options = std::make_shared<ExportOptions>();
  command->add_option("--k", options->k, "Each released row shares its values with k-1 others")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  command->add_option("--ctdc", options->ctdc,
                      "Anonymise a CTDC-derived CSV instead of the workspace's screenings");
  command->add_option("--output", options->output, "Write the CSV to this file");
  SetAction(command, context, options, &RunExport);
}

void AddIndicators(CLI::App& group, Context& context) {
  CLI::App* command = group.add_subcommand(
      "indicators", "List the indicator ids and legal elements a screening can record");
  auto options = std::make_shared<IndicatorOptions>();
  command->add_option("--catalogue", options->catalogue, "ilo, unodc or elements")
      ->check(CLI::IsMember({"ilo", "unodc", "elements"}));
  command->add_option("--lang", options->lang, "en, fr or ar")
      ->check(CLI::IsMember({"en", "fr", "ar"}));
  SetAction(command, context, options, &RunIndicators);
}

}  // namespace

void AddScreenCommands(CLI::App& app, Context& context) {
  CLI::App* group = app.add_subcommand(
      "screen", "Victim identification: screen a person with the ILO/EC and UNODC indicators, "
                "refer to protection, export statistics");
  group->require_subcommand(1);
  AddNew(*group, context);
  AddShowAndList(*group, context);
  AddRefer(*group, context);
  AddExport(*group, context);
  AddIndicators(*group, context);
}

}  // namespace tafkik::cli
