#pragma once
// Written by tests/corpus/train_promise_model.py; do not edit by hand.
// An empty model: every phrase the rules find is reported.
namespace rs {
inline constexpr const char* kPromiseModelWeights = "threshold\t0\n";
}
