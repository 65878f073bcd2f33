#!/usr/bin/env python3
"""The input schemas that `reportsite schema` writes, judged by an independent
validator (python3-jsonschema) on real files:

- every file of every valid site (the example at the repository's root, the
  sites under tests/ that build, a generated corpus and a site from
  `reportsite init`) is accepted;
- each invalid fixture whose fault is an unknown key or a wrong type
  (tests/invalid/<case>, rule load.unknown-key or load.type) is flagged, in
  the file and at the key the builder names;
- every example a schema gives is accepted by the schema of its own key.

YAML is read as an editor's yaml-language-server reads it (YAML 1.2): a date
stays text and only true/false are booleans.

Usage: input_schemas.py REPORTSITE SOURCE_DIR
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                   re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL", message)


# Which schema a YAML file follows is decided as the editor decides it: from the
# yaml.schemas globs that `reportsite init` writes into .vscode/settings.json,
# matched as yaml-language-server matches them (the glob, `**` any characters,
# `*` any but `/`, against the end of the file's path). Set by main().
associations = []


def glob_regexp(glob):
    out = ""
    i = 0
    while i < len(glob):
        if glob.startswith("**", i):
            out += ".*"
            i += 2
        elif glob[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(glob[i])
            i += 1
    return re.compile(out + "$")


def kind_of(path):
    if re.search(r"/content/pages/[^/]+\.md$", path):
        return "page"  # front matter: not mapped for the editor, checked here all the same
    kinds = [kind for rx, kind in associations if rx.search(path)]
    if len(kinds) > 1:
        fail("%s matches the globs of %s" % (path, kinds))
    return kinds[0] if kinds else None


def read_input(path, kind):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    if kind == "page":
        m = re.match(r"---\r?\n(.*?)^---\r?$", text, re.S | re.M)
        if not m:
            raise ValueError("no front matter")
        text = m.group(1)
    return yaml.load(text, Loader=Yaml12Loader)


def site_files(site):
    for folder in ("data", "content"):
        for root, _, names in os.walk(os.path.join(site, folder)):
            for name in sorted(names):
                path = os.path.join(root, name)
                relative = os.path.relpath(path, site).replace(os.sep, "/")
                kind = kind_of(os.path.abspath(path).replace(os.sep, "/"))
                if kind:
                    yield relative, path, kind
                elif name.endswith(".yaml"):
                    fail("%s: no glob of .vscode/settings.json reaches this input file" % relative)


def errors_in(site, validators):
    """(relative path, error) for every error the schemas find in a site; files read as counted."""
    found, files = [], 0
    for relative, path, kind in site_files(site):
        files += 1
        try:
            value = read_input(path, kind)
        except (yaml.YAMLError, ValueError, UnicodeDecodeError) as e:
            found.append((relative, "not readable: %s" % str(e).splitlines()[0]))
            continue
        for e in validators[kind].iter_errors(value):
            found.append((relative, e))
    return found, files


def describe(e):
    if isinstance(e, str):
        return e
    return "%s at /%s" % (e.message, "/".join(str(p) for p in e.absolute_path))


def mentions(e, word):
    """Whether a schema error is about `word` (a key or the value at a key); anyOf's branches count."""
    if isinstance(e, str):
        return False
    if word in [str(p) for p in e.absolute_path] or word in e.message:
        return True
    return any(mentions(c, word) for c in (e.context or []))


def main():
    reportsite, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp()
    try:
        return check(reportsite, source, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check(reportsite, source, work):
    schemas = os.path.join(work, "schemas")
    subprocess.run([reportsite, "schema", "--out", schemas], check=True, stdout=subprocess.DEVNULL)
    validators = {}
    for name in sorted(os.listdir(schemas)):
        with open(os.path.join(schemas, name), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[name[: -len(".schema.json")]] = jsonschema.Draft7Validator(schema)
    expected = {"site", "committees", "people", "glossary", "meeting", "report", "actions", "page"}
    if set(validators) != expected:
        fail("reportsite schema wrote %s, not one schema for each of %s" % (sorted(validators), sorted(expected)))
    else:
        print("ok   %d schemas, each a valid draft-07 schema" % len(validators))

    # Every example is valid for its own key.
    examples = 0

    def walk(node, where):
        nonlocal examples
        if isinstance(node, dict):
            for value in node.get("examples", []):
                examples += 1
                sub = {k: v for k, v in node.items() if k not in ("examples", "description", "markdownDescription")}
                for e in jsonschema.Draft7Validator(sub).iter_errors(value):
                    fail("%s: example %s: %s" % (where, json.dumps(value), e.message))
            for k, v in node.items():
                walk(v, where + "/" + k)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, "%s/%d" % (where, i))

    for name, v in validators.items():
        walk(v.schema, name)
    print("ok   %d examples checked against their keys' schemas" % examples)

    # Valid sites: no error at all.
    init_site = os.path.join(work, "init")
    subprocess.run([reportsite, "init", init_site, "--organisation", "Test Borough Council", "--committee",
                    "Audit Committee", "--committee", "cabinet=Cabinet"], check=True, stdout=subprocess.DEVNULL)
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(source, "tests/bench/gen_corpus.py"), "--meetings", "60",
                    "--out", corpus, "--jobs", "1"], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(init_site, ".vscode/settings.json"), encoding="utf-8") as f:
        for schema, globs in json.load(f)["yaml.schemas"].items():
            kind = os.path.basename(schema)[: -len(".schema.json")]
            if not os.path.isfile(os.path.join(init_site, schema)):
                fail(".vscode/settings.json names %s, which init did not write" % schema)
            associations.extend((glob_regexp(g), kind) for g in globs)
    print("ok   %d globs read from an init site's .vscode/settings.json" % len(associations))
    valid = [source] + [os.path.join(source, "tests/sites", s) for s in sorted(os.listdir(os.path.join(source, "tests/sites")))]
    valid += [os.path.join(source, "tests/check-golden/seed-untracked"), corpus, init_site]
    for site in valid:
        found, files = errors_in(site, validators)
        name = os.path.relpath(site, source) if site.startswith(source) else os.path.basename(site)
        if files == 0:
            fail("%s: no input files found" % name)
        elif found:
            fail("%s: %d schema errors in a site that builds:" % (name, len(found)))
            for relative, e in found[:20]:
                print("     %s: %s" % (relative, describe(e)))
        else:
            print("ok   %s: all %d input files accepted" % (name, files))

    # Invalid fixtures whose fault is an unknown key or a wrong type: flagged where the builder says.
    header = re.compile(r"^(\S+?):(\d+):(\d+): error: (.*) \[(load\.unknown-key|load\.type)\]$")
    cases = 0
    for case in sorted(os.listdir(os.path.join(source, "tests/invalid"))):
        folder = os.path.join(source, "tests/invalid", case)
        with open(os.path.join(folder, "expected.txt"), encoding="utf-8") as f:
            wanted = [m.groups() for m in map(header.match, f.read().splitlines()) if m]
        if not wanted:
            continue
        cases += 1
        found, _ = errors_in(folder, validators)
        for path, line, col, message, rule in wanted:
            # The key the builder names: `reprot_of` in an unknown-key message, the value's key in a type error.
            m = re.search(r"`([^`]+)`", message) if rule == "load.unknown-key" else re.match(r"(?:each )?([a-z_]+)", message)
            word = m.group(1) if m else ""
            if word == "agenda":  # "each agenda item must be a mapping": the items list
                word = "items"
            hits = [e for relative, e in found if relative == path and mentions(e, word)]
            if hits:
                print("ok   invalid/%s: %s:%s flagged (%s): %s" % (case, path, line, rule, describe(hits[0])))
            else:
                fail("invalid/%s: the schema does not flag %s:%s:%s (%s, `%s`); it found: %s" % (
                    case, path, line, col, rule, word, "; ".join("%s: %s" % (r, describe(e)) for r, e in found) or "nothing"))
    if cases < 4:
        fail("only %d invalid fixtures with load.unknown-key or load.type were found, not 4 or more" % cases)

    if failures:
        print("%d check(s) failed" % failures)
        return 1
    print("input schemas: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
