'use strict';
/*
 * reports/job.js: the order of a report page's requests when the user leaves a running job
 * (picks the same report again, another report, or the editor). The server lets a second start
 * of the same report join the running job, so a new start must never reach it before the
 * cancel of the job left behind. Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var path = require('node:path');
var loader = require('./panel-loader.js');

/** Reports with job.js's methods over a fake server whose answers the test releases one by one. */
function page() {
  var CT = loader.load.apply(null, loader.PURE_KIT.concat(['reports/job-data.js']));
  function Reports() {
    this.runToken = 0;
    this.jobId = null;
    this.jobStart = null;
    this.cancels = Promise.resolve();
    this.renders = [];
    this.definition = { id: 'all-boards' };
  }
  Reports.prototype.renderResult = function () { this.renders.push(this.run); };
  Reports.prototype.boardName = function (id) { return 'board ' + id; };
  CT.reports.Reports = Reports;
  var file = path.join(loader.PANEL, 'reports', 'job.js');
  delete require.cache[require.resolve(file)];
  require(file);
  var p = new Reports();
  p.kit = { enc: encodeURIComponent };
  p.sent = [];
  function call(method) {
    return function (url, body) {
      var req = { method: method, url: url, body: body };
      req.answer = new Promise(function (resolve, reject) { req.resolve = resolve; req.reject = reject; });
      p.sent.push(req);
      return req.answer;
    };
  }
  p.api = { post: call('POST'), get: call('GET'), del: call('DELETE') };
  return p;
}

/** Lets every settled promise's callbacks run. */
function settle() {
  return new Promise(function (resolve) { setImmediate(resolve); });
}

function lines(p) {
  return p.sent.map(function (r) { return r.method + ' ' + r.url; });
}

test('picking the running report again: the new start waits for the cancel of the old job', async function () {
  var p = page();
  var first = p.runReport();
  await settle();
  p.sent[0].resolve({ id: 'j1', state: 'running', boardsDone: 0, boardsTotal: 9, items: 0 });
  await settle();
  var second = p.runReport();
  await settle();
  assert.deepStrictEqual(lines(p), ['POST /rest/capacity/1.0/reports/jobs', 'DELETE /rest/capacity/1.0/reports/jobs/j1'],
    'no second start before the cancel has answered');
  p.sent[1].resolve({ id: 'j1', state: 'cancelled' });
  await settle();
  assert.deepStrictEqual(lines(p).slice(2), ['POST /rest/capacity/1.0/reports/jobs']);
  p.sent[2].resolve({ id: 'j2', state: 'done', report: { rows: [] }, notes: [] });
  await Promise.all([first, second]);
  assert.ok(p.run.report, 'the new job\'s report is shown, not "cancelled"');
  assert.strictEqual(p.renders.filter(function (r) { return r && r.cancelled; }).length, 0);
});

test('a start still on its way is cancelled as soon as it answers, before the next start', async function () {
  var p = page();
  p.runReport();
  await settle();
  p.runReport(); // the first POST has not answered: its job id is not known yet
  await settle();
  assert.deepStrictEqual(lines(p), ['POST /rest/capacity/1.0/reports/jobs']);
  p.sent[0].resolve({ id: 'j1', state: 'running', boardsDone: 0, boardsTotal: 9, items: 0 });
  await settle();
  assert.deepStrictEqual(lines(p).slice(1), ['DELETE /rest/capacity/1.0/reports/jobs/j1']);
  p.sent[1].resolve({ id: 'j1', state: 'cancelled' });
  await settle();
  assert.deepStrictEqual(lines(p).slice(2), ['POST /rest/capacity/1.0/reports/jobs']);
});

test('a cancel the server refuses still lets the next start go (the old job expires on its own)', async function () {
  var p = page();
  p.runReport();
  await settle();
  p.sent[0].resolve({ id: 'j1', state: 'running', boardsDone: 0, boardsTotal: 1, items: 0 });
  await settle();
  p.runReport();
  await settle();
  p.sent[1].reject(Object.assign(new Error('gone'), { status: 404 }));
  await settle();
  assert.deepStrictEqual(lines(p).slice(2), ['POST /rest/capacity/1.0/reports/jobs']);
});

test('a finished job is not cancelled when the report runs again', async function () {
  var p = page();
  var run = p.runReport();
  await settle();
  p.sent[0].resolve({ id: 'j1', state: 'done', report: { rows: [] }, notes: [] });
  await run;
  p.runReport();
  await settle();
  assert.deepStrictEqual(lines(p), ['POST /rest/capacity/1.0/reports/jobs', 'POST /rest/capacity/1.0/reports/jobs']);
});
