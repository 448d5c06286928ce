// Cases, entities and search, each behind need-to-know: a case shows only to its members,
// an entity only to members of a case it is in (or linked to one step away), and victims'
// identities only under a grant, for a stated purpose that goes to the audit log.
#include <set>

#include "app/json_view.h"
#include "core/hash.h"
#include "model/caption.h"
#include "server/internal/context.h"
#include "store/victim_data.h"

namespace tafkik::server::internal {
namespace {

using access::Capability;

constexpr int64_t kNeighbourLimit = 500;

std::string Pseudonym(const std::string& case_reference, const EntityId& id) {
  std::string digest = Sha256Hex(case_reference + "|" + id.value()).substr(0, 6);
  for (char& c : digest) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return "V-" + digest;
}

std::string Purpose(const httplib::Request& request) {
  return request.has_param("purpose") ? request.get_param_value("purpose") : "";
}

Status RecordReveal(RequestContext& context, const std::string& object,
                    const std::vector<EntityId>& victims, const std::string& purpose) {
  if (victims.empty()) return Status::Ok();
  Json ids = Json::array();
  for (const EntityId& id : victims) ids.push_back(id.value());
  return context.store.RecordEvent(context.actor(),
                                   {"entity.read", object, store::AuditOutcome::kOk,
                                    Json{{"via", "server"}, {"purpose", purpose},
                                         {"victims", ids}}});
}

// Whether victims' identities may be shown: a grant, and a stated purpose.
Result<bool> MayReveal(RequestContext& context, const httplib::Request& request,
                       const std::string& case_reference) {
  if (!access::Decide(context.principal, Capability::kReadVictimIdentity, {case_reference})
           .allowed) {
    return false;
  }
  if (Purpose(request).empty()) {
    return InvalidArgumentError("victims' identities are granted to you in case " +
                                case_reference +
                                "; say why you read them with ?purpose=... (recorded)");
  }
  return true;
}

Status ListCases(const httplib::Request&, httplib::Response& response, RequestContext& context) {
  TAFKIK_RETURN_IF_ERROR(context.Authorize(Capability::kListCases, {}, "cases"));
  TAFKIK_ASSIGN_OR_RETURN(std::vector<model::Case> cases, context.store.ListCases());
  const bool everyone = context.principal.role == access::Role::kAdministrator;
  Json out = Json::array();
  for (const model::Case& c : cases) {
    if (everyone || context.principal.cases.count(c.reference)) out.push_back(app::ToJson(c));
  }
  SendJson(response, 200, Json{{"cases", out}});
  return Status::Ok();
}

Status ShowCase(const httplib::Request& request, httplib::Response& response,
                RequestContext& context) {
  const std::string reference = request.matches[1];
  const std::string object = "case " + reference;
  TAFKIK_RETURN_IF_ERROR(context.AuthorizeOrHide(Capability::kReadCase, {reference}, object));
  Result<model::Case> found = context.store.GetCase(reference);
  if (found.status().code() == StatusCode::kNotFound) return NotFoundError(object + " not found");
  TAFKIK_ASSIGN_OR_RETURN(model::Case c, std::move(found));
  TAFKIK_ASSIGN_OR_RETURN(bool reveal, MayReveal(context, request, reference));
  Json members = Json::array();
  std::vector<EntityId> revealed;
  for (const model::CaseMember& member : c.members) {
    TAFKIK_ASSIGN_OR_RETURN(model::Entity entity, context.store.GetEntity(member.entity));
    const bool victim = member.role == model::Role::kVictim;
    Json item = {{"entity", member.entity.value()},
                 {"role", model::RoleName(member.role)},
                 {"schema", entity.schema}};
    if (victim && !reveal) {
      item["caption"] = Pseudonym(reference, member.entity);
      item["pseudonymised"] = true;
    } else {
      item["caption"] = model::Caption(entity);
      if (victim) revealed.push_back(member.entity);
    }
    members.push_back(item);
  }
  TAFKIK_RETURN_IF_ERROR(RecordReveal(context, "case:" + reference, revealed, Purpose(request)));
  Json out = app::ToJson(c);
  out["members"] = members;
  SendJson(response, 200, out);
  return Status::Ok();
}

// The cases an entity is in, or a one-step neighbour of it is in.
Result<std::set<std::string>> CasesAround(store::Store& store, const EntityId& id) {
  std::set<std::string> cases;
  TAFKIK_ASSIGN_OR_RETURN(auto roles, store.RolesOf(id));
  for (const store::CaseRole& role : roles) cases.insert(role.case_reference);
  store::RelationQuery query;
  query.either_end = id;
  query.limit = kNeighbourLimit;
  TAFKIK_ASSIGN_OR_RETURN(auto relations, store.ListRelations(query));
  for (const model::Relation& relation : relations) {
    const EntityId& other = relation.source == id ? relation.target : relation.source;
    TAFKIK_ASSIGN_OR_RETURN(auto other_roles, store.RolesOf(other));
    for (const store::CaseRole& role : other_roles) cases.insert(role.case_reference);
  }
  return cases;
}

// The first case around the entity that the principal may read intelligence of, or "".
Result<std::string> ReadableCaseOf(RequestContext& context, const EntityId& id) {
  TAFKIK_ASSIGN_OR_RETURN(auto cases, CasesAround(context.store, id));
  for (const std::string& reference : cases) {
    if (access::Decide(context.principal, Capability::kReadIntelligence, {reference}).allowed) {
      return reference;
    }
  }
  return std::string();
}

Status ShowEntity(const httplib::Request& request, httplib::Response& response,
                  RequestContext& context) {
  const EntityId id(request.matches[1]);
  const std::string object = "entity " + id.value();
  Result<model::Entity> entity = context.store.GetEntity(id);
  std::string reference;
  if (entity.ok()) {
    TAFKIK_ASSIGN_OR_RETURN(reference, ReadableCaseOf(context, id));
  }
  if (!entity.ok() || reference.empty()) {
    if (entity.ok() || entity.status().code() == StatusCode::kNotFound) {
      // Same answer for "absent" and "not yours": walking ids tells nothing.
      TAFKIK_RETURN_IF_ERROR(context.AuthorizeOrHide(Capability::kReadIntelligence, {}, object));
    }
    return entity.status();
  }
  TAFKIK_ASSIGN_OR_RETURN(bool victim, store::IsVictimData(context.store, *entity));
  if (victim) {
    TAFKIK_ASSIGN_OR_RETURN(bool reveal, MayReveal(context, request, reference));
    if (!reveal) {
      SendJson(response, 200, Json{{"id", id.value()}, {"schema", entity->schema},
                                   {"caption", Pseudonym(reference, id)},
                                   {"pseudonymised", true}});
      return Status::Ok();
    }
    TAFKIK_RETURN_IF_ERROR(RecordReveal(context, "entity:" + id.value(), {id}, Purpose(request)));
  }
  SendJson(response, 200, app::ToJson(*entity));
  return Status::Ok();
}

Status Search(const httplib::Request& request, httplib::Response& response,
              RequestContext& context) {
  const std::string text = request.has_param("q") ? request.get_param_value("q") : "";
  if (text.empty()) return InvalidArgumentError("search needs ?q=");
  TAFKIK_ASSIGN_OR_RETURN(auto found, context.store.SearchEntities({text, "", 200}));
  Json out = Json::array();
  for (const model::Entity& entity : found) {
    TAFKIK_ASSIGN_OR_RETURN(std::string reference, ReadableCaseOf(context, entity.id));
    if (reference.empty()) continue;
    // Victims are never found by name here, not even with a grant: open the case instead.
    TAFKIK_ASSIGN_OR_RETURN(bool victim, store::IsVictimData(context.store, entity));
    if (victim) continue;
    out.push_back({{"id", entity.id.value()}, {"schema", entity.schema},
                   {"caption", model::Caption(entity)}, {"case", reference}});
  }
  SendJson(response, 200, Json{{"results", out}});
  return Status::Ok();
}

}  // namespace

std::vector<Route> CaseRoutes() {
  return {
      {"GET", "/api/cases", "/api/cases", "The cases you are a member of", true, ListCases, {}},
      {"GET", R"(/api/cases/(.+))", "/api/cases/{reference}",
       "A case with its members in roles; victims pseudonymised unless granted "
       "(?purpose=... required then)", true, ShowCase, {}},
      {"GET", R"(/api/entities/([A-Za-z0-9_.\-]+))", "/api/entities/{id}",
       "An entity of one of your cases; victims' data pseudonymised unless granted", true,
       ShowEntity, {}},
      {"GET", "/api/search", "/api/search",
       "Entities of your cases matching ?q= (names, phones, identifiers); never victims", true,
       Search, {}},
  };
}

}  // namespace tafkik::server::internal
