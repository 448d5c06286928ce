#include "synth/theatres.h"

#include <utility>

namespace tafkik::synth::internal {
namespace {

using Workplace = std::pair<std::string_view, std::string_view>;

constexpr Origin kSahelOrigins[] = {
    {"ne", NameOrigin::kWestAfricaFr, "niamey", "ne", "XOF", 4},
    {"sn", NameOrigin::kWestAfricaFr, "dakar", "sn", "XOF", 3},
    {"ng", NameOrigin::kNigeria, "kano", "ng", "NGN", 2},
};
constexpr Origin kCentralOrigins[] = {
    {"ne", NameOrigin::kWestAfricaFr, "niamey", "ne", "XOF", 3},
    {"ng", NameOrigin::kNigeria, "benin-city", "ng", "NGN", 4},
    {"sn", NameOrigin::kWestAfricaFr, "dakar", "sn", "XOF", 2},
};
constexpr Origin kTunisianOrigins[] = {
    {"tn", NameOrigin::kMaghreb, "mahdia", "tn", "TND", 3},
    {"sn", NameOrigin::kWestAfricaFr, "dakar", "sn", "XOF", 2},
    {"ne", NameOrigin::kWestAfricaFr, "niamey", "ne", "XOF", 1},
};
constexpr Origin kEgyptianOrigins[] = {
    {"eg", NameOrigin::kEgypt, "kafr-el-sheikh", "eg", "EGP", 4},
    {"sd", NameOrigin::kEgypt, "khartoum", "eg", "EGP", 2},  // Sudanese, on Egyptian SIMs
};

constexpr std::string_view kWesternLegs[] = {
    "agadez", "oujda-border", "oujda", "nador-forest-camp", "nador-east-beach", "almeria"};
constexpr std::string_view kCentralLegs[] = {
    "agadez",   "dirkou", "tummo", "sebha", "bani-walid", "sabratha-warehouse", "zuwara-west-beach",
    "lampedusa"};
constexpr std::string_view kTunisianLegs[] = {"sfax", "sfax-olive-camp", "sfax-north-beach",
                                              "lampedusa"};
constexpr std::string_view kEgyptianLegs[] = {"alexandria", "salloum", "tobruk", "crotone"};

// clang-format off
constexpr SmugglingRoute kRoutes[] = {
    {"western-morocco", NameOrigin::kMaghreb, "ma", "nador", kWesternLegs, "nador-east-beach",
     "MAD", 25000, 45000, true, kSahelOrigins,
     {"ma", "Oriental", "BRPJ Nador", "Boat departures east of Nador"}},
    {"central-libya", NameOrigin::kLibya, "ly", "zuwara", kCentralLegs, "zuwara-west-beach",
     "LYD", 4000, 9000, true, kCentralOrigins,
     {"ly", "Tripolitania", "Anti-Illegal Immigration Department, Zuwara branch",
      "Zuwara crossings to Lampedusa"}},
    {"sfax-tunisia", NameOrigin::kMaghreb, "tn", "sfax", kTunisianLegs, "sfax-north-beach",
     "TND", 2500, 5000, false, kTunisianOrigins,
     {"tn", "Sfax", "Garde nationale, brigade de recherches de Sfax",
      "Sfax night departures to Lampedusa"}},
    {"eastern-egypt", NameOrigin::kEgypt, "eg", "kafr-el-sheikh", kEgyptianLegs, "tobruk",
     "EGP", 120000, 250000, false, kEgyptianOrigins,
     {"eg", "Kafr El Sheikh", "Migrant Smuggling Unit, Alexandria",
      "Kafr El Sheikh brokers, Tobruk crossings"}},
};
// clang-format on

constexpr Origin kEgyptVictims[] = {
    {"eg", NameOrigin::kEgypt, "minya", "eg", "EGP", 5},
    {"ng", NameOrigin::kNigeria, "benin-city", "ng", "NGN", 2},
    {"sd", NameOrigin::kEgypt, "khartoum", "eg", "EGP", 2},
};
constexpr Workplace kEgyptWorkplaces[] = {
    {"cairo-apartment", "domestic_servitude"},
    {"giza-flat", "sexual"},
    {"giza-building-site", "construction"},
};
constexpr Origin kMoroccoVictims[] = {
    {"ma", NameOrigin::kMaghreb, "berkane", "ma", "MAD", 4},
    {"ng", NameOrigin::kNigeria, "benin-city", "ng", "NGN", 3},
    {"sn", NameOrigin::kWestAfricaFr, "dakar", "sn", "XOF", 2},
};
constexpr Workplace kMoroccoWorkplaces[] = {
    {"casablanca-villa", "domestic_servitude"},
    {"tanger", "sexual"},
    {"berkane-farms", "agriculture"},
};
constexpr Origin kTunisiaVictims[] = {
    {"sn", NameOrigin::kWestAfricaFr, "dakar", "sn", "XOF", 3},
    {"tn", NameOrigin::kMaghreb, "mahdia", "tn", "TND", 3},
    {"ng", NameOrigin::kNigeria, "kano", "ng", "NGN", 1},
};
constexpr Workplace kTunisiaWorkplaces[] = {
    {"tunis-apartment", "domestic_servitude"},
    {"sfax-olive-camp", "agriculture"},
    {"sfax", "sexual"},
};

// clang-format off
constexpr TraffickingSetting kSettings[] = {
    {"cairo", NameOrigin::kEgypt, "eg", "cairo", "EGP", kEgyptVictims, kEgyptWorkplaces,
     "a salaried job as a housemaid or salesgirl in Cairo, paid monthly to the family",
     {"eg", "Cairo", "Anti-Trafficking Unit Cairo",
      "domestic servitude, sexual exploitation and forced labour in Cairo and Giza"}},
    {"casablanca", NameOrigin::kMaghreb, "ma", "casablanca", "MAD", kMoroccoVictims,
     kMoroccoWorkplaces, "work in a family home or on a farm with food, lodging and a wage",
     {"ma", "Casablanca-Settat", "BNPJ Casablanca",
      "domestic servitude, sexual exploitation and farm labour"}},
    {"tunis", NameOrigin::kMaghreb, "tn", "tunis", "TND", kTunisiaVictims, kTunisiaWorkplaces,
     "a job in a hotel or as a nanny with papers arranged by the agency",
     {"tn", "Tunis", "Brigade de lutte contre la traite des personnes, Tunis",
      "domestic servitude and farm labour in Tunis and Sfax"}},
};
// clang-format on

}  // namespace

std::span<const SmugglingRoute> SmugglingRoutes() { return kRoutes; }
std::span<const TraffickingSetting> TraffickingSettings() { return kSettings; }

}  // namespace tafkik::synth::internal
