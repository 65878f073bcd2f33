#!/usr/bin/env node
// The site's offline search, opened from file:// as from a USB stick: typing a query into
// #search-input lists a link to the expected page in #search-results (and that link's file
// exists); a query that matches nothing does not list it; and with JavaScript off the search
// page still offers a list of links to the site's pages. Given a PAGED_QUERY with more than
// one page of results, also: "Next page" reaches a result beyond the first page, and the
// committee filter narrows the results to that committee's; the address carries the query,
// page and filter, and opening that address again shows the same results.
'use strict';
const fs = require('fs');
const { fileURLToPath } = require('url');
const { launch, watchProblems, fileUrl, requireDir } = require('./lib/browser');

const USAGE = `usage: search-test.js SITE_DIR QUERY EXPECTED_TEXT [PAGED_QUERY]
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

// Runs in the page: what the results show now.
function resultState() {
  const list = document.querySelector('#search-results ol.search-results');
  const items = list ? [...list.querySelectorAll('li.search-result')] : [];
  return {
    status: (document.getElementById('search-status') || {}).textContent || '',
    start: list ? list.start : 0,
    links: items.map(li => { const a = li.querySelector('a[href]'); return a ? a.href : ''; }),
    metas: items.map(li => ((li.querySelector('.meta') || {}).textContent || '').replace(/\s+/g, ' ')),
    url: location.href,
  };
}

async function waitForStatus(page, text) {
  return page.waitForFunction(t => (document.getElementById('search-status').textContent || '').includes(t),
    text, { timeout: TIMEOUT_MS }).then(() => true).catch(() => false);
}

async function checkPagingAndFilter(browser, siteDir, query) {
  const problems = [];
  const { page, watch } = await browser.newPage();
  try {
    await page.goto(fileUrl(siteDir, SEARCH_PAGE), { waitUntil: 'load' });
    await typeQuery(page, query);
    if (!(await waitForStatus(page, ' for ' + query))) return [`searching '${query}' showed no results`];
    const first = await page.evaluate(resultState);
    const total = parseInt(first.status, 10);
    if (!(await page.locator('.search-page-next').count())) {
      return [`'${query}' (${first.status}) has no "Next page": give a query with more than one page of results`];
    }
    // Paging: the second page lists results numbered after the first page's.
    await page.locator('.search-page-next').click();
    await page.waitForFunction(n => {
      const l = document.querySelector('#search-results ol.search-results');
      return l && l.start > n;
    }, first.links.length, { timeout: TIMEOUT_MS }).catch(() => {});
    const second = await page.evaluate(resultState);
    if (second.start !== first.links.length + 1) problems.push(`page 2 starts at result ${second.start}, not ${first.links.length + 1}`);
    if (!second.links.length) problems.push('page 2 lists no results');
    else problems.push(...linkTargetProblems(second.links[0]));
    if (second.links.some(l => first.links.includes(l))) problems.push('page 2 repeats results of page 1');
    const u2 = new URL(second.url);
    if (u2.searchParams.get('q') !== query || u2.searchParams.get('page') !== '2') {
      problems.push(`on page 2 the address is ${second.url}: it does not carry q=${query} and page=2`);
    }
    // Narrowing: the first committee that keeps some results but not all.
    const options = await page.$$eval('#search-committee option', os => os.map(o => [o.value, o.textContent]).filter(o => o[0]));
    if (!options.length) problems.push('no committee filter (#search-committee) is offered');
    let narrowed = null;
    for (const [value, name] of options) {
      await page.selectOption('#search-committee', value);
      await page.waitForFunction(v => location.search.includes('committee=' + v), value, { timeout: TIMEOUT_MS }).catch(() => {});
      await page.waitForTimeout(100);
      const state = await page.evaluate(resultState);
      const count = parseInt(state.status, 10);
      if (count > 0 && count < total) { narrowed = { value, name, state, count }; break; }
    }
    if (!narrowed) {
      problems.push(`no committee narrows '${query}' to fewer than its ${total} results`);
    } else {
      const { value, name, state } = narrowed;
      const stray = state.metas.filter(m => !m.includes(name));
      if (stray.length) problems.push(`filtered by ${name}, results show ${stray.slice(0, 3).map(m => `'${m}'`).join(', ')}`);
      const u = new URL(state.url);
      if (u.searchParams.get('q') !== query || u.searchParams.get('committee') !== value) {
        problems.push(`filtered by ${name}, the address ${state.url} does not carry q=${query} and committee=${value}`);
      }
      if (u.searchParams.get('page')) problems.push('a new filter did not go back to page 1');
      // The address is a bookmark: opened afresh, it shows the same results.
      const again = await browser.newPage();
      try {
        await again.page.goto(state.url, { waitUntil: 'load' });
        await waitForStatus(again.page, ' for ' + query);
        const restored = await again.page.evaluate(resultState);
        const selected = await again.page.$eval('#search-committee', s => s.value).catch(() => '');
        if (selected !== value) problems.push(`opening ${state.url} does not select ${name} in the filter`);
        if (restored.links.join() !== state.links.join()) problems.push(`opening ${state.url} lists other results`);
        problems.push(...watchProblems(again.watch));
      } finally {
        await again.page.close().catch(() => {});
      }
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
  const [siteDir, query, expected, pagedQuery, ...extra] = process.argv.slice(2);
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
      ...(pagedQuery ? [checkPagingAndFilter(withJs, siteDir, pagedQuery)] : []),
    ]);
  } finally {
    await Promise.all([withJs.close(), withoutJs.close()]);
  }
  let passed = 0, failed = 0;
  const names = [`${SEARCH_PAGE}: '${query}' finds '${expected}'`, `${SEARCH_PAGE}: links without JavaScript`,
    `${SEARCH_PAGE}: '${pagedQuery}' reaches page 2 and narrows by committee, in the address`];
  results.forEach((problems, i) => (report(names[i], problems) ? passed++ : failed++));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch(e => { console.error(e); process.exit(2); });
}
