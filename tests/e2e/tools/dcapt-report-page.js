'use strict';
/*
 * The instance-wide report over the dcapt dataset, run the way a user runs it: from the
 * report page, in Debian's chromium, against the real Jira 10 host serving the generated
 * dataset from H2 with a heap ceiling. A measurement, not a test: it prints how long each
 * step took (no threshold), and fails only if the heat map never comes.
 *
 *   node tests/e2e/tools/dcapt-report-page.js            (or: make dcapt-page)
 *
 * It generates the dataset into target/bench-dcapt first if it is not complete there (the
 * same directory `BENCH_ONLY=rest-w2 make bench-java` uses; a complete one is reused, and
 * H2 opens it in one process at a time: do not run both at once). Environment:
 * CT_DCAPT_DIR (dataset directory), CT_DCAPT_HEAP (host heap ceiling, default 1g),
 * CT_DCAPT_TIMEOUT_S (how long to wait for the heat map, default 600).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startHost, findHostJar, javaCommand, REPO } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn } = require('../lib/panel');

const DATA = path.resolve(process.env.CT_DCAPT_DIR || path.join(REPO, 'target', 'bench-dcapt'));
const HEAP = process.env.CT_DCAPT_HEAP || '1g';
const TIMEOUT_MS = 1000 * Number(process.env.CT_DCAPT_TIMEOUT_S || 600);
const REPORT = 'scale-all-boards';

/** VmHWM and VmRSS of a process, in MB (Linux). */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { peakMb: Math.round(kb('VmHWM') / 1024), nowMb: Math.round(kb('VmRSS') / 1024) };
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function main() {
  fs.mkdirSync(DATA, { recursive: true });
  console.log(`dataset: ${DATA} (generated now unless complete)`);
  const gen = spawnSync(javaCommand(), ['-jar', findHostJar(), 'generate', '--scale', 'dcapt', '--data-dir', DATA],
    { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error(`capacity-host generate --scale dcapt failed (${gen.status}); another scale in ${DATA}?`);

  const started = Date.now();
  const host = await startHost({ scale: 'dcapt', dataDir: DATA, heap: HEAP, name: 'host-dcapt-page', timeoutMs: 20 * 60000 });
  let browser;
  try {
    console.log(`host up in ${seconds(Date.now() - started)} (heap ceiling ${HEAP}), ${JSON.stringify(memory(host.pid))}`);
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    // The reports view on a small report first, so that the click below is what starts the
    // instance-wide job (the view runs the report it opens with).
    await openLoggedIn(page, host, `${PANEL}?view=reports`);
    await page.locator(`[data-testid="report-link"][data-report-id="${REPORT}"]`).waitFor();

    // The job's polls: 202 with its progress while it runs, 200 with the report (30 MB of
    // JSON at dcapt, not parsed here) once done.
    let done = null;
    let progress = null;
    page.on('response', async (r) => {
      if (!/\/reports\/jobs\/[^/]+$/.test(new URL(r.url()).pathname) || r.request().method() !== 'GET') return;
      if (r.status() === 200 && !done) done = { at: Date.now() };
      if (r.status() === 202) {
        try { progress = await r.json(); } catch (e) { /* the page shows what went wrong */ }
      }
    });
    const clicked = Date.now();
    await page.locator(`[data-testid="report-link"][data-report-id="${REPORT}"]`).click();
    await page.locator('[data-testid="report-running"]').waitFor();
    const running = Date.now();
    await page.getByTestId('heat-map').waitFor();
    const heatMap = Date.now();
    await page.locator('[data-names="loaded"]').first().waitFor();
    const names = Date.now();
    const rows = await page.locator('[data-testid="heat-row"]').count();
    const columns = await page.locator('[data-testid="heat-row"]').first().locator('[data-testid="heat-cell"]').count();
    console.log([
      `progress bar shown after ${seconds(running - clicked)}`,
      `job done after ${done ? seconds(done.at - clicked) : '(not seen)'}; last progress seen: ${progress ? `${progress.boardsDone} of ${progress.boardsTotal} boards, ${progress.items} items` : 'none'}`,
      `heat map drawn after ${seconds(heatMap - clicked)}: ${rows} rows on this page, ${columns} columns`,
      `names of the people on screen after ${seconds(names - clicked)}`,
      `host memory ${JSON.stringify(memory(host.pid))}`,
    ].join('\n'));
  } finally {
    try { if (browser) await browser.close(); } finally { await host.stop(); }
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
