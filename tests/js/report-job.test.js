'use strict';
/*
 * reports/job-data.js: how the reports page follows a server-side report job — when it polls
 * and what its progress bar says. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var CT = loader.load.apply(null, loader.PURE_KIT.concat(['reports/job-data.js']));
var job = CT.reports;

test('polls start soon and back off by half each time, never beyond the ceiling', function () {
  var waits = [];
  var d = 0;
  for (var i = 0; i < 10; i++) { d = job.nextPollDelay(d); waits.push(d); }
  assert.deepStrictEqual(waits.slice(0, 4), [300, 450, 675, 1013]);
  assert.strictEqual(waits[9], job.POLL_MAX_MS);
  assert.ok(waits.every(function (w, k) { return k === 0 || w >= waits[k - 1]; }), 'never shorter than the last');
  assert.strictEqual(job.nextPollDelay(undefined), job.POLL_FIRST_MS);
  assert.strictEqual(job.nextPollDelay(-5), job.POLL_FIRST_MS);
});

test('a job is finished when done, failed or cancelled; queued and running are not', function () {
  assert.deepStrictEqual(['queued', 'running', 'done', 'failed', 'cancelled', undefined].map(function (s) {
    return job.jobFinished({ state: s });
  }), [false, false, true, true, true, false]);
  assert.strictEqual(job.jobFinished(null), false);
});

test('progress counts boards read of boards to read and items; unknown until the boards are listed', function () {
  assert.deepStrictEqual(job.jobProgress(null), { boardsDone: 0, boardsTotal: 0, items: 0, fraction: null });
  assert.deepStrictEqual(job.jobProgress({ state: 'running', boardsDone: 0, boardsTotal: 0, items: 0 }),
    { boardsDone: 0, boardsTotal: 0, items: 0, fraction: null });
  assert.deepStrictEqual(job.jobProgress({ state: 'running', boardsDone: 1, boardsTotal: 4, items: 250 }),
    { boardsDone: 1, boardsTotal: 4, items: 250, fraction: 0.25 });
  assert.strictEqual(job.jobProgress({ boardsDone: 9, boardsTotal: 4, items: 1 }).fraction, 1, 'never beyond the whole');
});
