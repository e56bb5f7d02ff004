/*
 * Capacity Tracker reports page: starts the page in <div id="ct-panel" data-view="reports">.
 * Last of the reports files (web resource capacity-reports-resources).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('reports', function (CT) {
  'use strict';

  var Reports = CT.reports.Reports;

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-view') !== 'reports' || root.getAttribute('data-ct-started')) return;
    var kit = CT.kit;
    if (!kit || !kit.Api) {
      // The kit (capacity-panel-resources) comes first; without it there is nothing to build on.
      root.textContent = AJS.I18n.getText('capacity-tracker.js.report.capacity-tracker-could-not-start-its');
      return;
    }
    root.setAttribute('data-ct-started', 'true');
    new Reports(root, kit).start();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
  return { boot: boot };
}));
