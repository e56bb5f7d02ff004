/*
 * Capacity Tracker reports page: running a report on the server. The page starts a job
 * (POST /rest/capacity/1.0/reports/jobs; the server reads every board's work through Jira's
 * Java API as the viewer), polls it with a growing interval, shows its progress and a Cancel
 * button, and then the heat map and the notes about single boards.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var R = CT.reports;
  var Reports = R.Reports;
  var JOBS = '/rest/capacity/1.0/reports/jobs';

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  /** A job's notes ({boardId, code}) as the page words them. */
  Reports.prototype.noteTexts = function (notes) {
    var self = this;
    return (notes || []).map(function (n) {
      var text = n.code === 'board-not-visible'
        ? AJS.I18n.getText('capacity-tracker.js.report.notes.board-not-visible', n.boardId)
        : n.code === 'kanban-without-periods'
          ? AJS.I18n.getText('capacity-tracker.js.report.notes.kanban-without-periods', self.boardName(n.boardId))
          : null;
      return text ? { boardId: n.boardId, text: text } : null;
    }).filter(Boolean);
  };

  /**
   * Runs the selected report as a new job. A job this page left is cancelled first, and the new
   * one is asked for only once the server has answered that cancel: the server lets a second
   * request for the same report join a running job, so a start that overtook the cancel would
   * join the job about to be cancelled and end as "cancelled".
   */
  Reports.prototype.runReport = function () {
    var self = this;
    var def = this.definition;
    if (!def) return Promise.resolve(null);
    var token = ++this.runToken;
    var left = this.abandonJob();
    this.cancelling = false;
    this.run = { running: true, progress: R.jobProgress(null) };
    this.renderResult();
    var started = left.then(function () {
      return token === self.runToken ? self.api.post(JOBS, { reportId: def.id }) : null;
    });
    // What a later abandonJob cancels, even while this start is still on its way.
    this.jobStart = started.then(function (job) { return job ? job.id : null; }, function () { return null; });
    return started.then(function (job) {
      if (!job || token !== self.runToken) return null;
      self.jobId = job.id;
      return self.followJob(job, token, 0);
    }).then(function (job) {
      return job ? self.showJob(job, token) : null;
    }).catch(function (err) { self.showRunError(err, token); });
  };

  /** A finished job on the page: cancelled, failed (its error, as the engine or reader worded it) or its report. */
  Reports.prototype.showJob = function (job, token) {
    if (token !== this.runToken) return null;
    this.jobId = null;
    this.jobStart = null;
    var notes = this.noteTexts(job.notes);
    if (job.state === 'cancelled' || job.state === 'failed') {
      this.run = job.state === 'cancelled' ? { cancelled: true, notes: notes } : { error: { message: job.error }, notes: notes };
      this.renderResult();
      return null;
    }
    // Drawn at once, keys standing in for names: the names of the people on screen follow.
    this.run = { report: job.report, notes: notes, progress: R.jobProgress(job), at: new Date() };
    this.renderResult();
    return null;
  };

  Reports.prototype.showRunError = function (err, token) {
    if (token !== this.runToken) return;
    this.jobId = null;
    this.jobStart = null;
    if (err && err.status === 401) { this.showError(err); return; }
    this.run = { error: err, notes: [] };
    this.renderResult();
  };

  /** Polls the job until it finishes, showing its progress; null once another run took over. */
  Reports.prototype.followJob = function (job, token, delay) {
    var self = this;
    if (token !== this.runToken) return Promise.resolve(null);
    if (R.jobFinished(job)) return Promise.resolve(job);
    this.jobId = job.id;
    this.run = { running: true, progress: R.jobProgress(job) };
    this.renderResult();
    var next = R.nextPollDelay(delay);
    return wait(next).then(function () {
      if (token !== self.runToken) return null;
      return self.api.get(JOBS + '/' + self.kit.enc(job.id)).then(function (latest) {
        return self.followJob(latest, token, next);
      });
    });
  };

  /** Cancels the running job (DELETE); the page then says it was cancelled (or shows how it finished meanwhile). */
  Reports.prototype.cancelRun = function () {
    var self = this;
    var id = this.jobId;
    if (!id) return Promise.resolve(null);
    var token = ++this.runToken; // the poll stops: the DELETE's answer decides what the page shows
    this.jobId = null;
    this.jobStart = null;
    this.cancelling = true;
    this.renderResult();
    var cancelled = this.api.del(JOBS + '/' + this.kit.enc(id));
    this.afterCancels(cancelled);
    // A running job stops at its next item: the answer may still say running, so follow it.
    return cancelled.then(function (job) {
      return self.followJob(job, token, 0);
    }).then(function (job) {
      self.cancelling = false;
      return job ? self.showJob(job, token) : null;
    }).catch(function (err) {
      self.cancelling = false;
      self.showRunError(err, token);
    });
  };

  /**
   * The page leaves its job (another report, a new run): a job still running is cancelled,
   * freeing its place, and so is one whose start has not answered yet. The promise settles
   * once the server has answered every cancel sent so far (a failed cancel counts as answered:
   * the job then expires on its own).
   */
  Reports.prototype.abandonJob = function () {
    var self = this;
    var id = this.jobId;
    var start = id ? Promise.resolve(id) : this.jobStart;
    this.jobId = null;
    this.jobStart = null;
    if (start) {
      this.afterCancels(start.then(function (startedId) {
        return startedId ? self.api.del(JOBS + '/' + self.kit.enc(startedId)) : null;
      }));
    }
    return this.cancels || Promise.resolve();
  };

  /** Adds a cancel in flight to those a new start waits for. */
  Reports.prototype.afterCancels = function (cancel) {
    var settled = function () { return null; };
    this.cancels = Promise.all([this.cancels, cancel.then(settled, settled)]).then(settled);
  };

  return {};
}));
