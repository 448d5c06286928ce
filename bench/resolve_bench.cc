// Entity-resolution benchmark: generates N person records (default 1,000,000) with planted
// duplicates (spelling variants of given names and surnames, Arabic-script renderings, token
// order swaps, typos, date slips, shared or mistyped passports and phones), runs the whole
// resolution pipeline on them with 2 threads, and prints the time of each pass and
// precision/recall/F1 of the clusters against the planted truth. It also writes the records
// as CSV (id, name, birth date, entity) for the jellyfish baseline (resolve_baseline.py).
// Usage: resolve_bench [--records N] [--csv PATH] [--threads T] [--seed S]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolve/pipeline.h"

namespace {

using tafkik::resolve::PersonRecord;

struct GivenName {
  std::vector<const char*> latin;
  const char* arabic;
};

const std::vector<GivenName>& GivenNames() {
  static const std::vector<GivenName> names = {
      {{"Mohamed", "Mohammed", "Muhammad", "Mouhamed", "Mohamad"}, "محمد"},
      {{"Ahmed", "Ahmad"}, "أحمد"},
      {{"Mahmoud", "Mahmud", "Mahmood"}, "محمود"},
      {{"Hassan", "Hasan", "Hassane", "Hacen"}, "حسن"},
      {{"Hussein", "Hocine", "Houcine", "Hussain"}, "حسين"},
      {{"Youssef", "Youcef", "Yusuf", "Yousef"}, "يوسف"},
      {{"Omar", "Umar", "Oumar"}, "عمر"},
      {{"Khaled", "Khalid"}, "خالد"},
      {{"Rachid", "Rashid"}, "رشيد"},
      {{"Said", "Saeed"}, "سعيد"},
      {{"Karim", "Kareem"}, "كريم"},
      {{"Jamal", "Djamel", "Gamal", "Jamel"}, "جمال"},
      {{"Mustafa", "Moustafa", "Mostafa", "Mustapha"}, "مصطفى"},
      {{"Ibrahim", "Brahim", "Ibraheem"}, "إبراهيم"},
      {{"Abdelkader", "Abdel Kader", "Abd al-Qadir", "Abdulkadir"}, "عبد القادر"},
      {{"Abderrahmane", "Abdel Rahman", "Abd al-Rahman", "Abdulrahman"}, "عبد الرحمن"},
      {{"Abdallah", "Abdullah", "Abdellah"}, "عبد الله"},
      {{"Nour Eddine", "Noureddine", "Nur al-Din"}, "نور الدين"},
      {{"Tarek", "Tariq", "Tarik"}, "طارق"},
      {{"Walid", "Oualid", "Waleed"}, "وليد"},
      {{"Yassine", "Yacine", "Yasin"}, "ياسين"},
      {{"Hicham", "Hisham", "Hesham"}, "هشام"},
      {{"Fatima", "Fatma", "Fatimah"}, "فاطمة"},
      {{"Aicha", "Aisha", "Aïcha"}, "عائشة"},
      {{"Khadija", "Khadidja", "Khadijah"}, "خديجة"},
      {{"Zineb", "Zaynab", "Zeinab"}, "زينب"},
      {{"Maryam", "Meriem", "Mariam"}, "مريم"},
      {{"Amina", "Aminah"}, "أمينة"},
      {{"Leila", "Layla", "Laila"}, "ليلى"},
      {{"Samira", "Sameera"}, "سميرة"},
      {{"Nawal", "Naoual"}, "نوال"},
      {{"Imane", "Iman", "Imen"}, "إيمان"},
      {{"Sara", "Sarah"}, "سارة"},
      {{"Souad", "Suad"}, "سعاد"},
      {{"Hanane", "Hanan"}, "حنان"},
      {{"Nadia", "Nadya"}, "نادية"},
  };
  return names;
}

// Surnames are built from syllables, each with its Latin spellings and Arabic letters, so
// that a duplicate can spell the same surname another way or in Arabic script.
struct Syllable {
  std::vector<const char*> latin;
  const char* arabic;
};

const std::vector<Syllable>& Syllables() {
  static const std::vector<Syllable> syllables = {
      {{"ka", "qa"}, "قا"},
      {{"ri"}, "ري"},
      {{"mo", "mu"}, "مو"},
      {{"sa"}, "سا"},
      {{"la"}, "لا"},
      {{"di"}, "دي"},
      {{"ne"}, "ني"},
      {{"bar"}, "بار"},
      {{"tah", "tahh"}, "طاه"},
      {{"zou", "zu"}, "زو"},
      {{"fel", "fil"}, "فل"},
      {{"mer", "mir"}, "مر"},
      {{"rach", "rash"}, "راش"},
      {{"chad", "shad"}, "شاد"},
      {{"ham", "hamm"}, "حام"},
      {{"nas", "nass"}, "ناص"},
      {{"sel", "sal"}, "سل"},
      {{"bek", "bak"}, "بك"},
      {{"gou", "gu"}, "قو"},
      {{"jil", "djil"}, "جيل"},
      {{"tou", "tu"}, "تو"},
      {{"wal", "oual"}, "وال"},
      {{"far"}, "فار"},
      {{"lem", "lam"}, "لم"},
      {{"rou", "ru"}, "رو"},
      {{"sif"}, "سيف"},
      {{"dan"}, "دان"},
      {{"khe", "khi"}, "خي"},
      {{"ghi", "ghe"}, "غي"},
      {{"bel", "bal"}, "بل"},
      {{"ou", "o"}, "و"},
      {{"ani", "ani"}, "اني"},
  };
  return syllables;
}

struct Original {
  int given = 0;
  int given_spelling = 0;
  std::vector<int> surname;  // syllable indexes
  int prefix = 0;            // 0: none, 1: Ben, 2: El, 3: Ait
  std::string birth_date;
  std::string passport;
  std::string phone;
};

constexpr const char* kPrefixLatin[] = {"", "Ben ", "El ", "Ait "};
constexpr const char* kPrefixArabic[] = {"", "بن ", "ال", "آيت "};

class Generator {
 public:
  explicit Generator(uint64_t seed) : random_(seed) {}

  Original MakeOriginal() {
    Original person;
    person.given = Pick(GivenNames().size());
    person.given_spelling = 0;
    const int length = 2 + Pick(2);
    for (int syllable = 0; syllable < length; ++syllable) {
      person.surname.push_back(Pick(Syllables().size()));
    }
    person.prefix = Chance(0.25) ? 1 + Pick(3) : 0;
    char date[16];
    std::snprintf(date, sizeof(date), "%04d-%02d-%02d", 1950 + Pick(56), 1 + Pick(12),
                  1 + Pick(28));
    person.birth_date = date;
    if (Chance(0.6)) person.passport = Letters(2) + Digits(7);
    if (Chance(0.5)) person.phone = "+2126" + Digits(8);
    return person;
  }

  // The original's own record: canonical spellings, as given.
  PersonRecord Render(const Original& person, const std::string& id) {
    return Record(person, id, /*variant=*/false);
  }

  // A duplicate: other spellings, script, order, typos, slips.
  PersonRecord Duplicate(const Original& person, const std::string& id) {
    return Record(person, id, /*variant=*/true);
  }

 private:
  PersonRecord Record(const Original& person, const std::string& id, bool variant) {
    PersonRecord record;
    record.id = id;
    const bool arabic = variant && Chance(0.15);
    std::string given, surname;
    const GivenName& name = GivenNames()[person.given];
    given = arabic ? name.arabic
                   : name.latin[variant ? Pick(name.latin.size()) : person.given_spelling];
    surname = arabic ? kPrefixArabic[person.prefix] : kPrefixLatin[person.prefix];
    for (int syllable : person.surname) {
      const Syllable& part = Syllables()[syllable];
      surname += arabic ? part.arabic : part.latin[variant ? Pick(part.latin.size()) : 0];
    }
    if (variant && !arabic && Chance(0.2)) Typo(surname);
    std::string full = variant && Chance(0.1) ? surname + " " + given : given + " " + surname;
    if (variant && Chance(0.03)) full = surname;  // the given name left out
    record.names = {full};
    std::string date = person.birth_date;
    if (variant) {
      const double roll = Uniform();
      if (roll < 0.10) {
        date[9] = static_cast<char>('0' + (date[9] - '0' + 1 + Pick(8)) % 10);
      } else if (roll < 0.15 && std::stoi(date.substr(8, 2)) <= 12) {
        date = date.substr(0, 5) + date.substr(8, 2) + "-" + date.substr(5, 2);
      } else if (roll < 0.25) {
        date.clear();
      }
    }
    if (!date.empty()) record.birth_dates = {date};
    if (!person.passport.empty() && (!variant || Chance(0.7))) {
      std::string passport = person.passport;
      if (variant && Chance(0.1)) Typo(passport);
      record.documents = {passport};
    }
    if (!person.phone.empty() && (!variant || Chance(0.5))) record.phones = {person.phone};
    return record;
  }

  void Typo(std::string& text) {
    if (text.size() < 4) return;
    const size_t at = 1 + Pick(text.size() - 2);
    switch (Pick(3)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        std::swap(text[at], text[at + 1 < text.size() ? at + 1 : at - 1]);
        break;
      default:
        text[at] = static_cast<char>('a' + Pick(26));
    }
  }

  std::string Letters(int count) {
    std::string out;
    for (int at = 0; at < count; ++at) out += static_cast<char>('A' + Pick(26));
    return out;
  }
  std::string Digits(int count) {
    std::string out;
    for (int at = 0; at < count; ++at) out += static_cast<char>('0' + Pick(10));
    return out;
  }
  int Pick(size_t count) { return static_cast<int>(random_() % count); }
  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(random_); }
  bool Chance(double probability) { return Uniform() < probability; }

  std::mt19937_64 random_;
};

struct Options {
  size_t records = 1'000'000;
  std::string csv;
  int threads = 2;
  uint64_t seed = 2026;
  int show_errors = 0;  // print this many wrongly clustered pairs with their explanation
};

Options Parse(int argc, char** argv) {
  Options options;
  for (int arg = 1; arg + 1 < argc; arg += 2) {
    const std::string name = argv[arg], value = argv[arg + 1];
    if (name == "--records") options.records = std::stoull(value);
    if (name == "--csv") options.csv = value;
    if (name == "--threads") options.threads = std::stoi(value);
    if (name == "--seed") options.seed = std::stoull(value);
    if (name == "--show-errors") options.show_errors = std::stoi(value);
  }
  return options;
}

std::string CsvCell(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = Parse(argc, argv);
  Generator generator(options.seed);
  std::vector<PersonRecord> records;
  std::vector<uint32_t> entity;
  records.reserve(options.records);
  std::vector<Original> originals;
  const size_t original_count = options.records * 4 / 5;
  for (size_t at = 0; at < original_count; ++at) {
    originals.push_back(generator.MakeOriginal());
    records.push_back(generator.Render(originals.back(), "o" + std::to_string(at)));
    entity.push_back(static_cast<uint32_t>(at));
  }
  std::mt19937_64 pick(options.seed + 1);
  for (size_t at = original_count; at < options.records; ++at) {
    const uint32_t of = static_cast<uint32_t>(pick() % original_count);
    records.push_back(generator.Duplicate(originals[of], "d" + std::to_string(at)));
    entity.push_back(of);
  }
  if (!options.csv.empty()) {
    std::ofstream out(options.csv);
    out << "id,name,birth_date,entity\n";
    for (size_t at = 0; at < records.size(); ++at) {
      out << records[at].id << "," << CsvCell(records[at].names[0]) << ","
          << (records[at].birth_dates.empty() ? "" : records[at].birth_dates[0]) << ","
          << entity[at] << "\n";
    }
  }

  tafkik::resolve::PipelineOptions pipeline_options;
  pipeline_options.threads = options.threads;
  tafkik::resolve::Pipeline pipeline(records, pipeline_options);
  auto result = pipeline.Run();
  if (!result.ok()) {
    std::cerr << result.status().ToString() << "\n";
    return 1;
  }
  // Truth: pairs within each planted group; predicted: pairs within each cluster.
  std::unordered_map<uint32_t, int64_t> group_sizes;
  for (uint32_t group : entity) ++group_sizes[group];
  int64_t actual = 0;
  for (const auto& [group, size] : group_sizes) actual += size * (size - 1) / 2;
  int64_t predicted = 0, correct = 0;
  int shown = 0;
  for (const auto& cluster : result->clusters.clusters) {
    for (size_t first = 0; first < cluster.size(); ++first) {
      for (size_t second = first + 1; second < cluster.size(); ++second) {
        ++predicted;
        const uint32_t left = cluster[first], right = cluster[second];
        const bool same = entity[left] == entity[right];
        correct += same;
        if (same || shown >= options.show_errors) continue;
        ++shown;
        std::cout << records[left].names[0] << " | " << records[right].names[0] << " ("
                  << cluster.size()
                  << "): " << pipeline.ExplainPair(left, right, result->model).Summary() << "\n";
      }
    }
  }
  const double precision = predicted ? double(correct) / predicted : 0;
  const double recall = actual ? double(correct) / actual : 0;
  const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
  if (options.show_errors > 0) std::cout << result->model.ToJson().dump() << "\n";
  for (const auto& pass : result->passes) {
    std::printf("pass %-12s %s %8.2f s %12lld\n", pass.name.c_str(), pass.ran ? "on " : "off",
                pass.seconds, static_cast<long long>(pass.items));
  }
  std::printf(
      "records %zu pairs_compared %lld skipped_blocks %lld seconds %.2f "
      "precision %.4f recall %.4f f1 %.4f true_pairs %lld predicted_pairs %lld\n",
      records.size(), static_cast<long long>(result->compared_pairs),
      static_cast<long long>(result->blocking.skipped_blocks), result->seconds, precision, recall,
      f1, static_cast<long long>(actual), static_cast<long long>(predicted));
  return 0;
}
