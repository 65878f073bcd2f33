# Integration tests: whole fixture sites, driven through the real executable.
# Each tests/invalid/<case>/ holds a site broken in one way and expected.txt.
file(GLOB INVALID_CASES RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/*)
foreach(case ${INVALID_CASES})
  if(IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/${case})
    add_test(NAME invalid.${case}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/run_invalid_case.sh $<TARGET_FILE:reportsite>
                     ${CMAKE_CURRENT_SOURCE_DIR}/tests/invalid/${case})
  endif()
endforeach()
