// The ground truth the generator planted, written as JSON beside the data: which person
// records are the same real person (clusters), each person's role and network, victims'
// exploitation form and age, the key players, the planted money patterns, the cases and the
// counts by schema. Streamed element by element: O(persons) time, O(1) extra memory.
// Keys: generator, format (1), seed, scale, period {start, end}, counts {entities, relations,
// cases, real_persons, person_records}, persons {Person id: {cluster, role, network, unit,
// dataset, and for victims form, child, smuggled}}, clusters [{id, records, role, network,
// unit, name_latin, name_arabic, gender, birth_date, nationality, phones, ...}], key_players
// (organisers and smuggling collectors), money_patterns [{type: fan_in | structuring |
// hawala_settlement | wage_diversion, unit, holder_cluster, holder_records, account, payments,
// note}], cases [{reference, unit, network}].
#pragma once

#include <string>

#include "core/status.h"
#include "synth/generator.h"
#include "synth/world.h"

namespace tafkik::synth::internal {

// Unavailable (naming the path) when the file cannot be written.
Status WriteTruth(const World& world, const GenerationSummary& summary, const std::string& path);

// "rp-000042": the id of real person `person` in the truth file.
std::string ClusterId(uint32_t person);

}  // namespace tafkik::synth::internal
