#pragma once
// Who built this: the library's version, and an id of the exact code, fixed
// when it was compiled (a hash of the library's sources and the compiler),
// so pages drawn by another build of the library are never reused, whichever
// program links it.
namespace rs {

const char* library_version();
const char* build_id();

}  // namespace rs
