// Use cases of entity resolution ("who is who"): run the resolution pipeline over the
// Person entities of a workspace (or of one case), review the candidate pairs, explain any
// pair, record the analyst's decision on a pair (confirm, reject, unsure) and undo it.
//
// What is stored (records API, no SQL):
//   resolve.run        one per run (append-only): counts, pass timings, thresholds, model
//   resolve.model      "current": the model of the last run, used by explain
//   resolve.candidate  one per pair (upserted by each run): probability and explanation
//   resolve.decision   one per decision (append-only), undo included: the pair's history
// Every decision also writes a SameAs relation (entity -> match) carrying the decision
// (confirmed, rejected, or pending for "unsure" and for an undone decision), the score and
// the explanation; its start is the decision time, so the latest SameAs between two
// entities is their current state and the earlier ones are its history: merges are
// reversible and nothing is deleted. Every write is one audited transaction; reads that
// show victims' data record an "entity.read" event first. Thread-compatible, as Store.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "resolve/comparators.h"
#include "resolve/pipeline.h"
#include "store/store.h"

namespace tafkik::app {

// Loads the Person entities (of one case when `case_reference` is set) as resolution
// records: names (name, alias, previousName, firstName + lastName), birthDate, documents
// (passportNumber, idNumber, and IdentityDocument entities whose holder is the person),
// phones (phone, and Phone entities whose owner is the person), accounts (BankAccount
// entities owned by the person through Ownership), address and nationality. weakAlias
// (nicknames) is not compared. NotFound for an unknown case.
Result<std::vector<resolve::PersonRecord>> LoadPersonRecords(store::Store& store,
                                                             const std::string& case_reference);

struct ResolveRunRequest {
  std::string case_reference;     // default "": every Person in the workspace
  double review_threshold = 0.5;  // default 0.5: pairs kept for review from here up
  double link_threshold = 0.9;    // default 0.9: the operating threshold (clusters)
  std::vector<std::string> skip;  // passes to switch off: frequencies, block, estimate, cluster
};

struct ResolveRunReport {
  std::string run_id;  // "run-<microseconds since 1970>"
  int64_t records = 0;
  int64_t compared_pairs = 0;
  int64_t candidates = 0;      // pairs at or above the review threshold
  int64_t likely = 0;          // of which at or above the link threshold
  int64_t clusters = 0;        // groups of two or more at the link threshold
  int64_t refused_merges = 0;  // merges the weak-chain check refused
  std::vector<resolve::PassReport> passes;
  resolve::Model model;
  Json ToJson() const;
};

// Runs the pipeline and stores its run, model and candidate pairs in one transaction
// audited as "resolve.run". InvalidArgument for a threshold outside [0, 1] or an unknown
// pass; NotFound for an unknown case.
Result<ResolveRunReport> RunResolution(store::Store& store, const store::Actor& actor,
                                       const ResolveRunRequest& request);

struct PairView {
  std::string left;  // entity ids, left < right
  std::string right;
  std::string left_caption;
  std::string right_caption;
  double probability = 0;
  std::string summary;  // "name exact (+9.3), document exact (+16.4)"
  std::string status;   // pending, confirmed, rejected, unsure
  Json explanation;     // resolve::Explanation::ToJson()
  Json history;         // the pair's decisions, oldest first (ExplainPair only)
  Json ToJson() const;
};

struct ReviewRequest {
  std::string status = "pending";  // pending, confirmed, rejected, unsure or all
  int64_t limit = 50;              // most probable first
};

// Candidate pairs of the last runs in the given status, most probable first. InvalidArgument
// for an unknown status or a limit below 1.
Result<std::vector<PairView>> ReviewCandidates(store::Store& store, const store::Actor& actor,
                                               const ReviewRequest& request);

// The explanation of two entities: the stored candidate's when a run scored them, else a
// fresh comparison under the current model (the documented defaults before any run), with
// the pair's decision history. NotFound for an unknown entity; InvalidArgument for the same
// id twice.
Result<PairView> ExplainPair(store::Store& store, const store::Actor& actor,
                             const std::string& first, const std::string& second);

// Records the analyst's decision on a pair: "confirmed", "rejected" or "unsure"; `note` is
// kept in the decision record. Audited as "resolve.decide".
Result<PairView> DecidePair(store::Store& store, const store::Actor& actor,
                            const std::string& first, const std::string& second,
                            const std::string& decision, const std::string& note);

// Undoes the pair's latest decision still in force (the state goes back to what it was
// before it). FailedPrecondition when there is none. Audited as "resolve.undo".
Result<PairView> UndoDecision(store::Store& store, const store::Actor& actor,
                              const std::string& first, const std::string& second);

}  // namespace tafkik::app
