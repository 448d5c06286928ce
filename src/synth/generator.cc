#include "synth/generator.h"

#include "synth/emitter.h"
#include "synth/truth.h"
#include "synth/world.h"

namespace tafkik::synth {

Result<GenerationSummary> Generate(const GeneratorOptions& options, Sink& sink) {
  if (options.scale < 1 || options.scale > kMaxScale) {
    return InvalidArgumentError("scale must be between 1 and " + std::to_string(kMaxScale) +
                                ", got " + std::to_string(options.scale));
  }
  internal::World world = internal::BuildWorld(options.seed, options.scale);
  if (!options.files_dir.empty()) internal::RekeyTransferCustomers(world);
  GenerationSummary summary;
  internal::Emitter emitter(sink, options.seed, summary);
  std::unique_ptr<internal::DatasetFiles> files;
  if (!options.files_dir.empty()) {
    TAFKIK_ASSIGN_OR_RETURN(files, internal::DatasetFiles::Open(world, options.files_dir));
    emitter.set_files(files.get());
  }
  const internal::PlaceIds places = internal::MakePlaceIds(world);
  TAFKIK_RETURN_IF_ERROR(internal::EmitPlaces(world, places, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitPersons(world, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitPhones(world, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitHoldings(world, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitLinks(world, places, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitPayments(world, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitTravels(world, places, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitCalls(world, emitter));
  TAFKIK_RETURN_IF_ERROR(internal::EmitCases(world, emitter));
  if (files != nullptr) {
    TAFKIK_RETURN_IF_ERROR(files->Close());
    summary.file_rows[internal::kCdrFile] = files->calls();
    summary.file_rows[internal::kTransferFile] = files->transfers();
  }
  if (!options.truth_path.empty()) {
    TAFKIK_RETURN_IF_ERROR(internal::WriteTruth(world, summary, options.truth_path));
  }
  return summary;
}

}  // namespace tafkik::synth
