# Golden files of `reportsite check`: the example site's findings (issue: the
# seed's EHCP expansion and SLA; the quoted 'Afghani' not flagged), and the seed
# without its structured undertakings (both promises found).
add_test(NAME check.golden.example
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/check-golden/run.sh $<TARGET_FILE:reportsite>
                 ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/tests/check-golden/example.txt)
add_test(NAME check.golden.seed-untracked
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/check-golden/run.sh $<TARGET_FILE:reportsite>
                 ${CMAKE_CURRENT_SOURCE_DIR}/tests/check-golden/seed-untracked
                 ${CMAKE_CURRENT_SOURCE_DIR}/tests/check-golden/seed-untracked.txt)
