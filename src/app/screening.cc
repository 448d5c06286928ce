#include "app/screening.h"

#include <algorithm>
#include <random>
#include <set>

#include "core/ids.h"
#include "core/text.h"
#include "screening/rules.h"

namespace tafkik::app {
namespace {

namespace scr = ::tafkik::screening;

constexpr int64_t kPage = 1000;

// "scr-" or "ref-" and 16 hex digits: unguessable enough that ids do not reveal counts.
std::string NewRecordId(const std::string& prefix, const std::string& seed) {
  static std::random_device device;
  EntityId id = MakeEntityId(prefix, {seed, FormatTimestamp(Timestamp::Now()),
                                      std::to_string(device()) + std::to_string(device())});
  return prefix + "-" + id.value().substr(0, 16);
}

Status CheckPerson(store::Store& store, const std::string& person) {
  auto entity = store.GetEntity(EntityId(person));
  if (!entity.ok() && entity.status().code() == StatusCode::kNotFound) {
    return NotFoundError("no entity " + person +
                         ": a screening is about a Person entity (tafkik entity add --schema "
                         "Person ...)");
  }
  TAFKIK_RETURN_IF_ERROR(entity.status());
  if (entity->schema != "Person") {
    return InvalidArgumentError("entity " + person + " is a " + entity->schema +
                                ", not a Person: only a person can be screened");
  }
  return Status::Ok();
}

Status RefuseUnknownIds(const scr::ScreeningResult& result) {
  std::vector<std::string> messages;
  for (const scr::Problem& problem : result.problems) {
    if (problem.code == "unknown_id") messages.push_back(problem.message);
  }
  if (messages.empty()) return Status::Ok();
  return InvalidArgumentError("screening not recorded: " + Join(messages, "; ") +
                              " (tafkik screen indicators lists the ids)");
}

Json CatalogueVersions(const scr::Catalogues& catalogues) {
  Json versions = Json::object();
  for (const scr::CatalogueInfo& info : catalogues.infos()) versions[info.name] = info.version;
  return versions;
}

bool IndicatesVictim(const Json& result) {
  std::string outcome = result.value("outcome", "");
  return outcome == "presumed_victim" || outcome == "both";
}

bool TreatedAsChild(const Json& result) {
  return result.contains("age") && result["age"].value("treated_as_child", false);
}

scr::Referral NewReferral(const scr::Screening& screening, const std::string& screening_id,
                          scr::ProtectionActor actor, const std::string& organisation,
                          scr::ConsentBasis consent, const std::string& by,
                          const std::string& note) {
  scr::Referral referral;
  referral.id = NewRecordId("ref", screening_id + std::string(scr::ProtectionActorName(actor)));
  referral.screening = screening_id;
  referral.person = screening.person;
  referral.case_reference = screening.case_reference;
  referral.actor = actor;
  referral.organisation = organisation;
  referral.consent = consent;
  referral.history.push_back({scr::ReferralStatus::kSent, Timestamp::Now(), by, note});
  return referral;
}

model::Record ReferralRecord(const scr::Referral& referral) {
  return model::Record{kReferralKind, referral.id, referral.case_reference, referral.person,
                       scr::ToJson(referral)};
}

Result<ScreeningView> ViewOf(model::Record record) {
  ScreeningView view;
  if (!record.body.contains("screening") || !record.body.contains("result")) {
    return DataLossError("screening record " + record.id + " has no screening or result");
  }
  auto screening = scr::ScreeningFromJson(record.body["screening"]);
  if (!screening.ok()) {
    return DataLossError("screening record " + record.id + ": " + screening.status().message());
  }
  view.screening = std::move(screening).value();
  view.screening.id = record.id;
  view.result = record.body["result"];
  view.record = std::move(record);
  return view;
}

Result<std::vector<model::Record>> AllRecords(store::Store& store, store::RecordQuery query) {
  std::vector<model::Record> all;
  query.limit = kPage;
  for (query.offset = 0;; query.offset += kPage) {
    TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> page, store.ListRecords(query));
    all.insert(all.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    if (static_cast<int64_t>(page.size()) < kPage) return all;
  }
}

Result<std::vector<model::Record>> ReferralsOf(store::Store& store, const std::string& person,
                                                const std::string& screening_id) {
  store::RecordQuery query{kReferralKind};
  query.subject = person;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records, AllRecords(store, query));
  std::erase_if(records, [&](const model::Record& record) {
    return record.body.value("screening", "") != screening_id;
  });
  return records;
}

Status RecordRead(store::Store& store, const store::Actor& actor, const std::string& object,
                  const std::string& via, const std::set<std::string>& persons,
                  const std::vector<std::string>& records) {
  store::AuditRecord read{"entity.read", object};
  read.details = Json{{"via", via},
                      {"victims", Json(std::vector<std::string>(persons.begin(), persons.end()))},
                      {"records", records}};
  return store.RecordEvent(actor, read);
}

Result<scr::Referral> ReadReferral(store::Store& store, const std::string& id) {
  TAFKIK_ASSIGN_OR_RETURN(model::Record record, store.GetRecord(kReferralKind, id));
  auto referral = scr::ReferralFromJson(record.body);
  if (!referral.ok()) return DataLossError("referral record " + id + ": " + referral.status().message());
  referral->id = id;
  return referral;
}

bool HasChildProtectionReferral(const std::vector<model::Record>& referrals) {
  return std::any_of(referrals.begin(), referrals.end(), [](const model::Record& record) {
    return record.body.value("actor", "") == "child_protection";
  });
}

}  // namespace

Result<ScreeningView> CreateScreening(store::Store& store, const store::Actor& actor,
                                      const scr::Catalogues& catalogues, scr::Screening screening) {
  if (screening.screened_by.empty()) screening.screened_by = actor.name;
  if (screening.screened_at == Timestamp()) screening.screened_at = Timestamp::Now();
  TAFKIK_RETURN_IF_ERROR(scr::ValidateScreening(screening));
  TAFKIK_RETURN_IF_ERROR(CheckPerson(store, screening.person));
  if (!screening.case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(store.GetCase(screening.case_reference).status());
  }
  scr::ScreeningResult result = scr::Evaluate(catalogues, screening.input);
  TAFKIK_RETURN_IF_ERROR(RefuseUnknownIds(result));
  screening.id = NewRecordId("scr", screening.person);
  Json result_json = scr::ToJson(result, catalogues);
  model::Record record{kScreeningKind, screening.id, screening.case_reference, screening.person,
                       Json{{"screening", scr::ToJson(screening)},
                            {"result", result_json},
                            {"outcome", result_json["outcome"]},
                            {"summary", result_json["summary"]},
                            {"catalogues", CatalogueVersions(catalogues)}}};

  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(record));
  Json details{{"subject", screening.person},
               {"observations", screening.input.observations.size()}};
  if (!screening.case_reference.empty()) details["case"] = screening.case_reference;
  if (IndicatesVictim(result_json) && !screening.case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(write->AddCaseMember(
        screening.case_reference, {EntityId(screening.person), model::Role::kVictim}));
    details["role"] = "victim";
  }
  if (result.flags.child_protection_referral) {
    scr::Referral referral =
        NewReferral(screening, screening.id, scr::ProtectionActor::kChildProtection, "",
                    scr::ConsentBasis::kChildBestInterests, actor.name,
                    "automatic: a child is always referred to child protection");
    TAFKIK_RETURN_IF_ERROR(write->InsertRecord(ReferralRecord(referral)));
    details["referral"] = referral.id;
  }
  store::AuditRecord audit{"screening.create", "screening:" + screening.id};
  audit.details = details;
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));

  TAFKIK_ASSIGN_OR_RETURN(model::Record stored, store.GetRecord(kScreeningKind, screening.id));
  TAFKIK_ASSIGN_OR_RETURN(ScreeningView view, ViewOf(std::move(stored)));
  TAFKIK_ASSIGN_OR_RETURN(view.referrals, ReferralsOf(store, screening.person, screening.id));
  return view;
}

Result<ScreeningView> ShowScreening(store::Store& store, const store::Actor& actor,
                                    const std::string& id) {
  auto record = store.GetRecord(kScreeningKind, id);
  if (!record.ok() && record.status().code() == StatusCode::kNotFound) {
    return NotFoundError("no screening " + id + " (tafkik screen list shows them)");
  }
  TAFKIK_RETURN_IF_ERROR(record.status());
  TAFKIK_ASSIGN_OR_RETURN(ScreeningView view, ViewOf(std::move(record).value()));
  TAFKIK_ASSIGN_OR_RETURN(view.referrals, ReferralsOf(store, view.screening.person, id));
  TAFKIK_RETURN_IF_ERROR(
      RecordRead(store, actor, "screening:" + id, "screen.show", {view.screening.person}, {id}));
  return view;
}

Result<std::vector<ScreeningView>> ListScreenings(store::Store& store, const store::Actor& actor,
                                                  const ListScreeningsRequest& request) {
  store::RecordQuery query{kScreeningKind};
  if (!request.case_reference.empty()) {
    TAFKIK_RETURN_IF_ERROR(store.GetCase(request.case_reference).status());
    query.case_reference = request.case_reference;
  }
  if (!request.person.empty()) query.subject = request.person;
  query.limit = request.limit;
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records, store.ListRecords(query));
  std::vector<ScreeningView> views;
  std::set<std::string> persons;
  std::vector<std::string> ids;
  for (model::Record& record : records) {
    TAFKIK_ASSIGN_OR_RETURN(ScreeningView view, ViewOf(std::move(record)));
    persons.insert(view.screening.person);
    ids.push_back(view.record.id);
    views.push_back(std::move(view));
  }
  if (!views.empty()) {
    TAFKIK_RETURN_IF_ERROR(RecordRead(store, actor, "screenings", "screen.list", persons, ids));
  }
  return views;
}

Result<scr::Referral> Refer(store::Store& store, const store::Actor& actor,
                            const ReferRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(scr::ProtectionActor protection, scr::ParseProtectionActor(request.actor));
  if (Trim(request.organisation).empty()) {
    return InvalidArgumentError("name the organisation the person is referred to (--organisation)");
  }
  auto record = store.GetRecord(kScreeningKind, request.screening);
  if (!record.ok() && record.status().code() == StatusCode::kNotFound) {
    return NotFoundError("no screening " + request.screening);
  }
  TAFKIK_RETURN_IF_ERROR(record.status());
  TAFKIK_ASSIGN_OR_RETURN(ScreeningView view, ViewOf(std::move(record).value()));
  bool child = TreatedAsChild(view.result);
  TAFKIK_ASSIGN_OR_RETURN(scr::ConsentBasis consent,
                          scr::ConsentFor(protection, child, view.screening.input.consent_to_share));
  scr::Referral referral = NewReferral(view.screening, view.record.id, protection,
                                       request.organisation, consent, actor.name, request.note);
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> existing,
                          ReferralsOf(store, view.screening.person, view.record.id));
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->InsertRecord(ReferralRecord(referral)));
  store::AuditRecord audit{"referral.create", "referral:" + referral.id};
  audit.details = Json{{"screening", view.record.id},
                       {"subject", view.screening.person},
                       {"actor", scr::ProtectionActorName(protection)}};
  if (child && protection != scr::ProtectionActor::kChildProtection &&
      !HasChildProtectionReferral(existing)) {
    scr::Referral protective = NewReferral(
        view.screening, view.record.id, scr::ProtectionActor::kChildProtection, "",
        scr::ConsentBasis::kChildBestInterests, actor.name,
        "automatic: a child is always referred to child protection");
    TAFKIK_RETURN_IF_ERROR(write->InsertRecord(ReferralRecord(protective)));
    audit.details["child_protection_referral"] = protective.id;
  }
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
  return referral;
}

Result<scr::Referral> UpdateReferral(store::Store& store, const store::Actor& actor,
                                     const std::string& referral_id, const std::string& status,
                                     const std::string& note) {
  TAFKIK_ASSIGN_OR_RETURN(scr::ReferralStatus next, scr::ParseReferralStatus(status));
  auto found = ReadReferral(store, referral_id);
  if (!found.ok() && found.status().code() == StatusCode::kNotFound) {
    return NotFoundError("no referral " + referral_id);
  }
  TAFKIK_ASSIGN_OR_RETURN(scr::Referral referral, std::move(found));
  TAFKIK_RETURN_IF_ERROR(scr::CheckTransition(referral.status(), next));
  referral.history.push_back({next, Timestamp::Now(), actor.name, note});
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->UpsertRecord(ReferralRecord(referral)));
  store::AuditRecord audit{"referral.update", "referral:" + referral.id};
  audit.details = Json{{"status", scr::ReferralStatusName(next)}, {"subject", referral.person}};
  TAFKIK_RETURN_IF_ERROR(write->Commit(audit));
  return referral;
}

Result<scr::StatisticsExport> ExportScreeningStatistics(store::Store& store,
                                                        const store::Actor& actor, int k) {
  if (k < 1) return InvalidArgumentError("k must be at least 1, not " + std::to_string(k));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Record> records,
                          AllRecords(store, store::RecordQuery{kScreeningKind}));
  std::vector<scr::VictimRow> rows;
  std::set<std::string> persons;
  for (model::Record& record : records) {
    if (!IndicatesVictim(record.body.value("result", Json::object()))) continue;
    TAFKIK_ASSIGN_OR_RETURN(ScreeningView view, ViewOf(std::move(record)));
    TAFKIK_ASSIGN_OR_RETURN(model::Entity person, store.GetEntity(EntityId(view.screening.person)));
    std::string citizenship = person.First("nationality");
    if (citizenship.empty()) citizenship = person.First("citizenship");
    std::vector<std::string> forms = view.result.value("forms", std::vector<std::string>());
    rows.push_back(scr::RowFromScreening(view.screening, forms, person.First("gender"), citizenship));
    persons.insert(view.screening.person);
  }
  TAFKIK_ASSIGN_OR_RETURN(scr::StatisticsExport exported, scr::KAnonymise(rows, k));
  store::AuditRecord audit{"screening.export", "statistics"};
  audit.details = Json{{"k", k},
                       {"rows", exported.input_rows},
                       {"released", static_cast<int64_t>(exported.rows.size())},
                       {"victims", Json(std::vector<std::string>(persons.begin(), persons.end()))}};
  TAFKIK_RETURN_IF_ERROR(store.RecordEvent(actor, audit));
  return exported;
}

Json ToJson(const ScreeningView& view) {
  Json referrals = Json::array();
  for (const model::Record& referral : view.referrals) {
    Json item = referral.body;
    item["id"] = referral.id;
    referrals.push_back(item);
  }
  Json json{{"id", view.record.id},
            {"subject", view.record.subject},
            {"created", FormatTimestamp(view.record.created)},
            {"actor", view.record.actor},
            {"screening", view.record.body["screening"]},
            {"result", view.result},
            {"summary", view.record.body.value("summary", Json::object())},
            {"referrals", referrals}};
  if (!view.record.case_reference.empty()) json["case"] = view.record.case_reference;
  return json;
}

}  // namespace tafkik::app
