#!/usr/bin/env node
// The site's offline search, opened from file:// as from a USB stick: typing a query into
// #search-input lists a link to the expected page in #search-results (and that link's file
// exists); a query that matches nothing does not list it; and with JavaScript off the search
// page still offers a list of links to the site's pages.
'use strict';
const fs = require('fs');
const { fileURLToPath } = require('url');
const { launch, watchProblems, fileUrl, requireDir } = require('./lib/browser');

const USAGE = `usage: search-test.js SITE_DIR QUERY EXPECTED_TEXT
exit: 0 every check passed, 1 some check failed, 2 usage error or crash`;
const SEARCH_PAGE = 'search/index.html';
const TIMEOUT_MS = 5000;
const NONSENSE_QUERY = 'qxzjvw-no-such-word';

// Runs in the page: the texts and resolved hrefs of the links in #search-results.
function resultLinks() {
  const box = document.getElementById('search-results');
  if (!box) return null;
  return [...box.querySelectorAll('a[href]')].map(a => ({ text: a.textContent.replace(/\s+/g, ' ').trim(), href: a.href }));
}

/// Problems with the file a result link points to; empty when it is a file of the site.
function linkTargetProblems(href) {
  if (!href.startsWith('file:')) return [`result link ${href} does not point to a local file`];
  const file = fileURLToPath(href.replace(/[?#].*$/, ''));
  if (!fs.existsSync(file)) return [`result link ${href} points to a missing file`];
  if (fs.statSync(file).isDirectory()) return [`result link ${href} points to a folder, which file:// does not open as index.html`];
  return [];
}

async function typeQuery(page, query) {
  const input = page.locator('#search-input');
  await input.fill('');
  await input.pressSequentially(query, { delay: 10 });
}

async function checkSearch(browser, siteDir, query, expected) {
  const problems = [];
  const { page, watch } = await browser.newPage();
  try {
    await page.goto(fileUrl(siteDir, SEARCH_PAGE), { waitUntil: 'load' });
    if (!(await page.locator('#search-input').count())) return [`${SEARCH_PAGE} has no #search-input`];
    if (!(await page.locator('#search-results').count())) return [`${SEARCH_PAGE} has no #search-results`];
    await typeQuery(page, query);
    const hit = await page.waitForFunction(want => {
      const links = [...document.querySelectorAll('#search-results a[href]')];
      const a = links.find(l => l.textContent.replace(/\s+/g, ' ').includes(want));
      return a ? a.href : null;
    }, expected, { timeout: TIMEOUT_MS }).then(h => h.jsonValue()).catch(() => null);
    if (!hit) {
      const links = await page.evaluate(resultLinks);
      problems.push(`searching '${query}' listed no link containing '${expected}' within ${TIMEOUT_MS / 1000} s; ` +
        `#search-results has ${links.length} link(s)${links.length ? ': ' + links.slice(0, 5).map(l => `'${l.text}'`).join(', ') : ''}`);
    } else {
      problems.push(...linkTargetProblems(hit));
      await typeQuery(page, NONSENSE_QUERY);
      const cleared = await page.waitForFunction(want => {
        const box = document.getElementById('search-results');
        return ![...box.querySelectorAll('a[href]')].some(a => a.textContent.replace(/\s+/g, ' ').includes(want));
      }, expected, { timeout: TIMEOUT_MS }).then(() => true).catch(() => false);
      // Also what catches a no-JavaScript list that already held the link while the script does nothing.
      if (!cleared) problems.push(`searching '${NONSENSE_QUERY}' still lists '${expected}': the results do not follow the query`);
    }
  } catch (e) {
    problems.push(`could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return [...problems, ...watchProblems(watch)];
}

async function checkNoScriptFallback(browser, siteDir) {
  const { page, watch } = await browser.newPage();
  const problems = [];
  try {
    await page.goto(fileUrl(siteDir, SEARCH_PAGE), { waitUntil: 'load' });
    const links = await page.evaluate(() => {
      const here = location.href.replace(/#.*$/, '');
      const found = document.querySelectorAll(
        '#search-results a[href], main nav a[href], main ul a[href], main ol a[href], main noscript a[href]');
      return [...found].map(a => {
        const r = a.getBoundingClientRect();
        return { href: a.href, visible: r.width > 1 && r.height > 1 };
      }).filter(l => l.href.startsWith('file:') && l.href.replace(/#.*$/, '') !== here);
    });
    if (!links.some(l => l.visible)) {
      problems.push(`with JavaScript off, ${SEARCH_PAGE} shows no list of links to the site's pages ` +
        `(looked in #search-results and in lists and navs inside main)`);
    }
    for (const l of links) problems.push(...linkTargetProblems(l.href));
  } catch (e) {
    problems.push(`could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return [...problems, ...watchProblems(watch)];
}

function report(name, problems) {
  if (!problems.length) { console.log(`ok ${name}`); return true; }
  console.log(`FAIL ${name}`);
  for (const line of problems) console.log(`  ${line}`);
  return false;
}

async function main() {
  const [siteDir, query, expected, ...extra] = process.argv.slice(2);
  if (siteDir === '-h' || siteDir === '--help') { console.log(USAGE); process.exit(0); }
  requireDir(siteDir, USAGE);
  if (!query || !expected || extra.length) { console.error(USAGE); process.exit(2); }
  if (!fs.existsSync(`${siteDir}/${SEARCH_PAGE}`)) {
    console.log(`FAIL ${SEARCH_PAGE}\n  no such page`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  // Two browsers, one with JavaScript off, checked side by side.
  const [withJs, withoutJs] = await Promise.all([launch(), launch({ javaScriptEnabled: false })]);
  let results;
  try {
    results = await Promise.all([
      checkSearch(withJs, siteDir, query, expected),
      checkNoScriptFallback(withoutJs, siteDir),
    ]);
  } finally {
    await Promise.all([withJs.close(), withoutJs.close()]);
  }
  let passed = 0, failed = 0;
  const names = [`${SEARCH_PAGE}: '${query}' finds '${expected}'`, `${SEARCH_PAGE}: links without JavaScript`];
  results.forEach((problems, i) => (report(names[i], problems) ? passed++ : failed++));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch(e => { console.error(e); process.exit(2); });
}
