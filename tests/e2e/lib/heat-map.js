'use strict';
/*
 * The reports page's heat map as the specs read it: a cell by row key and bucket, a cell's
 * numbers, and waiting until a report has been drawn.
 */

/** The cell of row `key` (a person, role or board) in bucket `bucket` (e.g. '2026-W49'). */
function heatCell(page, key, bucket) {
  return page.locator(`[data-testid="heat-row"][data-key="${key}"] [data-testid="heat-cell"][data-bucket="${bucket}"]`);
}

/** A cell's (or total's) figures as its data attributes carry them, and the text it shows. */
async function cellNumbers(cell) {
  return {
    capacity: await cell.getAttribute('data-capacity'),
    workload: await cell.getAttribute('data-workload'),
    status: await cell.getAttribute('data-status'),
    text: (await cell.locator('.ct-heat-value').textContent()).trim(),
  };
}

/**
 * Waits for a drawn heat map with no report running, and for the names of the people on
 * screen (they follow the drawn map, asked of Jira for those rows only).
 * @param {{timeout?: number}} options timeout for the heat map to appear (a job may run seconds)
 */
async function waitForHeatMap(page, options = {}) {
  await page.getByTestId('heat-map').waitFor(options.timeout ? { timeout: options.timeout } : undefined);
  await page.waitForFunction(() => !document.querySelector('[data-testid="report-running"]'));
  await page.locator('[data-testid="report-result"][data-names="loaded"]').waitFor();
}

module.exports = { heatCell, cellNumbers, waitForHeatMap };
