# Integration tests: whole fixture sites, driven through the real executable.
# Each tests/invalid/<case>/ holds a site broken in one way and expected.txt.
file(GLOB INVALID_CASES CONFIGURE_DEPENDS RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/*)
foreach(case ${INVALID_CASES})
  if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/${case})
    add_test(NAME invalid.${case}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/run_invalid_case.sh $<TARGET_FILE:reportsite>
                     ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/${case})
    set_tests_properties(invalid.${case} PROPERTIES LABELS "integration;invalid" TIMEOUT 30)
  endif()
endforeach()

# Scripts in tests/integration/, each taking the executable as its argument
# and printing one line per thing it checked.
foreach(script exempt xss deterministic atomic cli page_check_themes incremental watch output_folder output_marker plugins plugin_protocol bounded_pages init
               import_moderngov fetch_moderngov import_moderngov_generated)
  add_test(NAME integration.${script}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/${script}.sh $<TARGET_FILE:reportsite>)
  set_tests_properties(integration.${script} PROPERTIES LABELS integration TIMEOUT 60)
endforeach()
# It builds a 400-meeting site a few times (the swap of a large rebuild, two builds at once).
set_tests_properties(integration.output_folder PROPERTIES TIMEOUT 300)

# The library installed and linked by another program (examples/custom-check-and-output).
add_test(NAME integration.installed_package
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/installed_package.sh ${CMAKE_BINARY_DIR})
set_tests_properties(integration.installed_package PROPERTIES LABELS integration TIMEOUT 300)

# Fuzzing, bounded: the torture inputs once, then about 45 seconds of mutations
# of the example (a longer run on a sanitizer build is for releases: see the script).
add_test(NAME fuzz.inputs
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/fuzz_inputs.py $<TARGET_FILE:reportsite> --seconds 45)
set_tests_properties(fuzz.inputs PROPERTIES LABELS fuzz TIMEOUT 300)

# Akoma Ntoso: every meeting of a generated archive against the OASIS schema (tests/schemas/akomantoso).
add_executable(akn_validate tests/akn_validate.cpp)
target_link_libraries(akn_validate PRIVATE LibXml2::LibXml2)
target_include_directories(akn_validate PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/tests)
add_test(NAME integration.akoma_ntoso
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/akoma_ntoso.sh $<TARGET_FILE:reportsite> $<TARGET_FILE:akn_validate>)
set_tests_properties(integration.akoma_ntoso PROPERTIES LABELS integration TIMEOUT 120)

# The whole-model JSON (data/open-data.json) against its published schema, and
# its and the CSVs' complaint figures against the built report pages (HTML
# read by Python's html.parser). Needs python3-jsonschema, which Debian puts
# under /usr/bin/python3.
add_test(NAME integration.open_data
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/open_data.py
                 $<TARGET_FILE:reportsite> ${CMAKE_CURRENT_SOURCE_DIR})
set_tests_properties(integration.open_data PROPERTIES LABELS integration TIMEOUT 120)
# The input schemas (reportsite schema) judged by python3-jsonschema: every valid fixture site
# accepted, the unknown-key and wrong-type invalid fixtures flagged where the builder says.
add_test(NAME integration.input_schemas
         COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/input_schemas.py $<TARGET_FILE:reportsite> ${CMAKE_CURRENT_SOURCE_DIR})
set_tests_properties(integration.input_schemas PROPERTIES LABELS integration TIMEOUT 120)

# Every finding's message and suggestion on one line, over every rule the fixture sites raise
# and a site whose quoted input is broken across lines (issue 19, item 5).
add_test(NAME integration.one_line_messages
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/one_line_messages.sh $<TARGET_FILE:reportsite> ${CMAKE_CURRENT_SOURCE_DIR})
set_tests_properties(integration.one_line_messages PROPERTIES LABELS integration TIMEOUT 120)

# The benchmark's smoke run: both corpora at 50 meetings, every step (cold,
# no-change, one edit, watch's edit published) must run; a few seconds. The
# timed runs at 1,000 and more meetings are by hand: tests/bench/README.md.
add_test(NAME bench.smoke
         COMMAND ${CMAKE_COMMAND} -E env REPORTSITE=$<TARGET_FILE:reportsite> BENCH_DIR=${CMAKE_BINARY_DIR}/bench-smoke
                 bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/bench/bench.sh --smoke)
set_tests_properties(bench.smoke PROPERTIES LABELS bench TIMEOUT 120)
