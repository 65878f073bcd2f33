#!/usr/bin/env python3
"""Sanity checks for the labelled corpus in this folder (no dependencies).

    python3 tests/corpus/check_corpus.py

Checks column counts, unique ids, split values, the promise marks ⟦ ⟧
(every promise has at least one well-formed span, every none has none),
construction tags against the README list, the expect column of
abbreviations.tsv, and prints counts per construction and split.
"""
import collections, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []

def err(msg):
    errors.append(msg)

def read_tsv(name, header):
    rows = []
    with open(os.path.join(HERE, name), encoding='utf-8') as f:
        lines = f.read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if lines[0].split('\t') != header:
        err(f'{name}: header is {lines[0]!r}, expected {header}')
    seen = set()
    for n, line in enumerate(lines[1:], 2):
        cols = line.split('\t')
        if len(cols) != len(header):
            err(f'{name}:{n}: {len(cols)} columns, expected {len(header)}')
            continue
        row = dict(zip(header, cols))
        if row['id'] in seen:
            err(f'{name}:{n}: duplicate id {row["id"]}')
        seen.add(row['id'])
        # The fresh splits live in their own *_fresh.tsv and *_fresh2.tsv files (FRESH.md, FRESH2.md).
        # fresh2: odd-numbered rows became tuning data (fresh2a), even ones stay held out (fresh2b).
        # realmix (REALMIX.md): rewritten real agenda items, a third of the councils held out.
        # abbreviations_realmix.tsv (REALMIX-GLOSSARY.md): the same, for the glossary rules.
        # abbreviations_realmix2.tsv (REALMIX-GLOSSARY2.md): a second such set, from other bodies.
        wanted = (('realmix-g', 'realmix-g-heldout') if name == 'abbreviations_realmix.tsv'
                  else ('realmix-g2', 'realmix-g2-heldout') if name == 'abbreviations_realmix2.tsv'
                  else ('realmix', 'realmix-heldout') if name.endswith('_realmix.tsv')
                  else ('realmix2', 'realmix2-heldout') if name.endswith('_realmix2.tsv')
                  else ('realmix3', 'realmix3-heldout') if name.endswith('_realmix3.tsv')
                  else ('realmix4', 'realmix4-heldout') if name.endswith('_realmix4.tsv')
                  else ('realmix5', 'realmix5-heldout') if name.endswith('_realmix5.tsv')
                  else ('fresh3',) if name.endswith('_fresh3.tsv') else ('fresh2a', 'fresh2b') if name.endswith('_fresh2.tsv')
                  else ('fresh',) if name.endswith('_fresh.tsv') else None)
        if (row['split'] not in wanted) if wanted else row['split'] not in ('tune', 'heldout'):
            err(f'{name}:{n}: bad split {row["split"]!r}')
        if any(not c.strip() for c in cols):
            err(f'{name}:{n}: empty column')
        row['_line'] = n
        rows.append(row)
    return rows

def readme_tags(section):
    """Construction tags listed in README.md under a heading containing `section`."""
    tags, on = set(), False
    for line in open(os.path.join(HERE, 'README.md'), encoding='utf-8'):
        if line.startswith('#'):
            on = section in line
            continue
        m = re.match(r'\|\s*`([a-z0-9-]+)`\s*\|', line)
        if on and m:
            tags.add(m.group(1))
    return tags

SPAN = re.compile(r'⟦([^⟦⟧]+)⟧')

def spans(text):
    found = SPAN.findall(text)
    stripped = SPAN.sub('', text)
    if '⟦' in stripped or '⟧' in stripped:
        err(f'unbalanced or nested marks in: {text}')
    for s in found:
        if s != s.strip():
            err(f'span has outer spaces: ⟦{s}⟧')
    return found

# promises.tsv
P = (read_tsv('promises.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_fresh.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_fresh2.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_fresh3.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_realmix.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_realmix2.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_realmix3.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_realmix4.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']) +
     read_tsv('promises_realmix5.tsv', ['id', 'split', 'label', 'construction', 'text', 'why']))
promise_tags, none_tags = readme_tags('Promise constructions'), readme_tags('Near-miss constructions')
count = collections.Counter()
promises = collections.Counter()
for r in P:
    n, lab, c = r['_line'], r['label'], r['construction']
    sp = spans(r['text'])
    if lab == 'promise':
        if not sp:
            err(f'promises.tsv:{n}: promise without ⟦⟧')
        if c not in promise_tags:
            err(f'promises.tsv:{n}: tag {c!r} not in README promise list')
        if c.startswith('duplicate-') and len(sp) < 2:
            err(f'promises.tsv:{n}: duplicate-* needs both writings marked')
        if c == 'two-promises' and len(sp) != 2:
            err(f'promises.tsv:{n}: two-promises needs two spans')
        # promises a perfect checker should report: one per duplicate-* passage
        promises[r['split']] += 1 if c.startswith('duplicate-') else len(sp)
    elif lab == 'none':
        if sp:
            err(f'promises.tsv:{n}: none with ⟦⟧')
        if c not in none_tags:
            err(f'promises.tsv:{n}: tag {c!r} not in README near-miss list')
    else:
        err(f'promises.tsv:{n}: bad label {lab!r}')
    count[(lab, c, r['split'])] += 1

for tags in (promise_tags, none_tags):
    for t in sorted(tags):
        if not any(k[1] == t for k in count):
            err(f'README tag {t!r} has no sentence')
# The realmix splits take whatever sentences the chosen items hold, so only the
# constructions of the written splits need a tune and a heldout sentence.
for lab, c in sorted({(k[0], k[1]) for k in count if not k[2].startswith('realmix')}):
    if count[(lab, c, 'tune')] == 0 or count[(lab, c, 'heldout')] == 0:
        err(f'construction {c} lacks a tune or heldout sentence')

print('promises.tsv')
SPLITS = ('tune', 'heldout', 'fresh', 'fresh2a', 'fresh2b', 'fresh3', 'realmix', 'realmix-heldout', 'realmix2',
          'realmix2-heldout', 'realmix3', 'realmix3-heldout', 'realmix4', 'realmix4-heldout',
          'realmix5', 'realmix5-heldout')
print(f'  {"label":8} {"construction":28} {"tune":>5} {"held":>5} {"fresh":>5} {"f2a":>5} {"f2b":>5} {"f3":>5}'
      f' {"rmix":>5} {"rmixh":>5} {"rmx2":>5} {"rmx2h":>5} {"rmx3":>5} {"rmx3h":>5} {"rmx4":>5} {"rmx4h":>5} {"rmx5":>5} {"rmx5h":>5}'
      f' {"all":>5}')
for lab in ('promise', 'none'):
    for c in sorted({k[1] for k in count if k[0] == lab}):
        n = [count[(lab, c, sp)] for sp in SPLITS]
        print(f'  {lab:8} {c:28} ' + ' '.join(f'{v:5}' for v in n) + f' {sum(n):5}')
for lab in ('promise', 'none'):
    n = [sum(v for k, v in count.items() if k[0] == lab and k[2] == sp) for sp in SPLITS]
    print(f'  {lab:8} {"TOTAL lines":28} ' + ' '.join(f'{v:5}' for v in n) + f' {sum(n):5}')
print('  promises a perfect checker reports: ' + ', '.join(f'{sp} {promises[sp]}' for sp in SPLITS) +
      f', all {sum(promises[sp] for sp in SPLITS)}')

# realmix: items and councils, from the `[council-NN item-NNN kind]` prefix of `why`.
R = [r for r in P if r['split'].startswith('realmix')]
ITEM = re.compile(r'^\[council-(\d+) item-(\d+) ([a-z-]+)\] ')
for r in R:
    if not ITEM.match(r['why']):
        err(f'promises_realmix.tsv:{r["_line"]}: why lacks the [council-NN item-NNN kind] prefix')
for sp in SPLITS[6:]:
    rows = [r for r in R if r['split'] == sp]
    ms = [ITEM.match(r['why']) for r in rows]
    ms = [m for m in ms if m]
    print(f'  {sp}: {len(rows)} sentences, {sum(r["label"] == "promise" for r in rows)} promise rows, '
          f'{len({m.group(2) for m in ms})} items, {len({m.group(1) for m in ms})} councils')
split_of = {}
for r in R:
    m = ITEM.match(r['why'])
    # realmix2 numbers its councils from 201, realmix3 from 301, realmix4 from 401, realmix5 from 501, so one council
    # number never names two sets.
    if m and split_of.setdefault(m.group(1), r['split']) != r['split']:
        err(f'promises_realmix*.tsv:{r["_line"]}: council-{m.group(1)} is in two realmix splits')

# abbreviations.tsv
RULES = {'glossary.abbr-unknown', 'glossary.abbr-undefined', 'glossary.abbr-mismatch', 'glossary.avoid'}
A = (read_tsv('abbreviations.tsv', ['id', 'split', 'text', 'expect', 'why']) +
     read_tsv('abbreviations_fresh.tsv', ['id', 'split', 'text', 'expect', 'why']) +
     read_tsv('abbreviations_fresh2.tsv', ['id', 'split', 'text', 'expect', 'why']) +
     read_tsv('abbreviations_fresh3.tsv', ['id', 'split', 'text', 'expect', 'why']))
acount = collections.Counter()
for r in A:
    n, e = r['_line'], r['expect']
    if e == '-':
        acount[('-', r['split'])] += 1
        continue
    for item in e.split(';'):
        rule, _, tok = item.partition(':')
        if rule not in RULES or not tok:
            err(f'abbreviations.tsv:{n}: bad expect item {item!r}')
            continue
        if tok.lower() not in r['text'].lower():
            err(f'abbreviations.tsv:{n}: token {tok!r} not in text')
        acount[(rule, r['split'])] += 1
print('abbreviations.tsv')
print(f'  sentences: {len(A)} (tune {sum(r["split"] == "tune" for r in A)}, '
      f'heldout {sum(r["split"] == "heldout" for r in A)}, fresh {sum(r["split"] == "fresh" for r in A)}, '
      f'fresh2a {sum(r["split"] == "fresh2a" for r in A)}, fresh2b {sum(r["split"] == "fresh2b" for r in A)}, '
      f'fresh3 {sum(r["split"] == "fresh3" for r in A)})')
for k in sorted({k[0] for k in acount}):
    print(f'  {k:28} ' + '  '.join(f'{sp} {acount[(k, sp)]:4}' for sp in SPLITS if not sp.startswith('realmix')))

# abbreviations_realmix.tsv and abbreviations_realmix2.tsv: expect items, the
# `[council-NN page-NNN item-NNN kind]` prefix, and no council in both of a file's splits.
# realmix-g2 numbers its councils from 501 and draws each council's split once, by a fixed seed.
GPAGE = re.compile(r'^[a-z-]+: \[council-(\d+) page-(\d+) item-(\d+) ([a-z-]+)\]')
def g2_split(council):
    return 'realmix-g2-heldout' if random.Random(f'realmix-g2-council-{council}').random() < 1 / 3 else 'realmix-g2'
for gname, gsplits in (('abbreviations_realmix.tsv', ('realmix-g', 'realmix-g-heldout')),
                       ('abbreviations_realmix2.tsv', ('realmix-g2', 'realmix-g2-heldout'))):
    G = read_tsv(gname, ['id', 'split', 'text', 'expect', 'why'])
    g_split_of = {}
    for r in G:
        m = GPAGE.match(r['why'])
        if not m:
            err(f'{gname}:{r["_line"]}: why lacks the category: [council-NN page-NNN item-NNN kind] prefix')
        elif g_split_of.setdefault(m.group(1), r['split']) != r['split']:
            err(f'{gname}:{r["_line"]}: council-{m.group(1)} is in both of its splits')
        elif gsplits[0] == 'realmix-g2' and (int(m.group(1)) < 501 or g2_split(int(m.group(1))) != r['split']):
            err(f'{gname}:{r["_line"]}: council-{m.group(1)} is not numbered from 501 or not in its drawn split')
        for item in ([] if r['expect'] == '-' else r['expect'].split(';')):
            rule, _, tok = item.partition(':')
            if rule not in RULES or not tok or tok.lower() not in r['text'].lower():
                err(f'{gname}:{r["_line"]}: bad expect item {item!r}')
    print(gname)
    for sp in gsplits:
        rows = [r for r in G if r['split'] == sp]
        ms = [m for m in (GPAGE.match(r['why']) for r in rows) if m]
        findings = sum(0 if r['expect'] == '-' else len(r['expect'].split(';')) for r in rows)
        print(f'  {sp}: {len(rows)} sentences, {findings} expected findings, {len({m.group(3) for m in ms})} items, '
              f'{len({m.group(2) for m in ms})} pages, {len({m.group(1) for m in ms})} councils')

if errors:
    print(f'\n{len(errors)} error(s):')
    for e in errors:
        print('  ' + e)
    sys.exit(1)
print('\nOK')
