#include "app/cases.h"

#include "model/caption.h"
#include "app/internal/victim_reads.h"
#include "core/text.h"

namespace tafkik::app {
namespace {

Result<model::Case> BuildCase(const CreateCaseRequest& request) {
  model::Case built;
  built.reference = request.reference;
  built.title = request.title;
  built.jurisdiction = {AsciiLower(Trim(request.country)), request.region};
  built.lead_unit = request.lead_unit;
  built.opened = Timestamp::Now();
  TAFKIK_ASSIGN_OR_RETURN(built.status, model::ParseCaseStatus(request.status));
  for (const std::string& name : request.offences) {
    TAFKIK_ASSIGN_OR_RETURN(model::Offence offence, model::ParseOffence(name));
    built.offences.push_back(offence);
  }
  TAFKIK_RETURN_IF_ERROR(model::ValidateCase(built));
  return built;
}

Json CaseDetails(const model::Case& created) {
  Json offences = Json::array();
  for (model::Offence offence : created.offences) offences.push_back(model::OffenceName(offence));
  return Json{{"reference", created.reference},
              {"country", created.jurisdiction.country},
              {"offences", offences},
              {"lead_unit", created.lead_unit}};
}

Result<MemberView> ViewMember(store::Store& store, const model::CaseMember& member) {
  TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, store.GetEntity(member.entity));
  return MemberView{member, entity.schema, model::Caption(entity)};
}

}  // namespace

Result<model::Case> CreateCase(store::Store& store, const store::Actor& actor,
                               const CreateCaseRequest& request) {
  TAFKIK_ASSIGN_OR_RETURN(model::Case created, BuildCase(request));
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_ASSIGN_OR_RETURN(created.id, write->CreateCase(created));
  store::AuditRecord record{"case.create", "case:" + created.reference};
  record.details = CaseDetails(created);
  TAFKIK_RETURN_IF_ERROR(write->Commit(record));
  return created;
}

Result<CaseView> ShowCase(store::Store& store, const store::Actor& actor,
                          const std::string& reference) {
  CaseView view;
  TAFKIK_ASSIGN_OR_RETURN(view.record, store.GetCase(reference));
  std::vector<EntityId> ids;
  for (const model::CaseMember& member : view.record.members) {
    TAFKIK_ASSIGN_OR_RETURN(MemberView member_view, ViewMember(store, member));
    view.members.push_back(std::move(member_view));
    ids.push_back(member.entity);
  }
  TAFKIK_RETURN_IF_ERROR(
      internal::RecordVictimReads(store, actor, ids, "case:" + reference, "case.show"));
  return view;
}

Result<std::vector<model::Case>> ListCases(store::Store& store) { return store.ListCases(); }

Status AssignToCase(store::Store& store, const store::Actor& actor, const std::string& reference,
                    const std::string& entity, const std::string& role) {
  TAFKIK_ASSIGN_OR_RETURN(model::Role parsed_role, model::ParseRole(role));
  if (!IsValidEntityId(entity)) {
    return InvalidArgumentError("'" + entity + "' is not an entity id");
  }
  TAFKIK_ASSIGN_OR_RETURN(std::unique_ptr<store::WriteTransaction> write, store.BeginWrite(actor));
  TAFKIK_RETURN_IF_ERROR(write->AddCaseMember(reference, {EntityId(entity), parsed_role}));
  store::AuditRecord record{"case.assign", "case:" + reference};
  record.details = Json{{"entity", entity}, {"role", model::RoleName(parsed_role)}};
  return write->Commit(record);
}

}  // namespace tafkik::app
