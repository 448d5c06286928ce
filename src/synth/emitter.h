// Turns the planted world into model values and hands them to the Sink: Emitter counts what
// passes (the GenerationSummary) and stamps provenance; the Emit* functions each produce one
// kind of thing. Entities first (EmitPlaces .. EmitHoldings), then relations (EmitLinks,
// EmitPayments, EmitTravels, EmitCalls), then cases. Not thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/entity.h"
#include "synth/datasets.h"
#include "synth/files.h"
#include "synth/generator.h"
#include "synth/world.h"

namespace tafkik::synth::internal {

class Emitter {
 public:
  Emitter(Sink& sink, uint64_t seed, GenerationSummary& summary)
      : sink_(sink), stamp_(seed), summary_(summary) {}

  Status Emit(const model::Entity& entity);
  Status Emit(const model::Relation& relation);
  Status Emit(const model::Case& investigation);

  // Provenance of the next row of `dataset`.
  model::Provenance Row(Dataset dataset, std::string evidence_id = "") {
    return stamp_.Next(dataset, std::move(evidence_id));
  }
  // A new relation of `schema` from `dataset`, with a stable id and its provenance row.
  model::Relation NewRelation(std::string_view schema, Dataset dataset, const EntityId& source,
                              const EntityId& target, model::Provenance& provenance);

  // Where the datasets delivered as files go instead of the sink (synth/files.h); null when
  // everything goes to the sink.
  DatasetFiles* files() const { return files_; }
  void set_files(DatasetFiles* files) { files_ = files; }

 private:
  DatasetFiles* files_ = nullptr;
  Sink& sink_;
  ProvenanceStamp stamp_;
  GenerationSummary& summary_;
};

// Entity ids of places and cell sites, computed once.
struct PlaceIds {
  std::vector<EntityId> places;
  std::vector<std::vector<EntityId>> cells;
};
PlaceIds MakePlaceIds(const World& world);

// The instant `second` seconds into day `day` of the period.
Timestamp AtDay(int day, int64_t second);

Status EmitPlaces(const World& world, const PlaceIds& ids, Emitter& emitter);
Status EmitPersons(const World& world, Emitter& emitter);
// The Person entity of world.records[index] as its source holds it (name, documents, ...).
model::Entity PersonRecord(const World& world, uint32_t index, const model::Provenance& row);
Status EmitPhones(const World& world, Emitter& emitter);
Status EmitHoldings(const World& world, Emitter& emitter);  // accounts, devices, vehicles, ...
Status EmitLinks(const World& world, const PlaceIds& ids, Emitter& emitter);
Status EmitPayments(const World& world, Emitter& emitter);
Status EmitTravels(const World& world, const PlaceIds& ids, Emitter& emitter);
Status EmitCalls(const World& world, Emitter& emitter);
Status EmitCases(const World& world, Emitter& emitter);

// "MA-2026-0001": the reference of the unit's smuggling (or trafficking) case.
std::string CaseReference(const World& world, uint32_t unit, bool smuggling);

// Names of organisations, vessels and providers shared by entities and relations.
std::string OrganizationName(const World& world, const Asset& asset);
std::string_view AccountProvider(const Account& account);
std::string_view TransferOperator(std::string_view country);

}  // namespace tafkik::synth::internal
