#!/usr/bin/env node
// Opens every page of a built site from file:// in headless Chromium and fails a page on any
// axe-core violation (WCAG 2.0/2.1/2.2 A and AA, and best practice), any request to another host,
// any JavaScript error and any console error (a missing local file shows up as one).
'use strict';
const fs = require('fs');
const { launch, watchProblems, listHtml, fileUrl, requireDir } = require('./lib/browser');

const USAGE = `usage: browser-test.js SITE_DIR [--pages GLOB[,GLOB...]] [--max-per-kind N] [--jobs N]
  --pages         only pages matching these globs, relative to SITE_DIR (* within a folder, ** across)
  --max-per-kind  at most N pages per top-level folder, spread evenly over the sorted list
  --jobs          pages checked at once (default 2)
exit: 0 every page passed, 1 some page failed, 2 usage error or crash`;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const PAGE_TIMEOUT_MS = 30000;
const PHONE_WIDTHS = [320];

/// Run in the page: what a reader would have to scroll sideways to see. The page itself must not
/// be wider than the window. A table of figures may scroll sideways inside a labelled region a
/// keyboard can reach (its two-dimensional layout carries its meaning: WCAG 1.4.10's exception);
/// a list of records (the register, table.register) is stacked on a phone, never panned.
function sidewaysScrolling() {
  const out = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) {
    const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > doc.clientWidth + 1);
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
    // The outermost elements that stick out say where the problem is.
    const outer = wide.filter(e => !wide.includes(e.parentElement)).slice(0, 3).map(name);
    out.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window (${outer.join(', ')})`);
  }
  for (const table of document.querySelectorAll('table')) {
    for (let box = table.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      const labelledRegion = box.getAttribute('role') === 'region' && box.hasAttribute('aria-label') &&
        box.tabIndex >= 0;
      if (labelledRegion && !table.classList.contains('register')) break;
      if (/(auto|scroll)/.test(style.overflowX) && box.scrollWidth > box.clientWidth + 1) {
        const caption = table.caption ? table.caption.textContent.trim().slice(0, 60) : '(no caption)';
        out.push(`the table "${caption}" scrolls sideways (${box.scrollWidth} px in ${box.clientWidth} px)`);
        break;
      }
    }
  }
  return out;
}

function parseArgs(argv) {
  const opts = { siteDir: null, globs: [], maxPerKind: 0, jobs: 2 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usageError(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--pages') opts.globs.push(...value().split(',').map(s => s.trim()).filter(Boolean));
    else if (a === '--max-per-kind') opts.maxPerKind = positiveInt(a, value());
    else if (a === '--jobs') opts.jobs = positiveInt(a, value());
    else if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    else if (a.startsWith('-')) usageError(`unknown option ${a}`);
    else if (!opts.siteDir) opts.siteDir = a;
    else usageError(`unexpected argument ${a}`);
  }
  requireDir(opts.siteDir, USAGE);
  return opts;
}

function usageError(msg) {
  console.error(msg);
  console.error(USAGE);
  process.exit(2);
}

function positiveInt(name, s) {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) usageError(`${name} wants a whole number above 0, not '${s}'`);
  return n;
}

/// A RegExp for a glob-ish pattern: '**' spans folders, '*' and '?' stay within one.
function globToRegExp(glob) {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') { i++; re += '(?:.*/)?'; } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/// Up to n pages from each top-level folder (the root's own pages form one kind), evenly spread
/// over that kind's sorted pages so the first and last are always among them.
function samplePerKind(pages, n) {
  const kinds = new Map();
  for (const p of pages) {
    const kind = p.includes('/') ? p.slice(0, p.indexOf('/')) : '.';
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind).push(p);
  }
  const chosen = [];
  for (const list of kinds.values()) {
    if (list.length <= n) { chosen.push(...list); continue; }
    const picked = new Set();
    for (let k = 0; k < n; k++) picked.add(n === 1 ? 0 : Math.round(k * (list.length - 1) / (n - 1)));
    chosen.push(...[...picked].map(i => list[i]));
  }
  return chosen.sort();
}

function selectPages(opts) {
  let pages = listHtml(opts.siteDir);
  if (opts.globs.length) {
    const res = opts.globs.map(globToRegExp);
    pages = pages.filter(p => res.some(re => re.test(p)));
  }
  if (opts.maxPerKind) pages = samplePerKind(pages, opts.maxPerKind);
  return pages;
}

/// Problems found on one page, as printable lines; empty when it passed.
async function checkPage(browser, siteDir, rel, axeSource) {
  const { page, watch } = await browser.newPage();
  const problems = [];
  try {
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const response = await page.goto(fileUrl(siteDir, rel), { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (response && !response.ok()) problems.push(`could not load: status ${response.status()}`);
    // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
    await page.evaluate(axeSource);
    const result = await page.evaluate(tags => window.axe.run(document, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
      // No CSSOM preload: it fetches stylesheets by XHR, which file:// pages may not do (so axe's
      // css-orientation-lock rule is left unchecked rather than every page failing).
      preload: false,
    }), AXE_TAGS);
    for (const v of result.violations) {
      problems.push(`axe ${v.id} (${v.impact}): ${v.help}`);
      for (const node of v.nodes) problems.push(`    ${node.target.map(t => [].concat(t).join(' >>> ')).join(' ')}`);
    }
    // The same page on a small phone (WCAG 1.4.10 Reflow: 320 CSS px), then back.
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 640 });
      for (const p of await page.evaluate(sidewaysScrolling)) problems.push(`at ${width} px: ${p}`);
      const small = await page.evaluate(tags => window.axe.run(document, {
        runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false,
      }), AXE_TAGS);
      for (const v of small.violations) problems.push(`at ${width} px: axe ${v.id} (${v.impact}): ${v.help}`);
    }
  } catch (e) {
    problems.push(`could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return [...problems, ...watchProblems(watch)];
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const pages = selectPages(opts);
  if (!pages.length) {
    console.log(`no pages matched under ${opts.siteDir}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const browser = await launch();
  const results = new Array(pages.length);
  let next = 0, printed = 0, passed = 0, failed = 0;
  // Results are printed in page order, whichever worker finishes first.
  const flush = () => {
    while (printed < pages.length && results[printed]) {
      const problems = results[printed];
      if (problems.length) {
        failed++;
        console.log(`FAIL ${pages[printed]}`);
        for (const line of problems) console.log(`  ${line}`);
      } else {
        passed++;
        console.log(`ok ${pages[printed]}`);
      }
      printed++;
    }
  };
  const worker = async () => {
    while (next < pages.length) {
      const i = next++;
      results[i] = await checkPage(browser, opts.siteDir, pages[i], axeSource);
      flush();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.jobs, pages.length) }, worker));
  } finally {
    await browser.close();
  }
  let strayFailure = 0;
  if (browser.unattributed.size) {
    strayFailure = 1;
    console.log('FAIL requests to another host not made by any page:');
    for (const u of [...browser.unattributed].sort()) console.log(`  ${u}`);
  }
  console.log(`${passed} passed, ${failed + strayFailure} failed`);
  process.exit(failed + strayFailure ? 1 : 0);
}

if (require.main === module) {
  main().catch(e => { console.error(e); process.exit(2); });
}

module.exports = { globToRegExp, samplePerKind };
