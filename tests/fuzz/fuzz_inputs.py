"""Mutation fuzzing of the example site's inputs: bytes flipped, cut, repeated;
`reportsite check` must exit 0 or 1, never crash. Not run in CI (slow); run it on a
sanitizer build:
  cmake -S . -B /tmp/build-asan -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -O1"
  cmake --build /tmp/build-asan --target reportsite
  ASAN_OPTIONS=exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=98 \\
    python3 tests/fuzz/fuzz_inputs.py /tmp/build-asan/reportsite SEED RUNS
"""
import random, shutil, subprocess, os, sys
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
bin = sys.argv[1]
work = os.environ.get('FUZZ_DIR', '/tmp/reportsite-fuzz')
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
base = work + '/base'
if not os.path.exists(base):
    os.makedirs(base)
    for d in ('data', 'content'):
        shutil.copytree(root + '/' + d, base + '/' + d)
targets = ['content/meetings/2018/2018-10-17-children-scrutiny.yaml', 'data/glossary.yaml', 'content/actions/children-scrutiny.yaml',
           'content/reports/children-complaints/2017-18.yaml', 'content/pages/about.md', 'data/site.yaml', 'data/committees.yaml']
crashes = 0
for n in range(int(sys.argv[3]) if len(sys.argv) > 3 else 300):
    t = random.choice(targets)
    src = open(base + '/' + t, 'rb').read()
    b = bytearray(src)
    for _ in range(random.randint(1, 8)):
        op = random.random()
        i = random.randrange(len(b)) if b else 0
        if op < 0.3: b[i:i+1] = bytes([random.choice(b' :-|>"\'\\\n\t[]{}#&*!%@`,?0a\xe2\x80\x98')])
        elif op < 0.5: del b[i:i+random.randint(1, 40)]
        elif op < 0.7: b[i:i] = b[random.randrange(len(b)):][:random.randint(1, 60)]
        elif op < 0.8: b = b[:i]
        else: b[i:i] = random.choice([b'\n  - ', b': ', b'"', b'|\n', b'>-\n', b'\xff\xfe', b'\x00', b'<script>', b'\r\n', b'    '])
    site = work + '/site'
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(base, site)
    open(site + '/' + t, 'wb').write(bytes(b))
    r = subprocess.run([bin, 'check', '--site', site], capture_output=True, timeout=60)
    if r.returncode not in (0, 1):
        crashes += 1
        keep = work + '/crash-%d' % n
        shutil.copytree(site, keep)
        print('exit', r.returncode, t, keep, r.stderr[-300:])
print('runs done, unexpected exits:', crashes)
