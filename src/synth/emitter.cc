#include "synth/emitter.h"

#include "synth/places.h"

namespace tafkik::synth::internal {

Status Emitter::Emit(const model::Entity& entity) {
  ++summary_.entities_by_schema[entity.schema];
  return sink_.OnEntity(entity);
}

Status Emitter::Emit(const model::Relation& relation) {
  ++summary_.relations_by_schema[relation.schema];
  return sink_.OnRelation(relation);
}

Status Emitter::Emit(const model::Case& investigation) {
  ++summary_.cases;
  return sink_.OnCase(investigation);
}

model::Relation Emitter::NewRelation(std::string_view schema, Dataset dataset,
                                     const EntityId& source, const EntityId& target,
                                     model::Provenance& provenance) {
  provenance = Row(dataset);
  model::Relation relation;
  relation.schema = std::string(schema);
  relation.id = MakeEntityId(DatasetName(dataset), {schema, std::to_string(provenance.row)});
  relation.source = source;
  relation.target = target;
  return relation;
}

Timestamp AtDay(int day, int64_t second) {
  return Timestamp::FromSeconds((kFirstDay + day) * 86400 + second);
}

PlaceIds MakePlaceIds(const World& world) {
  PlaceIds ids;
  for (uint32_t place = 0; place < Places().size(); ++place) {
    ids.places.push_back(
        MakeEntityId(DatasetName(Dataset::kGazetteer), {"place", Places()[place].key}));
    std::vector<EntityId> cells;
    const Dataset operator_data = CdrDataset(Places()[place].country, "ma");
    for (const CellSite& site : world.cells[place]) {
      cells.push_back(MakeEntityId(DatasetName(operator_data), {"cell", site.id}));
    }
    ids.cells.push_back(std::move(cells));
  }
  return ids;
}

static void AddPlaceProperties(model::Entity& entity, const Place& place,
                               const model::Provenance& provenance) {
  entity.Add("country", std::string(place.country), provenance);
  entity.Add("region", std::string(place.region), provenance);
}

Status EmitPlaces(const World& world, const PlaceIds& ids, Emitter& emitter) {
  for (uint32_t index = 0; index < Places().size(); ++index) {
    const Place& place = Places()[index];
    const model::Provenance row = emitter.Row(Dataset::kGazetteer);
    model::Entity location{ids.places[index], "Location", {}};
    location.Add("name", std::string(place.name), row);
    location.Add("alias", std::string(place.arabic), row);
    location.Add("kind", std::string(place.kind), row);
    location.Add("latitude", FormatMicroDegrees(place.latitude_e6), row);
    location.Add("longitude", FormatMicroDegrees(place.longitude_e6), row);
    AddPlaceProperties(location, place, row);
    TAFKIK_RETURN_IF_ERROR(emitter.Emit(location));
    for (size_t cell = 0; cell < world.cells[index].size(); ++cell) {
      const CellSite& site = world.cells[index][cell];
      const model::Provenance cell_row = emitter.Row(CdrDataset(place.country, "ma"));
      model::Entity tower{ids.cells[index][cell], "Location", {}};
      tower.Add("name", "Cell " + site.id + " (" + std::string(place.name) + ")", cell_row);
      tower.Add("kind", "cell_site", cell_row);
      tower.Add("cellId", site.id, cell_row);
      tower.Add("latitude", FormatMicroDegrees(site.latitude_e6), cell_row);
      tower.Add("longitude", FormatMicroDegrees(site.longitude_e6), cell_row);
      AddPlaceProperties(tower, place, cell_row);
      TAFKIK_RETURN_IF_ERROR(emitter.Emit(tower));
    }
  }
  return Status::Ok();
}

std::string_view TransferOperator(std::string_view country) {
  if (country == "ne" || country == "sn") return "SahelXpress Transfert";
  if (country == "ng") return "Naija Remit";
  return "Atlas Money Transfer";
}

std::string_view AccountProvider(const Account& account) {
  struct Provider {
    std::string_view country, bank, wallet;
  };
  static constexpr Provider kProviders[] = {
      {"ma", "Banque du Rif", "RifPay"},
      {"eg", "Delta Commercial Bank", "Nile Cash"},
      {"ly", "Sahara Trade Bank", "Fezzan Wallet"},
      {"tn", "Banque Sud-Méditerranée", "Carthage Mobile"},
      {"ne", "Banque du Ténéré", "Sahel Mobile Money"},
      {"sn", "Banque de la Petite Côte", "Sahel Mobile Money"},
      {"ng", "Edo Union Bank", "NaijaPay"}};
  for (const Provider& provider : kProviders) {
    if (provider.country == account.country)
      return account.wallet ? provider.wallet : provider.bank;
  }
  return account.wallet ? "Sahel Mobile Money" : "Banque du Rif";
}

std::string OrganizationName(const World& world, const Asset& asset) {
  static constexpr std::string_view kAgencies[] = {"Nile Star", "Golden Hands", "Bright Future",
                                                   "Safe Home", "Al Amal",      "Green Valley"};
  static constexpr std::string_view kAgencyKinds[] = {"Employment Office", "Placement Agency",
                                                      "Recruitment Services"};
  static constexpr std::string_view kFronts[] = {"Trans-Sahel", "Oasis",  "Sirocco",
                                                 "Medina",      "Ténéré", "Horizon"};
  static constexpr std::string_view kFrontKinds[] = {"Voyages", "Transport", "Travel & Tours"};
  const bool agency = world.persons[asset.owner].network == Network::kTip;
  const uint32_t serial = asset.serial - 1;
  const std::string base = agency ? std::string(kAgencies[(serial / 2) % 6]) + " " +
                                        std::string(kAgencyKinds[(serial / 12) % 3])
                                  : std::string(kFronts[(serial / 2) % 6]) + " " +
                                        std::string(kFrontKinds[(serial / 12) % 3]);
  // Past 36 units the names repeat; a branch number keeps them apart.
  return serial < 36 ? base : base + " " + std::to_string(serial / 36 + 1);
}

}  // namespace tafkik::synth::internal
