#pragma once
// One row per undertaking, as the CSV export, the JSON export and the
// `reportsite undertakings` command all show it: one source for all three.
#include <string>
#include <vector>

#include "reportsite/model/model.h"
#include "reportsite/resolve/resolve.h"

namespace rs {

struct UndertakingRow {
  std::string id, text, owner, committee, meeting, given, item, due, state, status, latest_update, latest_note;
};

/// Column names, in order.
const std::vector<std::string>& undertaking_columns();
std::vector<std::string> cells(const UndertakingRow& row);
UndertakingRow undertaking_row(const Model& model, const ResolvedSite& site, const ResolvedUndertaking& ru);
/// RFC 4180: CRLF line ends, fields quoted where needed, the plain text of each field;
/// a field starting with = + - @ tab or CR gets a leading ' so a spreadsheet shows it as text.
std::string to_csv(const std::vector<UndertakingRow>& rows);
/// The same rules for any table: a line per row, the first the header.
std::string csv_table(const std::vector<std::vector<std::string>>& lines);
std::string to_json(const std::vector<UndertakingRow>& rows, const Date& as_of, const Licence& licence);
/// {"id", "name", "url"} of the terms the data may be reused on.
std::string licence_json(const Licence& licence);
/// iCalendar (RFC 5545): an all-day event on each resolved due date, stable UIDs.
std::string to_ics(const Model& model, const ResolvedSite& site, const std::string& calendar_name);

}  // namespace rs
