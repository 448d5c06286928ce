#include "casefile/custody.h"

#include <algorithm>

#include "casefile/internal/json_fields.h"
#include "core/text.h"

namespace tafkik::casefile {
namespace {

Status MissingField(const CustodyEvent& event, std::string_view question,
                    std::string_view field) {
  std::string which = "custody event " + std::to_string(event.sequence);
  if (!event.evidence_id.empty()) which += " of " + event.evidence_id;
  return InvalidArgumentError(which + ": '" + std::string(question) + "' (" +
                              std::string(field) + ") is missing");
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

void CheckEvent(const EvidenceItem& item, const CustodyEvent& event, const CustodyEvent* previous,
                CustodyReview& review) {
  auto issue = [&](std::string problem) {
    review.issues.push_back({event.sequence, std::move(problem)});
  };
  if (previous == nullptr) {
    if (!event.from.empty()) issue("the first event is not an intake (it has a 'from')");
    if (event.to != item.collected_by) {
      issue("received at intake by " + Quote(event.to) + " but collected by " +
            Quote(item.collected_by));
    }
  } else {
    if (event.from != previous->to) {
      issue("handed over by " + Quote(event.from) + " but the custodian was " +
            Quote(previous->to));
    }
    if (event.time < previous->time) issue("dated before the event that precedes it");
  }
  if (event.time < item.collected_at) issue("dated before the item was collected");
  if (!event.seal_intact) {
    review.seal_broken = true;
    issue("the seal was found broken");
  }
  if (event.hash_verified.has_value() && !*event.hash_verified) {
    review.hash_failed = true;
    issue("the file's hash did not verify");
  }
}

}  // namespace

Status ValidateCustodyEvent(const CustodyEvent& event) {
  if (Trim(event.evidence_id).empty()) return MissingField(event, "what", "evidence");
  if (event.sequence < 1) return InvalidArgumentError("custody event: sequence must be >= 1");
  if (event.sequence > 1 && Trim(event.from).empty()) {
    return MissingField(event, "who", "from: who handed it over");
  }
  if (Trim(event.to).empty()) return MissingField(event, "who", "to: who received it");
  if (event.time.micros() == 0) return MissingField(event, "when", "time");
  if (Trim(event.place).empty()) return MissingField(event, "where", "place");
  if (Trim(event.purpose).empty()) return MissingField(event, "why", "purpose");
  for (const std::string* text : {&event.from, &event.to, &event.place, &event.purpose,
                                  &event.note}) {
    if (!IsValidUtf8(*text)) return InvalidArgumentError("custody event: text is not UTF-8");
  }
  return Status::Ok();
}

std::string CustodyRecordId(const CustodyEvent& event) {
  return event.evidence_id + ":C" + std::to_string(event.sequence);
}

Json ToJson(const CustodyEvent& event) {
  Json body{{"evidence", event.evidence_id}, {"sequence", event.sequence},
            {"from", event.from},            {"to", event.to},
            {"purpose", event.purpose},      {"place", event.place},
            {"time", FormatTimestamp(event.time)}, {"seal_intact", event.seal_intact},
            {"note", event.note}};
  body["hash_verified"] = event.hash_verified ? Json(*event.hash_verified) : Json(nullptr);
  return body;
}

Result<CustodyEvent> CustodyFromJson(const Json& body) {
  if (!body.is_object()) return DataLossError("custody body is not a JSON object");
  CustodyEvent event;
  TAFKIK_ASSIGN_OR_RETURN(event.evidence_id, internal::RequiredString(body, "evidence"));
  if (!body.contains("sequence") || !body["sequence"].is_number_integer()) {
    return DataLossError("custody event of " + event.evidence_id + ": no sequence");
  }
  event.sequence = body["sequence"].get<int>();
  TAFKIK_ASSIGN_OR_RETURN(event.from, internal::OptionalString(body, "from"));
  TAFKIK_ASSIGN_OR_RETURN(event.to, internal::RequiredString(body, "to"));
  TAFKIK_ASSIGN_OR_RETURN(event.purpose, internal::RequiredString(body, "purpose"));
  TAFKIK_ASSIGN_OR_RETURN(event.place, internal::RequiredString(body, "place"));
  TAFKIK_ASSIGN_OR_RETURN(event.time, internal::RequiredTime(body, "time"));
  TAFKIK_ASSIGN_OR_RETURN(event.note, internal::OptionalString(body, "note"));
  event.seal_intact = body.value("seal_intact", true);
  if (body.contains("hash_verified") && body["hash_verified"].is_boolean()) {
    event.hash_verified = body["hash_verified"].get<bool>();
  }
  return event;
}

CustodyReview ReviewChain(const EvidenceItem& item, std::vector<CustodyEvent> events) {
  std::sort(events.begin(), events.end(),
            [](const auto& left, const auto& right) { return left.sequence < right.sequence; });
  CustodyReview review;
  if (events.empty()) {
    review.issues.push_back({0, "no custody event: the intake was never recorded"});
    return review;
  }
  const CustodyEvent* previous = nullptr;
  for (size_t event_idx = 0; event_idx < events.size(); ++event_idx) {
    const CustodyEvent& event = events[event_idx];
    if (event.sequence != static_cast<int>(event_idx) + 1) {
      review.issues.push_back(
          {event.sequence, "event " + std::to_string(event_idx + 1) + " of the chain is missing"});
    }
    CheckEvent(item, event, previous, review);
    previous = &event;
  }
  review.current_custodian = events.back().to;
  review.current_place = events.back().place;
  return review;
}

}  // namespace tafkik::casefile
