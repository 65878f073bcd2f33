# Writes a C++ source holding every file of the default theme as bytes, so the
# executable carries its theme and a site needs no themes/ folder.
file(GLOB_RECURSE files RELATIVE ${THEME_DIR} ${THEME_DIR}/*)
list(SORT files)
set(body "// Generated from themes/default by cmake/embed_theme.cmake. Do not edit.\n#include <map>\n#include <string>\nnamespace rs {\nconst std::map<std::string, std::string>& builtin_theme_files() {\n  static const std::map<std::string, std::string> files = {\n")
foreach(f ${files})
  file(READ ${THEME_DIR}/${f} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" escaped "${hex}")
  # Split the literal so no line is too long for the compiler.
  string(REGEX REPLACE "((\\\\x[0-9a-f][0-9a-f]){200})" "\\1\"\n\"" escaped "${escaped}")
  string(APPEND body "    {\"${f}\", std::string(\"${escaped}\", ")
  file(SIZE ${THEME_DIR}/${f} size)
  string(APPEND body "${size})},\n")
endforeach()
string(APPEND body "  };\n  return files;\n}\n}  // namespace rs\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
