// Times the screening module: loading the catalogues, evaluating one screening, and
// k-anonymising the CTDC-derived records. Prints one line per measure with the median of the
// runs. Usage: screening_bench INDICATORS_DIR CTDC_CSV [K]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "screening/catalogue.h"
#include "screening/rules.h"
#include "screening/statistics.h"

namespace scr = tafkik::screening;

namespace {

double MedianSeconds(int runs, const std::function<void()>& work) {
  std::vector<double> seconds;
  for (int run = 0; run < runs; ++run) {
    auto start = std::chrono::steady_clock::now();
    work();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2];
}

std::vector<scr::ScreeningInput> Inputs() {
  auto input = [](int age, std::vector<std::string> ids) {
    scr::ScreeningInput made;
    made.ages = {{age, scr::AgeBasis::kStated}};
    for (std::string& id : ids) made.observations.push_back({id, "", scr::Source::kObserved});
    return made;
  };
  return {
      input(30, {"ilo.dr.nature_of_job", "ilo.dr.wages", "ilo.ec.excessive_hours",
                 "ilo.ec.low_or_no_salary", "ilo.cd.documents", "ilo.cd.debt_bondage"}),
      input(15, {"unodc.sex.moved_between_brothels", "unodc.gen.controlled_movements"}),
      input(27, {"som.act.illegal_entry", "som.benefit", "som.aggravating.danger_to_life"}),
      input(40, {"ilo.ec.excessive_hours", "unodc.dom.leftovers", "palermo.consent"}),
  };
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: screening_bench INDICATORS_DIR CTDC_CSV [K]\n");
    return 2;
  }
  int k = argc > 3 ? std::atoi(argv[3]) : scr::kDefaultK;
  auto catalogues = scr::Catalogues::Load(argv[1]);
  if (!catalogues.ok()) {
    std::fprintf(stderr, "%s\n", catalogues.status().ToString().c_str());
    return 1;
  }
  double load = MedianSeconds(11, [&] { (void)scr::Catalogues::Load(argv[1]); });
  std::printf("catalogue load: median %.2f ms\n", load * 1e3);

  std::vector<scr::ScreeningInput> inputs = Inputs();
  const int evaluations = 20'000;
  size_t sink = 0;
  double evaluate = MedianSeconds(5, [&] {
    for (int index = 0; index < evaluations; ++index) {
      sink += scr::Evaluate(*catalogues, inputs[index % inputs.size()]).reasons.size();
    }
  });
  std::printf("evaluate: median %.1f us per screening (%d screenings, with summaries; %zu)\n",
              evaluate / evaluations * 1e6, evaluations, sink % 10);

  auto rows = scr::ReadCtdcCsv(argv[2]);
  if (!rows.ok()) {
    std::fprintf(stderr, "%s\n", rows.status().ToString().c_str());
    return 1;
  }
  int64_t suppressed = 0;
  double anonymise = MedianSeconds(5, [&] { suppressed = scr::KAnonymise(*rows, k)->suppressed_cells; });
  std::printf("k-anonymise: median %.1f ms for %zu rows, k=%d, %lld cells suppressed\n",
              anonymise * 1e3, rows->size(), k, static_cast<long long>(suppressed));
  std::printf("TAFKIK_KANON_SECONDS=%.6f\n", anonymise);
  return 0;
}
