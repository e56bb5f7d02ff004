'use strict';
/*
 * Jira's user anonymisation reaching Capacity Tracker: an administrator anonymises carol on
 * the host's emulation of Jira's admin page, which calls the plugin's
 * <user-anonymization-handler>; the page lists what the plugin reports before the run, and
 * afterwards carol is gone from the board's team table and from the plugin's privacy export.
 */

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startHost } = require('../lib/host');
const { launchBrowser } = require('../lib/browser');
const {
  PANEL, openLoggedIn, logOut, openSprint, memberRow, screenshot, withShotOnFailure, watchErrors, rest,
} = require('../lib/panel');

const ANONYMIZE = '/secure/admin/AnonymizeUser.jspa';

let host;
let browser;

before(async () => {
  host = await startHost({ anchor: '2026-11-30', name: 'host-anonymize' });
  browser = await launchBrowser();
});

after(async () => {
  try { if (browser) await browser.close(); } finally { if (host) await host.stop(); }
});

test('anonymising carol in Jira lists her Capacity Tracker data, then erases it', async () => {
  const page = await browser.context.newPage();
  const watch = watchErrors(page);
  await withShotOnFailure(page, 'anonymize', async () => {
    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await memberRow(page, 'carol').waitFor();

    await page.goto(host.url(ANONYMIZE));
    await page.fill('#anonymize-user', 'carol');
    await Promise.all([page.waitForURL(/user=carol/), page.getByRole('button', { name: 'Validate' }).click()]);
    const affected = page.locator('#anonymize-affected');
    await affected.waitFor();
    const rows = await affected.locator('tbody tr').allTextContents();
    assert.ok(rows.some((r) => /board memberships \(capacity and role\)\s*REMOVE\s*1/.test(r)), rows.join(' | '));
    await screenshot(page, 'anonymize-01-validation');

    await page.getByRole('button', { name: 'Anonymize' }).click();
    const result = page.locator('#anonymize-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-status'), 'COMPLETED');
    assert.match(await result.textContent(), /Anonymization completed: 1 of 1 tasks done\./);
    assert.ok((await page.locator('#anonymize-removed tbody tr').count()) >= 1);
    await screenshot(page, 'anonymize-02-result');

    await openSprint(page, host, 1, 'DEMO Sprint 3');
    await memberRow(page, 'alice').waitFor();
    assert.equal(await memberRow(page, 'carol').count(), 0, 'carol is still in the team table');
    const stored = await rest(page, 'GET', '/rest/capacity/1.0/admin/people/carol');
    assert.equal(stored.status, 200);
    assert.deepEqual(stored.body.boards, []);
    assert.equal(stored.body.daysOff, null);
    await screenshot(page, 'anonymize-03-board-without-carol');

    // A second run (Jira's retry) finds nothing left to list.
    await page.goto(host.url(`${ANONYMIZE}?user=carol`));
    await page.locator('#anonymize-affected.anonymize-none').waitFor();
  });
  watch.assertNone();
  await page.close();
});

test('a user who is not an administrator is refused the anonymisation page', async () => {
  const page = await browser.context.newPage();
  await withShotOnFailure(page, 'anonymize-refused', async () => {
    await logOut(page, host);
    await openLoggedIn(page, host, `${PANEL}?boardId=1`, 'alice', 'alice');
    const response = await page.goto(host.url(`${ANONYMIZE}?user=bob`));
    assert.equal(response.status(), 403);
    assert.match(await page.textContent('body'), /Only Jira administrators can anonymize users\./);
  });
  await page.close();
});
