#!/usr/bin/env node
// Screenshots for a person to look at (not a test): the pages issue 18 asked to
// see, from file:// with every other host blocked, at 1280 px and a 320 px phone.
//   screenshots.js SITE_DIR OUT_DIR
// SITE_DIR should be a generated site with more than one page of undertakings
// (tests/bench/gen_corpus.py --meetings 90), so the register has a page 2.
'use strict';
const fs = require('fs');
const path = require('path');
const { launch, fileUrl, requireDir } = require('./lib/browser');

async function main() {
  const [siteDir, outDir] = process.argv.slice(2);
  const usage = 'usage: screenshots.js SITE_DIR OUT_DIR';
  if (!siteDir || !outDir) { console.error(usage); process.exit(2); }
  requireDir(siteDir, usage);
  fs.mkdirSync(outDir, { recursive: true });
  const js = await launch();
  const shot = async (name, rel, { width = 1280, height = 900, then } = {}) => {
    const { page } = await js.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(rel.startsWith('file:') ? rel : fileUrl(siteDir, rel), { waitUntil: 'load' });
    if (then) await then(page);
    const file = path.join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    console.log(`${file}  (${page.url().replace(/^.*?public\//, '')})`);
    await page.close();
  };
  try {
    await shot('home', 'index.html');
    await shot('register-page-2', 'undertakings/page-2.html');
    // A person page and a meeting: the newest meeting, and the person named first in it.
    const meetings = fs.readdirSync(path.join(siteDir, 'meetings')).filter(d => fs.existsSync(path.join(siteDir, 'meetings', d, 'index.html'))).sort();
    const meetingUrl = fileUrl(siteDir, `meetings/${meetings[meetings.length - 1]}/index.html`);
    const { page } = await js.newPage();
    await page.goto(meetingUrl, { waitUntil: 'load' });
    const person = await page.getAttribute('main a[href*="/people/"]', 'href');
    await page.close();
    await shot('person', new URL(person, meetingUrl).href);
    // Search for a word, narrowed to the first committee offered: the address carries both.
    const { page: s } = await js.newPage();
    await s.goto(fileUrl(siteDir, 'search/index.html'), { waitUntil: 'load' });
    const committee = await s.$$eval('#search-committee option', os => (os.find(o => o.value) || {}).value || '');
    const searchUrl = `${s.url()}?q=report&committee=${encodeURIComponent(committee)}`;
    await s.close();
    await shot('search-with-filter', searchUrl, { then: p => p.waitForTimeout(800) });
    await shot('meeting-phone-320', meetingUrl, { width: 320, height: 900 });
  } finally {
    await js.close();
  }
}
main().catch(e => { console.error(e); process.exit(1); });
