'use strict';
/*
 * CSV downloads and the print layout against the real host, demo anchored on Monday
 * 2026-11-30: the multi-project heat map and DEMO Sprint 3's team table are downloaded,
 * parsed, and compared with the engine's numbers (the heat map's cells carry them as data
 * attributes; the sprint's are those of capacity-panel.test.js, in minutes). Printing hides
 * Jira's chrome, buttons and forms and keeps the tables.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { PANEL, openLoggedIn, openSprint, screenshot, withShotOnFailure, watchErrors } = require('../lib/panel');

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-exports' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

/** RFC 4180: quoted fields with doubled quotes, CRLF rows; the byte order mark first. */
function parseCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'the file starts with a UTF-8 byte order mark');
  assert.ok(text.endsWith('\r\n'));
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += c;
  }
  return rows;
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: file.suggestedFilename(), rows: parseCsv(fs.readFileSync(await file.path(), 'utf8')) };
}

async function printLayout(page, kept) {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('#header').isVisible(), false, 'Jira\'s header is not printed');
  assert.equal(await page.locator('button:visible').count(), 0, 'no button is printed');
  assert.equal(await page.locator('.ct-reports-nav:visible, .ct-flash:visible, form:visible').count(), 0, 'no navigation, message or form');
  assert.equal(await page.getByTestId(kept).isVisible(), true);
  assert.equal(await page.getByTestId(kept).evaluate((t) => t.getBoundingClientRect().right <= document.documentElement.clientWidth + 1), true,
    'the table fits the page width');
}

test('the heat map downloads as CSV with the engine\'s numbers, and prints without chrome', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'export-report', async () => {
    await openLoggedIn(page, host, `${PANEL}?view=reports`);
    await page.getByTestId('no-reports').waitFor();
    await page.getByTestId('create-report').click();
    const form = page.getByTestId('report-form');
    await form.getByTestId('report-name-input').fill('Export');
    await form.getByTestId('report-start').fill('2026-11-30');
    await form.getByTestId('report-end').fill('2026-12-13');
    await form.getByTestId('report-bucket').selectOption('week');
    await form.getByTestId('report-grouping').selectOption('person');
    await form.getByTestId('save-report').click();
    await page.getByTestId('heat-map').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));

    const csv = await download(page, 'report-csv');
    assert.equal(csv.name, 'capacity-report-2026-11-30-2026-12-13-person.csv');
    const [head, ...body] = csv.rows;
    assert.deepEqual(head.slice(0, 5), ['Person', 'Key', '2026-W49 capacity (minutes)', '2026-W49 workload (minutes)', '2026-W49 utilisation (%)']);
    assert.deepEqual(head.slice(-3), ['Whole period capacity (minutes)', 'Whole period workload (minutes)', 'Whole period utilisation (%)']);
    assert.deepEqual(body.map((r) => r[1]), ['alice', 'bob', 'carol', 'dave', '']);
    assert.equal(body[0][0], 'Alice Andersen');
    assert.deepEqual(body[2].slice(2, 5), ['1500', '1530', '102']);
    assert.deepEqual(body[4].slice(0, 5), ['All people', '', '5400', '3270', '60.6']);

    // Every cell equals what the engine sent for it (the heat map keeps it on the cell).
    for (const [r, key] of [[0, 'alice'], [1, 'bob'], [2, 'carol'], [3, 'dave']]) {
      for (const [b, bucket] of [[0, '2026-W49'], [1, '2026-W50']]) {
        const cell = page.locator(`[data-testid="heat-row"][data-key="${key}"] [data-testid="heat-cell"][data-bucket="${bucket}"]`);
        const engine = [await cell.getAttribute('data-capacity'), await cell.getAttribute('data-workload'), await cell.getAttribute('data-utilisation')];
        assert.deepEqual(body[r].slice(2 + 3 * b, 5 + 3 * b), engine, `${key} ${bucket}`);
      }
    }

    await printLayout(page, 'heat-map');
    await screenshot(page, 'export-01-report-print');
    await page.emulateMedia({ media: 'screen' });
  });
  watch.assertNone();
  await page.close();
});

test('a sprint\'s team table downloads as CSV with its units, and prints without chrome', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'export-team', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const csv = await download(page, 'team-csv');
    assert.equal(csv.name, 'capacity-1-DEMO-Sprint-3.csv');
    const [head, ...body] = csv.rows;
    const col = (name) => { const i = head.indexOf(name); assert.ok(i >= 0, `${name} in ${head}`); return i; };
    const rows = Object.fromEntries(body.map((r) => [r[col('Key')] || 'team', r]));
    assert.deepEqual(Object.keys(rows), ['alice', 'bob', 'carol', 'dave', 'team']);
    const numbers = (r) => [r[col('Capacity (minutes)')], r[col('Workload (minutes)')], r[col('Free (minutes)')], r[col('Utilisation (%)')], r[col('Status')]];
    assert.deepEqual(numbers(rows.alice), ['3600', '1680', '1920', '46.7', 'under']);
    assert.deepEqual(numbers(rows.carol), ['3000', '3060', '-60', '102', 'over']);
    assert.deepEqual(numbers(rows.team).slice(0, 3), ['10800', '6540', '4260']);
    assert.equal(rows.alice[col('Member')], 'Alice Andersen');
    assert.equal(rows.carol[col('Role')], 'QA');

    await printLayout(page, 'members-table');
    await screenshot(page, 'export-02-team-print');
    await page.emulateMedia({ media: 'screen' });
  });
  watch.assertNone();
  await page.close();
});
