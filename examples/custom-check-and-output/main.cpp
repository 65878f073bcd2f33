// council-build SITE OUT: reportsite's build with a check and an output of
// the council's own, registered the way the built-in ones are.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <reportsite/pipeline/pipeline.h>
#include <reportsite/pipeline/registry.h>

namespace {

// council.no-venue: a meeting whose minutes do not say where it was held.
class NoVenueCheck : public rs::Check {
 public:
  std::string name() const override { return "council.no-venue"; }
  std::string version() const override { return "1"; }
  void run(const rs::CheckInput& in, rs::Findings&, rs::Diagnostics& diags) const override {
    for (const auto& m : in.model.meetings)
      if (m.venue.value.empty())
        diags.warning("council.no-venue", m.date.span, "meeting " + m.id + " does not say where it was held",
                      "add `venue:` to the meeting");
  }
};

// meetings-per-committee.txt: how many meetings each committee held.
class MeetingsPerCommittee : public rs::OutputKind {
 public:
  std::string name() const override { return "meetings-per-committee"; }
  std::string version() const override { return "1"; }
  void render(const rs::RenderContext& ctx, std::vector<rs::OutputFile>& out, rs::Diagnostics&) const override {
    std::string text;
    for (const auto& c : ctx.model.committees) {
      size_t n = 0;
      for (const auto& m : ctx.model.meetings) n += m.committee.value == c.id.value;
      text += c.id.value + "\t" + std::to_string(n) + "\n";
    }
    rs::OutputFile f;
    f.path = "meetings-per-committee.txt";
    f.bytes = text;
    out.push_back(std::move(f));
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: council-build SITE OUT\n");
    return 2;
  }
  rs::Registry registry = rs::builtin_registry();
  registry.add(std::make_unique<NoVenueCheck>()).add(std::make_unique<MeetingsPerCommittee>());

  rs::BuildOptions options;
  options.site_dir = argv[1];
  options.out_dir = argv[2];
  options.registry = &registry;
  rs::RealFileSystem fs;
  rs::BuildResult r = rs::build_site(fs, options);
  for (const auto& d : r.diagnostics) std::cerr << rs::format_text(d, r.model.sources);
  std::cerr << rs::summary_line(r.diagnostics) << "\n";
  std::cout << "library " << rs::library_version() << " build " << rs::build_id() << ": "
            << (r.published ? "published" : "not published") << ", " << r.files.size() << " files\n";
  return r.exit_code;
}
