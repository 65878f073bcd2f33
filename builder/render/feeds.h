#pragma once
// What the feeds and calendars work out about a meeting, apart so it is tested.
#include <optional>
#include <string>

#include "reportsite/model/model.h"

namespace rs {

/// An Atom entry's `updated` (RFC 3339, UTC) with no clock: the meeting's date
/// while its minutes are draft, the day after once confirmed (so confirming always
/// moves it on), at a time of day drawn from a hash of `published`, the entry's
/// public content, so any change to what is published moves it as well.
std::string atom_updated(const Meeting& m, const std::string& published);
/// "19:30" as minutes past midnight; nullopt for anything else ("7.30 pm", "").
std::optional<int> meeting_minutes(const std::string& time);

}  // namespace rs
