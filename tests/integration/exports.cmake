# The example site's exports read by independent readers (Python standard
# library only): CSV round trip, an RFC 5545 reader, JSON.
# Included from the top-level CMakeLists.txt: include(tests/integration/exports.cmake)
add_test(NAME exports.independent
         COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/tests/integration/exports_independent.py
                 $<TARGET_FILE:reportsite> ${CMAKE_CURRENT_SOURCE_DIR})
set_tests_properties(exports.independent PROPERTIES LABELS integration TIMEOUT 60)
