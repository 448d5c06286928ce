// Reading a Cellebrite UFDR seized-phone extraction: a zip holding report.xml (namespace
// http://pa.cellebrite.com/report/2.0) and the extracted files under files/. report.xml is
// parsed streaming from the zip entry (memory bounded by the largest single <model>, not by
// the report); attachments are streamed into the BlobStore. Thread-compatible: one call per
// file; the sink and blob store are the caller's and must outlive the call.
//
// What lands (ids from MakeEntityId(provenance.dataset, ...), so re-importing merges):
//   Device (imei, model, manufacturer, owner) — the handset; the owner Person (name) and the
//   owner's Phone (the MSISDN, E.164) from the report's device metadata.
//   Contact -> Person (name, phone) + Phone (number E.164, name = the number as written,
//   owner) + Associate(owner -> contact, relationship "contact"). The owner end is the owner
//   Person, or the Device when the report names no owner.
//   Call -> Call(caller -> receiver, start, end = start + duration, duration, callType "voice").
//   SMS, InstantMessage and Chat messages -> one Message per recipient (bodyText, channel =
//   "sms" or the lower-cased Source, e.g. "whatsapp"; attachmentSha256 for attachments found
//   under files/). The owner's own party is the owner's Phone (or the Device when the MSISDN
//   is unknown) when the report leaves it out or marks it IsPhoneOwner.
//   Location -> Location (latitude, longitude, name) + Travel(Device -> Location, start):
//   the extraction proves where the handset was, not who carried it.
//   Every file under files/ -> BlobStore + sink.OnEvidenceFile(sha256, zip entry name).
// Times: ISO 8601 with an offset or 'Z' are converted to UTC; times without one are read in
// `source_time_zone`. The time as written stays in the relation's "notes" ("source time:
// 2024-03-01T10:15:00+01:00"), so the device's zone is never lost. recordId is the UFDR
// model id.
#pragma once

#include <string>

#include "core/status.h"
#include "model/entity.h"
#include "model/record_sink.h"
#include "store/blob_store.h"

namespace tafkik::ingest {

struct UfdrOptions {
  // dataset (the id namespace), source_sha256 (of the .ufdr), evidence_id and user are
  // copied onto every value; row is set to the <model> element's ordinal. dataset must not
  // be empty.
  model::Provenance provenance;
  // ISO 3166 alpha-2 region for numbers written in national format ("0612345678" with "MA"
  // -> +212612345678). Default "": national numbers are rejected.
  std::string default_region;
  // IANA zone for timestamps written without an offset. Default "UTC".
  std::string source_time_zone = "UTC";
};

// Reads the UFDR at `path` into `sink` (entities before the relations that use them) and its
// attachments into `blobs`. A malformed element is sent to sink.OnReject with row = the
// 1-based ordinal of its <model> element in document order (0 for device metadata and
// tagged files), column = the field, and the reading goes on.
// Errors: InvalidArgument naming `path` when it is not a zip, has no report.xml, or
// report.xml is not well-formed XML (entities read before the error have been sent);
// NotFound when `path` does not exist; an error from the sink or the blob store is returned
// as is and stops the reading.
Status ReadUfdr(const std::string& path, const UfdrOptions& options, store::BlobStore& blobs,
                model::RecordSink& sink);

}  // namespace tafkik::ingest
