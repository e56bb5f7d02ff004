/*
 * Capacity Tracker reports page: the pure parts of following a server-side report job
 * (POST /rest/capacity/1.0/reports/jobs, then GET until it finishes): how long to wait before
 * the next poll, and what its progress says. Runs in Node (tests/js/report-job.test.js).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function () {
  'use strict';

  // A small report is done within the first polls; a long one is asked about less and less
  // often, never more than every few seconds, so many open pages do not load the node.
  var POLL_FIRST_MS = 300;
  var POLL_MAX_MS = 3000;
  var POLL_GROWTH = 1.5;

  /** The wait before the poll after one that waited `previous` ms (none yet: the first wait). */
  function nextPollDelay(previous) {
    if (!(previous > 0)) return POLL_FIRST_MS;
    return Math.min(POLL_MAX_MS, Math.round(previous * POLL_GROWTH));
  }

  /** Whether a job's state is final (the answer carries the report, the error or nothing more). */
  function jobFinished(job) {
    return Boolean(job) && (job.state === 'done' || job.state === 'failed' || job.state === 'cancelled');
  }

  /**
   * A job's progress for the progress bar: boards read of boards to read (0 of 0 until the
   * boards are known), items read so far, and the fraction done (null while unknown).
   */
  function jobProgress(job) {
    var done = job && job.boardsDone > 0 ? job.boardsDone : 0;
    var total = job && job.boardsTotal > 0 ? job.boardsTotal : 0;
    return { boardsDone: Math.min(done, total), boardsTotal: total, items: job && job.items > 0 ? job.items : 0,
      fraction: total ? Math.min(done, total) / total : null };
  }

  return {
    POLL_FIRST_MS: POLL_FIRST_MS, POLL_MAX_MS: POLL_MAX_MS, nextPollDelay: nextPollDelay, jobFinished: jobFinished,
    jobProgress: jobProgress
  };
}));
