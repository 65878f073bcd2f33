#!/usr/bin/env node
// The undertakings register as officers meet it from file://: with JavaScript the
// state filter hides every row of another state and says how many are shown; without
// JavaScript the filter form stays hidden and the per-state pages list only their state;
// an undertaking page links back to the meeting where it was given.
'use strict';
const { launch, watchProblems, fileUrl, requireDir } = require('./lib/browser');

const USAGE = 'usage: register-test.js SITE_DIR STATE_SLUG PAGE_STATE\n' +
  '  e.g. register-test.js public overdue overdue (filter value, per-state page folder)';

async function main() {
  const [siteDir, state, pageState] = process.argv.slice(2);
  if (!siteDir || !state || !pageState) { console.error(USAGE); process.exit(2); }
  requireDir(siteDir, USAGE);
  let passed = 0, failed = 0;
  const report = (ok, what, problems) => {
    if (ok) { passed++; console.log(`ok ${what}`); } else { failed++; console.log(`FAIL ${what}`); problems.forEach(p => console.log(`  - ${p}`)); }
  };

  const js = await launch();
  try {
    const { page, watch } = await js.newPage();
    await page.goto(fileUrl(siteDir, 'undertakings/index.html'), { waitUntil: 'load' });
    const problems = [];
    const total = await page.locator('#register-table tbody tr').count();
    if (!(await page.locator('#register-filter').isVisible())) problems.push('the filter form is not shown with JavaScript');
    await page.selectOption('#filter-state', state);
    const rows = await page.$$eval('#register-table tbody tr', trs => trs.map(t => ({ state: t.dataset.state, hidden: t.hidden })));
    const shown = rows.filter(r => !r.hidden);
    if (!shown.length) problems.push(`no row shown for state ${state}`);
    if (shown.some(r => r.state !== state)) problems.push('a row of another state is still shown');
    if (rows.filter(r => r.state === state).some(r => r.hidden)) problems.push(`a ${state} row was hidden`);
    const status = (await page.textContent('#filter-status')) || '';
    if (!status.includes(`${shown.length} of the ${total} undertakings on this page`)) problems.push(`status reads "${status}"`);
    const caption = (await page.textContent('#register-table caption')) || '';
    if (!caption.startsWith(`${shown.length} of the ${total}`)) problems.push(`the caption counts what is not shown: "${caption}"`);
    // The filter is kept in the address: the same address opened again shows the same rows.
    if (!page.url().includes(`state=${state}`)) problems.push(`the address ${page.url()} does not carry the filter`);
    const again = await js.newPage();
    await again.page.goto(page.url(), { waitUntil: 'load' });
    const again_shown = await again.page.$$eval('#register-table tbody tr', trs => trs.filter(t => !t.hidden).length);
    if (again_shown !== shown.length) problems.push(`the bookmarked address shows ${again_shown} rows, not ${shown.length}`);
    await page.selectOption('#filter-state', '');
    if ((await page.$$eval('#register-table tbody tr', trs => trs.filter(t => t.hidden).length)) !== 0)
      problems.push('clearing the filter did not show every row again');
    problems.push(...watchProblems(watch));
    report(!problems.length, `register filter by state "${state}" with JavaScript (${shown.length} of ${total})`, problems);

    // An undertaking page links to the meeting where it was given, and the link's target exists.
    const first = await page.getAttribute('#register-table tbody tr th a', 'href');
    const u = await js.newPage();
    await u.page.goto(new URL(first, page.url()).href, { waitUntil: 'load' });
    const given = await u.page.locator('a[href*="meetings/"]').first().getAttribute('href');
    const meeting = await js.newPage();
    const resp = await meeting.page.goto(new URL(given, u.page.url()).href, { waitUntil: 'load' });
    const up = [];
    if (!resp || !resp.ok()) up.push(`the "given at" link ${given} does not open`);
    up.push(...watchProblems(u.watch));
    report(!up.length, `undertaking page ${first} links to its meeting`, up);

    // Printed, a link inside main shows the absolute address under base_url (assets/print.js).
    const pr = [];
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.getAttribute('main #register-table tbody tr th a', 'data-print-url');
    if (!printed || !/^https?:\/\/[^/]+\/.*undertakings\/[^/]+\/index\.html$/.test(printed)) pr.push(`the first link would print as ${printed}`);
    const selfLink = await page.getAttribute('html', 'data-page-url');
    if (!selfLink || !selfLink.endsWith('/undertakings/index.html')) pr.push(`the page says its address is ${selfLink}`);
    report(!pr.length, `printing gives links their absolute address (${printed})`, pr);

    // Every undertaking is reachable: page 2 of the register, from page 1's pagination.
    const pg = [];
    const next = page.locator('nav.pagination a[rel="next"]');
    if (!(await next.count())) pg.push('page 1 of the register has no link to the next page');
    else {
      const firstRowText = await page.textContent('#register-table tbody tr th');
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), next.first().click()]);
      if (!page.url().endsWith('undertakings/page-2.html')) pg.push(`"Next" led to ${page.url()}`);
      const rows2 = await page.locator('#register-table tbody tr').count();
      if (!rows2) pg.push('page 2 lists nothing');
      if ((await page.textContent('#register-table tbody tr th')) === firstRowText) pg.push('page 2 starts with page 1\'s first row');
      const current = await page.getAttribute('nav.pagination a[aria-current="page"]', 'aria-label');
      if (current !== 'Page 2') pg.push(`the current page is marked "${current}"`);
      const cap = (await page.textContent('#register-table caption')) || '';
      if (!/101 to \d+ shown here/.test(cap)) pg.push(`page 2's caption reads "${cap}"`);
    }
    report(!pg.length, 'the register\'s page 2, from page 1', pg);

    // An owner link opens that owner's undertakings, open ones first, and only theirs.
    const ow = [];
    await page.goto(fileUrl(siteDir, 'undertakings/state/overdue/index.html'), { waitUntil: 'load' });
    const ownerLink = page.locator('#register-table tbody tr td[data-label="Owner"] a').first();
    const ownerName = ((await ownerLink.textContent()) || '').trim();
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), ownerLink.click()]);
    if (!/undertakings\/owner\/[a-z0-9-]+\/index\.html$/.test(page.url())) ow.push(`the owner link led to ${page.url()}`);
    const owners = await page.$$eval('#register-table tbody tr td[data-label="Owner"]', tds => tds.map(t => t.textContent.trim()));
    if (!owners.length) ow.push('the owner page lists nothing');
    if (owners.some(o => o !== ownerName)) ow.push(`the owner page lists others' undertakings: ${[...new Set(owners)].join(', ')}`);
    const ownerStates = await page.$$eval('#register-table tbody tr', trs => trs.map(t => t.dataset.state));
    if (ownerStates[0] !== 'overdue') ow.push(`the owner's list starts with a ${ownerStates[0]} undertaking, not an overdue one`);
    report(!ow.length, `an owner link opens ${ownerName}'s undertakings (${owners.length})`, ow);
  } finally {
    await js.close();
  }

  const nojs = await launch({ javaScriptEnabled: false });
  try {
    const { page } = await nojs.newPage();
    await page.goto(fileUrl(siteDir, `undertakings/state/${pageState}/index.html`), { waitUntil: 'load' });
    const problems = [];
    if (await page.locator('#register-filter').isVisible()) problems.push('the JavaScript filter form shows without JavaScript');
    const states = await page.$$eval('#register-table tbody tr', trs => trs.map(t => t.dataset.state));
    if (!states.length) problems.push('the per-state page lists nothing');
    const stray = states.filter(s => s !== state);
    if (stray.length) problems.push(`the per-state page lists other states: ${stray.join(', ')}`);
    const links = await page.$$eval('.filter-links a', as => as.map(a => a.textContent.trim()));
    if (links.length < 4) problems.push('the state links are missing');
    report(!problems.length, `per-state page undertakings/state/${pageState}/ without JavaScript (${states.length} rows)`, problems);
  } finally {
    await nojs.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch(e => { console.error(e); process.exit(2); });
