'use strict';
/*
 * A board that estimates with a custom number field: the board settings offer Jira's
 * custom number fields (GET /rest/api/2/field), the panel reads the chosen field of the
 * sprint's issues and sends it as each item's customEstimate, and the engine's report counts
 * it. Demo data: Effort (hours), customfield_10300, is 2.5 on DEMO-5, 4 on DEMO-6 (alice)
 * and 3 on DEMO-11 (bob) in DEMO Sprint 3; no other sprint 3 issue has a value.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const { openSprint, memberRow, screenshot, withShotOnFailure, watchErrors } = require('../lib/panel');

const EFFORT = 'customfield_10300';

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-custom-estimate' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

async function workload(page, key) {
  return (await memberRow(page, key).getByTestId('workload').textContent()).trim();
}

async function waitForWorkload(page, key, expected) {
  await memberRow(page, key).getByTestId('workload').filter({ hasText: new RegExp(`^\\s*${expected.replace('.', '\\.')}\\s*$`) }).waitFor();
}

test('a custom number field picked in the board settings is the workload the report counts', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  const reports = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && /\/rest\/capacity\/1\.0\/boards\/1\/report$/.test(req.url())) reports.push(req.postDataJSON());
  });
  await withShotOnFailure(page, 'custom-estimate', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    const remainingAlice = await workload(page, 'alice');
    assert.notEqual(remainingAlice, '6.5h');
    assert.ok(reports.length && reports[0].items.every((i) => !('customEstimate' in i)), 'no custom field, no customEstimate');

    await page.getByTestId('board-settings-button').click();
    const settings = page.getByTestId('board-settings');
    await settings.waitFor();
    const source = settings.getByTestId('settings-estimate-source');
    const picker = settings.getByTestId('settings-custom-field');
    assert.equal(await picker.isVisible(), false, 'the field picker shows only for a custom source');
    await source.selectOption('custom');
    await picker.waitFor();
    await picker.locator(`option[value="${EFFORT}"]`).waitFor({ state: 'attached' });
    const offered = await picker.locator('option').evaluateAll((options) => options.map((o) => o.value));
    assert.ok(offered.includes('customfield_10106'), 'Story Points is a custom number field');
    assert.ok(!offered.includes('timeestimate'), 'system fields have their own sources');
    assert.ok(!offered.includes('customfield_10200'), 'a text field is not offered');
    assert.equal(await picker.locator(`option[value="${EFFORT}"]`).textContent(), `Effort (hours) (${EFFORT})`);
    await picker.selectOption(EFFORT);
    await settings.getByTestId('save-board-settings').click();

    await waitForWorkload(page, 'alice', '6.5h');
    assert.equal(await workload(page, 'bob'), '3h');
    assert.equal(await workload(page, 'carol'), '0h');
    const last = reports[reports.length - 1];
    const byKey = Object.fromEntries(last.items.map((i) => [i.key, i]));
    assert.equal(byKey['DEMO-6'].customEstimate, 4);
    assert.equal(byKey['DEMO-11'].customEstimate, 3);
    assert.equal(byKey['DEMO-13'].customEstimate, null);
    assert.ok(Number(await page.getByTestId('bucket-unestimated').getByTestId('bucket-figure').getAttribute('data-value')) > 0,
      'issues without a value are unestimated');
    await screenshot(page, '10-custom-estimate');

    // Stored: a reload reads the field again and the settings show the choice.
    await page.reload();
    await waitForWorkload(page, 'alice', '6.5h');
    await page.getByTestId('board-settings-button').click();
    await settings.waitFor();
    assert.equal(await source.inputValue(), 'custom');
    assert.equal(await picker.inputValue(), EFFORT);

    // Back to the remaining estimate: the field is dropped and the numbers come back.
    await source.selectOption('remaining');
    assert.equal(await picker.isVisible(), false);
    await settings.getByTestId('save-board-settings').click();
    await waitForWorkload(page, 'alice', remainingAlice);
  });
  watch.assertNone();
  await page.close();
});
