#!/usr/bin/env node
// Keyboard use of a few pages, as a person with no mouse meets them: the first Tab reaches a
// visible "Skip to main content" link, Enter on it moves to main#main, and each of the first Tab
// stops shows a focus indicator (an outline or a box-shadow that appears when focused).
'use strict';
const { launch, watchProblems, fileUrl, requireDir } = require('./lib/browser');
const fs = require('fs');
const path = require('path');

const USAGE = `usage: keyboard-test.js SITE_DIR [PAGE ...]   (pages relative to SITE_DIR; default index.html)
exit: 0 every page passed, 1 some page failed, 2 usage error or crash`;
const TAB_STOPS = 15;
const SKIP_TEXT = /^skip to (the )?main content$/i;

// Runs in the page: what a person can see of the focused element, and how it looks.
function describeFocused() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
  const hit = document.elementFromPoint(cx, cy);
  const label = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
    (el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '') +
    ` "${(el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
  return {
    label,
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href'),
    text: (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim(),
    box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    viewport: { width: innerWidth, height: innerHeight },
    hidden: cs.visibility !== 'visible' || Number(cs.opacity) === 0 ||
      (cs.clip !== 'auto' && cs.position === 'absolute') || /inset\(50%|inset\(100%/.test(cs.clipPath),
    onTop: !!hit && (hit === el || el.contains(hit)),
  };
}

// Runs in the page: the focus-relevant computed style of el.
function focusStyle(el) {
  const cs = getComputedStyle(el);
  return { outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor, boxShadow: cs.boxShadow };
}

function transparent(color) {
  return color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);
}

/// Why a focused style shows no indicator compared with the unfocused one, or null when it does.
function missingIndicator(focused, unfocused) {
  const outline = focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0 &&
    !transparent(focused.outlineColor);
  const outlineChanged = focused.outlineStyle !== unfocused.outlineStyle ||
    focused.outlineWidth !== unfocused.outlineWidth || focused.outlineColor !== unfocused.outlineColor;
  const shadow = focused.boxShadow !== 'none';
  const shadowChanged = focused.boxShadow !== unfocused.boxShadow;
  if ((outline && outlineChanged) || (shadow && shadowChanged)) return null;
  return `no visible focus indicator (focused: outline ${focused.outlineStyle} ${focused.outlineWidth} ` +
    `${focused.outlineColor}, box-shadow ${focused.boxShadow}; unfocused: outline ${unfocused.outlineStyle} ` +
    `${unfocused.outlineWidth}, box-shadow ${unfocused.boxShadow})`;
}

function insideViewport(f) {
  const b = f.box;
  return b.width > 1 && b.height > 1 && b.left >= 0 && b.top >= 0 &&
    b.right <= f.viewport.width && b.bottom <= f.viewport.height;
}

async function checkSkipLink(page, problems) {
  await page.keyboard.press('Tab');
  const first = await page.evaluate(describeFocused);
  if (!first) { problems.push('Tab from a fresh page focuses nothing'); return; }
  if (first.tag !== 'a' || first.href !== '#main' || !SKIP_TEXT.test(first.text)) {
    problems.push(`first Tab stop is ${first.label}, not a link to #main reading "Skip to main content"`);
    return;
  }
  if (first.hidden || !first.onTop || !insideViewport(first)) {
    const b = first.box;
    problems.push(`skip link is not visible when focused (box ${Math.round(b.left)},${Math.round(b.top)} ` +
      `${Math.round(b.width)}x${Math.round(b.height)}${first.hidden ? ', hidden or clipped' : ''}` +
      `${first.onTop ? '' : ', covered by another element'})`);
  }
  const hasMain = await page.evaluate(() => {
    const t = document.getElementById('main');
    return !!t && t.tagName === 'MAIN';
  });
  if (!hasMain) { problems.push('no main element with id="main" for the skip link to reach'); return; }
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  const inMain = () => page.evaluate(() => {
    const m = document.getElementById('main');
    return !!m && (document.activeElement === m || m.contains(document.activeElement));
  });
  if (await inMain()) return;
  const hash = await page.evaluate(() => location.hash);
  if (hash === '#main') {
    await page.keyboard.press('Tab');
    if (await inMain()) return;
    const now = await page.evaluate(describeFocused);
    problems.push(`after Enter on the skip link, the next Tab goes to ${now ? now.label : 'nothing'}, outside main`);
    return;
  }
  problems.push(`Enter on the skip link neither moved focus into main#main nor went to #main (hash '${hash}')`);
}

async function checkFocusIndicators(page, problems) {
  const stops = []; // { handle, f, style }
  for (let i = 0; i < TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(describeFocused);
    if (!f) break; // past the last stop
    const handle = await page.evaluateHandle(() => document.activeElement);
    const seen = await page.evaluate(([el, ...before]) => before.includes(el), [handle, ...stops.map(s => s.handle)]);
    if (seen) break; // wrapped around
    stops.push({ handle, f, style: await page.evaluate(focusStyle, handle) });
  }
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  for (const [i, { handle, f, style }] of stops.entries()) {
    const why = missingIndicator(style, await page.evaluate(focusStyle, handle));
    if (why) problems.push(`Tab stop ${i + 1}, ${f.label}: ${why}`);
    if (f.box.width <= 1 || f.box.height <= 1) problems.push(`Tab stop ${i + 1}, ${f.label}: focused but has no visible box`);
  }
  if (!stops.length) problems.push('no Tab stops on the page');
  return stops.length;
}

async function checkPage(browser, siteDir, rel) {
  const problems = [];
  if (!fs.existsSync(path.join(siteDir, rel))) return { problems: [`no such page: ${rel}`], stops: 0 };
  const url = fileUrl(siteDir, rel);
  const { page, watch } = await browser.newPage();
  let stops = 0;
  try {
    await page.goto(url, { waitUntil: 'load' });
    await checkSkipLink(page, problems);
    await page.goto('about:blank');
    await page.goto(url, { waitUntil: 'load' });
    stops = await checkFocusIndicators(page, problems);
  } catch (e) {
    problems.push(`could not check: ${String(e.message || e).split('\n')[0]}`);
  } finally {
    await page.close().catch(() => {});
  }
  return { problems: [...problems, ...watchProblems(watch)], stops };
}

async function main() {
  const [siteDir, ...args] = process.argv.slice(2);
  if (siteDir === '-h' || siteDir === '--help') { console.log(USAGE); process.exit(0); }
  requireDir(siteDir, USAGE);
  const pages = args.length ? args : ['index.html'];
  const browser = await launch();
  let passed = 0, failed = 0;
  try {
    for (const rel of pages) {
      const { problems, stops } = await checkPage(browser, siteDir, rel);
      if (problems.length) {
        failed++;
        console.log(`FAIL ${rel}`);
        for (const line of problems) console.log(`  ${line}`);
      } else {
        passed++;
        console.log(`ok ${rel} (skip link, ${stops} Tab stops with a focus indicator)`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) {
  main().catch(e => { console.error(e); process.exit(2); });
}

module.exports = { missingIndicator };
