// Shared by the browser tests: launch Debian's Chromium through playwright-core, keep every page
// offline (anything that is not file:, data:, blob: or about: is blocked and recorded), collect
// console and page errors, and list a built site's pages.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];
// The text Chromium logs for a request we abort with 'blockedbyclient'; reported once as a
// blocked request rather than twice (also as a console error).
const BLOCKED_CONSOLE_TEXT = 'net::ERR_BLOCKED_BY_CLIENT';

/// True when the URL stays on this machine (no host is contacted).
function isLocalUrl(url) {
  return LOCAL_SCHEMES.some(s => url.startsWith(s));
}

/// A persistent context in a fresh temporary profile; close() also removes the profile.
async function launch({ javaScriptEnabled = true } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-browser-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const unattributed = new Set(); // blocked requests with no page (e.g. a service worker)
  const watchers = new Map();     // page -> its Watch
  await ctx.route('**/*', route => {
    const req = route.request();
    const url = req.url();
    if (isLocalUrl(url)) return route.continue();
    let page = null;
    try { page = req.frame().page(); } catch { /* worker request: no frame */ }
    const w = page && watchers.get(page);
    (w ? w.blocked : unattributed).add(url);
    return route.abort('blockedbyclient');
  });
  return {
    ctx,
    unattributed,
    /// A new page whose problems are recorded in the returned Watch.
    async newPage() {
      const page = await ctx.newPage();
      const w = watch(page);
      watchers.set(page, w);
      page.on('close', () => watchers.delete(page));
      return { page, watch: w };
    },
    async close() {
      await ctx.close().catch(() => {});
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/// Records a page's blocked requests, console errors, page errors and web sockets.
function watch(page) {
  const w = { blocked: new Set(), consoleErrors: [], pageErrors: [] };
  page.on('console', m => {
    if (m.type() !== 'error') return;
    if (m.text().includes(BLOCKED_CONSOLE_TEXT)) return;
    const where = m.location() && m.location().url ? ` (${m.location().url})` : '';
    w.consoleErrors.push(m.text() + where);
  });
  page.on('pageerror', e => w.pageErrors.push(String(e && e.stack ? e.stack.split('\n')[0] : e)));
  page.on('websocket', ws => w.blocked.add(ws.url()));
  page.on('request', r => { if (!isLocalUrl(r.url())) w.blocked.add(r.url()); });
  return w;
}

/// Lines describing what a Watch recorded; empty when the page behaved.
function watchProblems(w) {
  return [
    ...[...w.blocked].sort().map(u => `blocked request to another host: ${u}`),
    ...w.pageErrors.map(e => `page error: ${e}`),
    ...w.consoleErrors.map(e => `console error: ${e}`),
  ];
}

/// Every *.html file under siteDir, as sorted '/'-separated paths relative to it.
function listHtml(siteDir) {
  const out = [];
  const walk = rel => {
    for (const e of fs.readdirSync(path.join(siteDir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && e.name.endsWith('.html')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/// The file:// URL of a page given relative to siteDir.
function fileUrl(siteDir, rel) {
  return pathToFileURL(path.resolve(siteDir, rel)).href;
}

/// Fails with a usage message (exit 2) unless dir is a readable folder.
function requireDir(dir, usage) {
  if (!dir || !fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(dir ? `not a folder: ${dir}` : 'no SITE_DIR given');
    console.error(usage);
    process.exit(2);
  }
}

module.exports = { launch, watchProblems, listHtml, fileUrl, isLocalUrl, requireDir };
