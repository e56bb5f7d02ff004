'use strict';
/* What a person does on the capacity panel, as steps the specs share. */

const assert = require('node:assert/strict');
const path = require('node:path');
const { RESULTS } = require('./host');

const PANEL = '/plugins/servlet/capacity-tracker';

/** Opens a page of the host, logging in through the login form when Jira asks for it. */
async function openLoggedIn(page, host, pagePath, user = 'admin', password = 'admin') {
  await page.goto(host.url(pagePath));
  if (!(await page.locator('#login-form-username').count())) {
    // Already logged in, or the page did not send us to the login form: go there ourselves.
    if (await page.locator('#ct-panel').count()) return;
    await page.goto(host.url(`/login.jsp?os_destination=${encodeURIComponent(pagePath)}`));
  }
  await page.fill('#login-form-username', user);
  await page.fill('#login-form-password', password);
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith(pagePath.split('?')[0])),
    page.click('#login-form-submit'),
  ]);
  await page.locator('#ct-panel').waitFor({ state: 'attached' });
}

/** Panel of a board, with the sprint chosen in the picker and the numbers rendered. */
async function openSprint(page, host, boardId, sprintName) {
  await openLoggedIn(page, host, `${PANEL}?boardId=${boardId}`);
  const picker = page.getByTestId('sprint-picker');
  await picker.waitFor();
  await picker.selectOption({ label: sprintName });
  await page.locator('[data-testid="sprint-name"]', { hasText: sprintName }).waitFor();
  await page.locator('[data-testid="member-row"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="panel-body"].ct-busy'));
}

function memberRow(page, key) {
  return page.locator(`[data-testid="member-row"][data-account-key="${key}"]`);
}

/** The numbers a person reads in one member's row. */
async function memberNumbers(page, key) {
  const row = memberRow(page, key);
  await row.waitFor();
  const text = async (id) => (await row.getByTestId(id).first().textContent()).trim();
  return {
    capacity: await text('capacity'),
    workload: await text('workload'),
    free: await text('free'),
    utilisation: await text('utilisation'),
    status: await row.getAttribute('data-status'),
    statusLabel: await text('status'),
  };
}

/** Waits until a member's capacity cell shows `expected` (the panel re-renders after a save). */
async function waitForCapacity(page, key, expected) {
  await memberRow(page, key).getByTestId('capacity').filter({ hasText: new RegExp(`^\\s*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
    .waitFor();
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
}

/** Runs a test body; on failure keeps a screenshot of what the page showed. */
async function withShotOnFailure(page, name, body) {
  try {
    await body();
  } catch (err) {
    try { await screenshot(page, `FAILED-${name}`); } catch (e) { /* the page may be gone */ }
    throw err;
  }
}

/** Collects uncaught page errors, so a test can insist there were none. */
function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    errors,
    assertNone() { assert.deepEqual(errors, [], `uncaught errors on the page: ${errors.join('; ')}`); },
  };
}

/** Calls the host's REST as the logged-in page (same cookies, same XSRF rules). */
async function rest(page, method, restPath, body) {
  return page.evaluate(async ({ method, restPath, body }) => {
    const ctx = document.getElementById('ct-panel').getAttribute('data-context-path');
    const res = await fetch(ctx + restPath, {
      method,
      credentials: 'same-origin',
      headers: method === 'GET' ? { Accept: 'application/json' }
        : { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }, { method, restPath, body });
}

/**
 * Logs out as a user does: GET /logout only asks (logging out by GET would let any page log
 * the user out), and the page's form posts with its token.
 */
async function logOut(page, host) {
  await page.goto(host.url('/logout'));
  if (await page.locator('#logout-submit').count()) {
    await Promise.all([page.waitForURL(/login\.jsp/), page.click('#logout-submit')]);
  }
}

module.exports = {
  PANEL, openLoggedIn, logOut, openSprint, memberRow, memberNumbers, waitForCapacity, screenshot, withShotOnFailure, watchErrors, rest,
};
