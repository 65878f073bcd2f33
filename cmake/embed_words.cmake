# Writes a C++ source holding the lower-case words of Debian's British English
# word list (wbritish), sorted, so the glossary check knows an ordinary word in
# capitals ("HOPE", "UNISON") by a real list and the executable needs no file.
file(STRINGS ${WORDS} words REGEX "^[a-z]+$")
list(REMOVE_DUPLICATES words)
list(SORT words)
list(LENGTH words count)
string(REPLACE ";" "\n" joined "${words}")
file(WRITE ${OUT}.tmp "// Generated from ${WORDS} by cmake/embed_words.cmake. Do not edit.\n"
     "#include <string_view>\nnamespace rs {\n"
     "extern const std::string_view kEnglishWords;\n"
     "// ${count} words, sorted, one a line.\n"
     "const std::string_view kEnglishWords = R\"words(${joined}\n)words\";\n}  // namespace rs\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
