// Use cases of victim identification screening: record a screening of a Person (rules
// applied, outcome stored with its reasons and summary), show and list screenings, refer the
// person to a protection actor and follow the referral, and export k-anonymised statistics.
// Screenings and referrals are "screening" and "referral" records (model/record.h) whose
// subject is the pseudonymised Person entity. They are victims' data: every read is put on
// the audit record ("entity.read") before anything is returned. The Store is borrowed.
// Thread-compatible, as Store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "model/record.h"
#include "screening/catalogue.h"
#include "screening/referral.h"
#include "screening/screening.h"
#include "screening/statistics.h"
#include "store/store.h"

namespace tafkik::app {

inline constexpr char kScreeningKind[] = "screening";
inline constexpr char kReferralKind[] = "referral";

struct ScreeningView {
  model::Record record;                     // kind "screening"
  screening::Screening screening;           // what was recorded
  Json result;                              // the outcome as stored (rules.h ToJson)
  std::vector<model::Record> referrals;     // kind "referral", oldest first
};

// Validates `screening` (screening::ValidateScreening), checks that the person is a Person
// entity and the case (when given) exists, applies the rules and writes the record in one
// transaction audited as "screening.create" (details: ids and counts only). When the outcome
// indicates a presumed victim and a case is given, the person becomes a victim member of the
// case. When the person is treated as a child a referral to child protection is written in
// the same transaction (status sent, consent basis the child's best interests).
// `screened_by` defaults to the actor; `screened_at` (0) to now.
// InvalidArgument naming the field, and for any observation id that is in no catalogue (each
// named, with the closest ids); NotFound for an unknown person or case.
Result<ScreeningView> CreateScreening(store::Store& store, const store::Actor& actor,
                                      const screening::Catalogues& catalogues,
                                      screening::Screening screening);

// The screening with its referrals. Records the read first. NotFound for an unknown id.
Result<ScreeningView> ShowScreening(store::Store& store, const store::Actor& actor,
                                    const std::string& id);

struct ListScreeningsRequest {
  std::string case_reference;  // default "": every case
  std::string person;          // default "": every person
  int64_t limit = 1000;
};

// Screenings oldest first. Records the read of the persons among them first (none: nothing).
Result<std::vector<ScreeningView>> ListScreenings(store::Store& store, const store::Actor& actor,
                                                  const ListScreeningsRequest& request);

struct ReferRequest {
  std::string screening;         // the screening id
  std::string actor;             // "ngo", "shelter", "child_protection", "health", ...
  std::string organisation;      // the organisation's name
  std::string note;              // default ""
};

// Writes a "referral" record (status sent) audited as "referral.create". The consent it rests
// on comes from the screening (screening::ConsentFor): FailedPrecondition when consent is
// needed and not recorded. A child referred elsewhere is referred to child protection too
// when no such referral exists. NotFound for an unknown screening; InvalidArgument for an
// unknown actor or an empty organisation.
Result<screening::Referral> Refer(store::Store& store, const store::Actor& actor,
                                  const ReferRequest& request);

// Moves a referral to `status` (screening::CheckTransition) with the date and note, audited
// as "referral.update". NotFound for an unknown referral; FailedPrecondition for a move
// backwards or from closed.
Result<screening::Referral> UpdateReferral(store::Store& store, const store::Actor& actor,
                                           const std::string& referral_id,
                                           const std::string& status, const std::string& note);

// The statistics rows (CTDC/HTCDS fields) of every screening whose outcome indicates a
// presumed victim, k-anonymised with `k`; the export is audited as "screening.export"
// (count and k only). InvalidArgument for k < 1.
Result<screening::StatisticsExport> ExportScreeningStatistics(store::Store& store,
                                                              const store::Actor& actor, int k);

// {"id", "kind", "case"?, "subject", "created", "actor", "screening", "result", "summary",
//  "referrals": [{"id", ...referral body}]}
Json ToJson(const ScreeningView& view);

}  // namespace tafkik::app
