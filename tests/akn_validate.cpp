// akn_validate SCHEMA.xsd FILE...: each file against the Akoma Ntoso schema and
// its own references (tests/akn_check.h); prints each problem, exits 1 on any.
#include <fstream>
#include <iostream>
#include <sstream>

#include "akn_check.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: akn_validate SCHEMA.xsd FILE...\n";
    return 2;
  }
  rs::akn::Schema schema(argv[1]);
  if (!schema.ok()) {
    std::cerr << "akn_validate: cannot read the schema " << argv[1] << "\n";
    return 2;
  }
  int bad = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto problems = schema.problems(bytes.str());
    for (const auto& p : problems) std::cout << argv[i] << ": " << p << "\n";
    bad += !problems.empty();
  }
  std::cout << argc - 2 - bad << " valid, " << bad << " invalid\n";
  return bad ? 1 : 0;
}
