# Browser tests: the built site opened from file:// in headless Chromium,
# every request to another host blocked; axe-core, keyboard, search, Nu checker.
add_test(NAME browser.example
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/browser/ctest-site.sh $<TARGET_FILE:reportsite> example)
add_test(NAME browser.register
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/browser/ctest-site.sh $<TARGET_FILE:reportsite> register)
add_test(NAME browser.large
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/browser/ctest-site.sh $<TARGET_FILE:reportsite> large)
add_test(NAME browser.init
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/browser/ctest-site.sh $<TARGET_FILE:reportsite> init)
add_test(NAME browser.import
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/browser/ctest-site.sh $<TARGET_FILE:reportsite> import)
set_tests_properties(browser.example browser.register browser.large browser.init browser.import PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)
