#pragma once
// A meeting's minutes as an Akoma Ntoso 3.0 debate document (akoma_ntoso.cpp).
#include <string>

#include "reportsite/render/output.h"

namespace rs {

/// Where a meeting's document is published: "meetings/<id>/<id>.akn.xml".
std::string akn_path(const Meeting& m);
/// The document's bytes.
std::string meeting_akn(const RenderContext& ctx, const Meeting& m);

}  // namespace rs
