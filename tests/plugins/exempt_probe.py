#!/usr/bin/env python3
"""A plugin that writes every key and string it is sent, one a line, to the
file named by REPORTSITE_PROBE_OUT (outside the output), so a test can check
that exempt text never reached a plugin. It answers with nothing to say."""
import json
import os
import sys

if len(sys.argv) > 1 and sys.argv[1] == "supports":
    sys.exit(0)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)


document = json.load(sys.stdin)
with open(os.environ["REPORTSITE_PROBE_OUT"], "w", encoding="utf-8") as f:
    for s in strings(document):
        f.write(s.replace("\n", " ") + "\n")
json.dump({}, sys.stdout)
