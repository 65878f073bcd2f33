#!/usr/bin/env python3
"""Mutation fuzzing of the example site's inputs, and a set of torture inputs.

    fuzz_inputs.py REPORTSITE [--seed S] [--runs N] [--seconds T] [--work DIR]

First every torture input (an alias bomb, a megabyte-long scalar, invalid UTF-8
where a calendar folds lines, UTF-16, tags, a theme partial that includes
itself, ...) is built once; then the example's files are mutated at random
(bytes flipped, cut, repeated, YAML punctuation and invalid bytes inserted)
until N runs or T seconds, whichever comes first. Every run must end within
its time limit with exit 0 or 1 (findings), never a crash, a hang or exit 2;
a failing case is copied to DIR/fail-N to reproduce.

CI runs it for about a minute on the normal build (see tests/tests.cmake). For
a release, run it longer on a sanitizer build:
  cmake -S . -B /tmp/build-asan -DCMAKE_BUILD_TYPE=Debug \\
        -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -O1 -fno-omit-frame-pointer"
  cmake --build /tmp/build-asan --target reportsite
  ASAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=98 \\
    python3 tests/fuzz/fuzz_inputs.py /tmp/build-asan/reportsite --seconds 1800
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MEETING = 'content/meetings/2018/2018-10-17-children-scrutiny.yaml'
TARGETS = [MEETING, 'data/glossary.yaml', 'content/actions/children-scrutiny.yaml',
           'content/reports/children-complaints/2017-18.yaml', 'content/pages/about.md', 'data/site.yaml',
           'data/committees.yaml']
INSERTS = [b'\n  - ', b': ', b'"', b'|\n', b'>-\n', b'\xff\xfe', b'\x00', b'<script>', b'\r\n', b'    ',
           b'*a', b'&a ', b'!!binary ', b'--- \n', b'[x](javascript:alert(1))', b'\x80' * 80, b'\xc3', b'\xed\xa0\x80']
PUNCTUATION = b' :-|>"\'\\\n\t[]{}#&*!%@`,?0a\xe2\x80\x98'


def torture_cases():
    """(name, {path: bytes}) pairs: inputs that once made the builder crash, hang or run out of memory."""
    meeting_head = b'committee: children-scrutiny\ndate: 2018-10-17\nstatus: confirmed\n'
    item = b'items:\n  - number: "1"\n    title: T\n'
    # One exchange, a thousand references to it, and two thousand items that
    # each take the thousand: 2 million exchanges from 90 KB.
    exchange = b'{asked_by: A Member, question: Why were the figures late, answered_by: An officer, answer: Staffing}'
    bomb = (meeting_head.replace(b'2018-10-17', b'2019-01-10') + b'items:\n  - number: "1"\n    title: T\n    discussion: &d [&e ' + exchange +
            b', ' + b', '.join([b'*e'] * 999) + b']\n' +
            b''.join(b'  - {number: "%d", title: T, discussion: *d}\n' % n for n in range(2, 2001)))
    cases = [
        ('alias-bomb', {'content/meetings/2019/2019-01-10-children-scrutiny.yaml': bomb}),
        ('alias-bomb-in-items', {MEETING: b'anchors:\n  - &a {number: "1", title: T}\n' + meeting_head +
                                 b'items:\n' + b'  - *a\n' * 20000}),
        ('long-plain-scalar', {MEETING: meeting_head + item + b'    minutes: ' + b'word ' * 400000 + b'\n'}),
        ('long-quoted-scalar', {MEETING: meeting_head + item + b'    minutes: "' + b'word ' * 400000 + b'"\n'}),
        ('continuation-bytes-in-venue', {MEETING: meeting_head + b'venue: ' + b'\x80' * 200 + b'\n' + item}),
        ('continuation-bytes-in-committee', {'data/committees.yaml': b'- id: children-scrutiny\n  name: ' +
                                             b'\xbf' * 300 + b'\n'}),
        ('latin-1', {MEETING: meeting_head + item + b'    minutes: Caf\xe9 opening hours were noted.\n'}),
        ('utf-16', {MEETING: b'\xff\xfe' + (meeting_head + item).decode().encode('utf-16-le')}),
        ('tags', {MEETING: meeting_head + item + b'    minutes: !!binary aGVsbG8=\n    resolved: !foo x\n'}),
        ('second-document', {MEETING: meeting_head + item + b'---\ncommittee: other\n'}),
        ('exempt-null', {MEETING: meeting_head + item + b'    exempt: ~\n    minutes: secret\n'}),
        ('items-as-scalars', {MEETING: meeting_head + b'items: [a, b]\n'}),
        ('hex-percentage', {'content/reports/children-complaints/2017-18.yaml': None}),  # filled below
        ('deep-nesting', {MEETING: meeting_head + item + b'    minutes: ' + b'[' * 5000 + b']' * 5000 + b'\n'}),
        ('javascript-link', {MEETING: meeting_head + item + b'    minutes: "[x](javascript:alert(1)) ![](vbscript:x)"\n'}),
        ('partial-includes-itself', {'themes/default/templates/page.mustache': b'<main>{{> loop}}</main>',
                                     'themes/default/partials/loop.mustache': b'<p>{{> loop}}</p>'}),
        ('partials-include-each-other', {'themes/default/templates/page.mustache': b'<main>{{> a}}</main>',
                                         'themes/default/partials/a.mustache': b'{{> b}}',
                                         'themes/default/partials/b.mustache': b'{{>a}}'}),
        ('year-9999', {'content/meetings/9999/9999-10-17-children-scrutiny.yaml':
                       meeting_head.replace(b'2018-10-17', b'9999-10-17') + item + b'    minutes: x\n'}),
        ('empty-file', {MEETING: b''}),
        ('nul-bytes', {MEETING: meeting_head + item + b'    minutes: a\x00b\n'}),
    ]
    report = open(os.path.join(ROOT, 'content/reports/children-complaints/2017-18.yaml'), 'rb').read()
    lines = report.split(b'\n')
    for i, line in enumerate(lines):
        if b'%' in line or b'share' in line or b'percent' in line:
            key = line.split(b':')[0]
            lines[i] = key + b': 0x10'
            break
    cases[[c[0] for c in cases].index('hex-percentage')] = (
        'hex-percentage', {'content/reports/children-complaints/2017-18.yaml': b'\n'.join(lines)})
    return cases


def mutate(rng, src):
    b = bytearray(src)
    for _ in range(rng.randint(1, 8)):
        op = rng.random()
        i = rng.randrange(len(b)) if b else 0
        if op < 0.3:
            b[i:i + 1] = bytes([rng.choice(PUNCTUATION)])
        elif op < 0.5:
            del b[i:i + rng.randint(1, 40)]
        elif op < 0.7:
            if b:  # repeat a run of the file elsewhere
                start = rng.randrange(len(b))
                b[i:i] = b[start:start + rng.randint(1, 60)]
        elif op < 0.8:
            b = b[:i]
        else:
            b[i:i] = rng.choice(INSERTS)
    return bytes(b)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('reportsite')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--runs', type=int, default=1000000)
    ap.add_argument('--seconds', type=float, default=60)
    ap.add_argument('--limit', type=float, default=20, help='seconds one run may take')
    ap.add_argument('--work', default=None)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = args.work or tempfile.mkdtemp(prefix='reportsite-fuzz-')
    base = os.path.join(work, 'base')
    shutil.rmtree(base, ignore_errors=True)
    for d in ('data', 'content', 'themes'):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(base, d))
    failures = 0
    runs = 0

    def run(label, changes, command):
        nonlocal failures, runs
        runs += 1
        site = os.path.join(work, 'site')
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(base, site)
        for path, data in changes.items():
            os.makedirs(os.path.dirname(os.path.join(site, path)), exist_ok=True)
            with open(os.path.join(site, path), 'wb') as f:
                f.write(data)
        argv = [args.reportsite, command, '--site', site]
        if command == 'build':
            argv += ['--out', os.path.join(work, 'out')]
            shutil.rmtree(os.path.join(work, 'out'), ignore_errors=True)
        start = time.monotonic()
        try:
            r = subprocess.run(argv, capture_output=True, timeout=args.limit)
            code, err = r.returncode, r.stderr.decode('utf-8', 'replace')
        except subprocess.TimeoutExpired:
            code, err = 'timeout', ''
        took = time.monotonic() - start
        if code not in (0, 1):
            failures += 1
            keep = os.path.join(work, 'fail-%d' % runs)
            shutil.copytree(site, keep)
            print('FAIL %s: %s exited %s after %.1f s; the site is kept in %s\n  %s' %
                  (label, command, code, took, keep, err[-400:].replace('\n', '\n  ')))
        return took

    for name, changes in torture_cases():
        took = run('torture ' + name, changes, 'build')
        print('torture %-32s %.2f s' % (name, took))
    deadline = time.monotonic() + args.seconds
    mutated = 0
    while mutated < args.runs and time.monotonic() < deadline:
        target = rng.choice(TARGETS)
        src = open(os.path.join(base, target), 'rb').read()
        run('mutation %d of %s (seed %d)' % (mutated, target, args.seed), {target: mutate(rng, src)},
            'build' if rng.random() < 0.25 else 'check')
        mutated += 1
    print('%d passed, %d failed' % (runs - failures, failures))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True) if failures == 0 else None
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
