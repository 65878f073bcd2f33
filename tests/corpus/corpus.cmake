# The corpus scorer (issue 12, part 2): runs undertaking.untracked and the
# glossary rules on the labelled corpus in tests/corpus/ and fails when a
# figure falls below its floor in tests/corpus/floors.txt. See README.md there.
add_executable(corpus_score ${CMAKE_CURRENT_SOURCE_DIR}/tests/corpus/corpus_score.cpp)
target_link_libraries(corpus_score PRIVATE rs_load rs_check)
target_compile_definitions(corpus_score PRIVATE REPORTSITE_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
add_test(NAME corpus.score
         COMMAND corpus_score --floors ${CMAKE_CURRENT_SOURCE_DIR}/tests/corpus/floors.txt
                 ${CMAKE_CURRENT_SOURCE_DIR}/tests/corpus)
set_tests_properties(corpus.score PROPERTIES LABELS corpus TIMEOUT 30)
