#include "synth/places.h"

#include <cstdlib>

#include "core/status.h"

namespace tafkik::synth::internal {
namespace {

// Coordinates are rounded public coordinates of the towns; the small sites are placed near
// them and named descriptively.
// clang-format off
constexpr Place kPlaces[] = {
    // Morocco
    {"casablanca", "Casablanca", "الدار البيضاء", "ma", "Casablanca-Settat", "city", 33573100, -7589800, true},
    {"tanger", "Tanger", "طنجة", "ma", "Tanger-Tétouan-Al Hoceïma", "city", 35759500, -5834000, true},
    {"nador", "Nador", "الناظور", "ma", "Oriental", "city", 35168100, -2933500, true},
    {"oujda", "Oujda", "وجدة", "ma", "Oriental", "city", 34681400, -1908600, true},
    {"berkane", "Berkane", "بركان", "ma", "Oriental", "town", 34920000, -2320000, true},
    {"nador-forest-camp", "Forest camp above Nador", "مخيم الغابة قرب الناظور", "ma", "Oriental", "camp", 35240000, -2980000, true},
    {"nador-east-beach", "Beach east of Nador", "شاطئ شرق الناظور", "ma", "Oriental", "beach", 35190000, -2850000, true},
    {"oujda-border", "Border area east of Oujda", "المنطقة الحدودية شرق وجدة", "ma", "Oriental", "border_crossing", 34760000, -1760000, false},
    {"berkane-farms", "Citrus farms near Berkane", "ضيعات الحوامض قرب بركان", "ma", "Oriental", "farm", 34950000, -2380000, true},
    {"casablanca-villa", "Villa in Casablanca (Anfa)", "فيلا بالدار البيضاء", "ma", "Casablanca-Settat", "workplace", 33590000, -7660000, true},
    {"tanger-med", "Tanger Med port", "ميناء طنجة المتوسط", "ma", "Tanger-Tétouan-Al Hoceïma", "port", 35890000, -5500000, true},
    // Spain and Italy (arrivals)
    {"almeria", "Almería", "ألميريا", "es", "Andalucía", "port", 36834000, -2463700, false},
    {"motril", "Motril", "موتريل", "es", "Andalucía", "port", 36720000, -3520000, false},
    {"lampedusa", "Lampedusa", "لامبيدوزا", "it", "Sicilia", "port", 35507000, 12605500, false},
    {"crotone", "Crotone", "كروتوني", "it", "Calabria", "port", 39080800, 17127100, false},
    // Niger, Senegal, Nigeria (origins and Sahel transit)
    {"niamey", "Niamey", "نيامي", "ne", "Niamey", "city", 13511600, 2125400, true},
    {"agadez", "Agadez", "أغاديس", "ne", "Agadez", "city", 16974200, 7986500, true},
    {"dirkou", "Dirkou", "ديركو", "ne", "Agadez", "town", 18988900, 12890000, true},
    {"dakar", "Dakar", "داكار", "sn", "Dakar", "city", 14716700, -17467700, true},
    {"kano", "Kano", "كانو", "ng", "Kano", "city", 12002200, 8592000, true},
    {"benin-city", "Benin City", "بنين سيتي", "ng", "Edo", "city", 6335000, 5603700, true},
    // Libya
    {"tummo", "Tummo border crossing", "منفذ التوم", "ly", "Fezzan", "border_crossing", 22800000, 14150000, false},
    {"sebha", "Sebha", "سبها", "ly", "Fezzan", "city", 27037700, 14428300, true},
    {"bani-walid", "Bani Walid", "بني وليد", "ly", "Misrata", "town", 31756600, 13994200, true},
    {"tripoli", "Tripoli", "طرابلس", "ly", "Tripolitania", "city", 32887200, 13191300, true},
    {"zuwara", "Zuwara", "زوارة", "ly", "Tripolitania", "city", 32931200, 12081900, true},
    {"sabratha", "Sabratha", "صبراتة", "ly", "Tripolitania", "town", 32793300, 12488500, true},
    {"zuwara-west-beach", "Beach west of Zuwara", "شاطئ غرب زوارة", "ly", "Tripolitania", "beach", 32950000, 11950000, true},
    {"sabratha-warehouse", "Warehouse near Sabratha", "مخزن قرب صبراتة", "ly", "Tripolitania", "safehouse", 32800000, 12420000, true},
    {"tobruk", "Tobruk", "طبرق", "ly", "Cyrenaica", "city", 32083600, 23976400, true},
    {"benghazi", "Benghazi", "بنغازي", "ly", "Cyrenaica", "city", 32116700, 20066700, true},
    // Tunisia
    {"sfax", "Sfax", "صفاقس", "tn", "Sfax", "city", 34740600, 10760300, true},
    {"sfax-olive-camp", "Olive groves north of Sfax", "غابات الزيتون شمال صفاقس", "tn", "Sfax", "camp", 34970000, 10940000, true},
    {"sfax-north-beach", "Beach north of Sfax", "شاطئ شمال صفاقس", "tn", "Sfax", "beach", 34900000, 10900000, true},
    {"mahdia", "Mahdia", "المهدية", "tn", "Mahdia", "city", 35504700, 11062200, true},
    {"tunis", "Tunis", "تونس", "tn", "Tunis", "city", 36806500, 10181500, true},
    {"tunis-apartment", "Apartment in La Marsa", "شقة بالمرسى", "tn", "Tunis", "workplace", 36878000, 10325000, true},
    {"ben-guerdane", "Ben Guerdane", "بن قردان", "tn", "Médenine", "town", 33138900, 11219200, true},
    {"ras-ajdir", "Ras Ajdir border crossing", "معبر رأس جدير", "tn", "Médenine", "border_crossing", 33150000, 11560000, true},
    // Egypt and Sudan
    {"cairo", "Cairo", "القاهرة", "eg", "Cairo", "city", 30044400, 31235700, true},
    {"giza", "Giza", "الجيزة", "eg", "Giza", "city", 29987000, 31211800, true},
    {"alexandria", "Alexandria", "الإسكندرية", "eg", "Alexandria", "city", 31200100, 29918700, true},
    {"kafr-el-sheikh", "Kafr El Sheikh", "كفر الشيخ", "eg", "Kafr El Sheikh", "city", 31110700, 30938800, true},
    {"minya", "Minya", "المنيا", "eg", "Minya", "city", 28109900, 30750300, true},
    {"rashid-coast", "Coast north of Rashid", "ساحل شمال رشيد", "eg", "Beheira", "beach", 31460000, 30370000, true},
    {"salloum", "Salloum border crossing", "منفذ السلوم", "eg", "Matrouh", "border_crossing", 31552600, 25156700, true},
    {"cairo-apartment", "Apartment in New Cairo", "شقة بالقاهرة الجديدة", "eg", "Cairo", "workplace", 30030000, 31470000, true},
    {"giza-building-site", "Building site in 6th of October City", "موقع بناء بمدينة السادس من أكتوبر", "eg", "Giza", "workplace", 29940000, 30920000, true},
    {"giza-flat", "Flat in Haram district", "شقة بحي الهرم", "eg", "Giza", "safehouse", 29990000, 31150000, true},
    {"khartoum", "Khartoum", "الخرطوم", "sd", "Khartoum", "city", 15500700, 32559900, false},
};
// clang-format on

}  // namespace

std::span<const Place> Places() { return kPlaces; }

uint32_t PlaceIndex(std::string_view key) {
  for (uint32_t index = 0; index < std::size(kPlaces); ++index) {
    if (kPlaces[index].key == key) return index;
  }
  TAFKIK_CHECK(false, "unknown place key");
  return 0;
}

std::string FormatMicroDegrees(int32_t micro_degrees) {
  const bool negative = micro_degrees < 0;
  const int64_t magnitude = std::llabs(static_cast<int64_t>(micro_degrees));
  std::string fraction = std::to_string(magnitude % 1000000);
  fraction.insert(0, 6 - fraction.size(), '0');
  return (negative ? "-" : "") + std::to_string(magnitude / 1000000) + "." + fraction;
}

std::string_view MobileCountryCode(std::string_view country) {
  static constexpr std::pair<std::string_view, std::string_view> kCodes[] = {
      {"ma", "604"}, {"eg", "602"}, {"ly", "606"}, {"tn", "605"},
      {"ne", "614"}, {"sn", "608"}, {"ng", "621"}};
  for (const auto& [code, mcc] : kCodes) {
    if (code == country) return mcc;
  }
  return "";
}

}  // namespace tafkik::synth::internal
