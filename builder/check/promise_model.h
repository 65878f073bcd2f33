#pragma once
// A second opinion on each promise the clause rules find. The rules
// (promise_phrases.h) see a construction; in real minutes most "would" and
// "to be" clauses are narrative, plans or the committee's own decisions, and
// the words around the construction tell them apart better than more rules.
// A logistic model over those words, trained on tests/corpus by
// tests/corpus/train_promise_model.py, keeps a phrase only when it scores at
// least the model's threshold. Weights ship as data (promise_model_weights.h).
#include <string>
#include <string_view>
#include <vector>

#include "reportsite/check/promise_phrases.h"

namespace rs {

/// The words around `phrase` in its sentence, as features named by where they
/// stand ("P:would_provide", "L1:officer", "R:circulate", "S:resolved").
std::vector<std::string> promise_features(std::string_view text, const PromisePhrase& phrase);

/// The model's probability that `phrase` is a promise, from its features.
double promise_score(const std::vector<std::string>& features);

/// The score at or above which a phrase is reported by default.
double promise_threshold();

/// Where a phrase the rules found is reported: by default, or only in the
/// "possible promise" tier, which is off by default. Constructions that are
/// seldom a promise in real minutes go to the possible tier.
enum class PromiseTier { reported, possible };
PromiseTier promise_tier(std::string_view text, const PromisePhrase& phrase);
/// The tier a construction's findings go to before the model is asked.
PromiseTier promise_tier_of_construction(std::string_view construction);

/// find_promises, keeping the phrases of the reported tier.
std::vector<PromisePhrase> find_reported_promises(std::string_view text);

/// find_promises, keeping the phrases of the possible tier only.
std::vector<PromisePhrase> find_possible_promises(std::string_view text);

}  // namespace rs
