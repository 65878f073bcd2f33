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
    if (!status.includes(`Showing ${shown.length} of ${total}`)) problems.push(`status reads "${status}"`);
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
