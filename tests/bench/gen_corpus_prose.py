#!/usr/bin/env python3
"""Write a second benchmark corpus with other text statistics than gen_corpus.py.

    gen_corpus_prose.py --meetings N --out DIR [--seed S] [--hugo HUGO_DIR]

Same arguments, same site layout and the same Hugo twin as gen_corpus.py, but
meetings carry more items (3 to 6 substantive ones, not 1 to 3), longer prose
(3 to 5 paragraphs of facts, answers of 2 to 4 paragraphs) and fewer undertakings
(6% of answers instead of 20%), so a build spends its time on text rather
than on the undertakings register. Deterministic in the same way.
"""

import os
import sys

sys.dont_write_bytecode = True     # no __pycache__ beside the generator
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_corpus  # noqa: E402

gen_corpus.STATS.update(
    items=(3, 6),
    facts=(3, 5),
    exchanges=(2, 4),
    extra_answers=(1, 3),
    undertaking_rate=0.06,
)

if __name__ == "__main__":
    gen_corpus.main()
