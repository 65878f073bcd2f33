#pragma once
// The offline search index. A fetch() of JSON fails from file://, so the index
// is JavaScript loaded by <script> tags: one file of documents, and the terms
// split by first character so a query loads only the shards it needs. Filters
// (committee, year, kind) are runs of document numbers in a file each, read
// only once that filter is chosen.
#include <string>
#include <vector>

namespace rs {

/// English plural and possessive stemming, the same rules as search.js.
std::string search_stem(const std::string& word);
/// Lower-cased word tokens of plain text.
std::vector<std::string> search_tokens(const std::string& text);
/// What a result keeps of `text`: all of it, or about `limit` bytes cut at a space, whole characters only.
std::string search_snippet(const std::string& text, size_t limit = 240);

}  // namespace rs
