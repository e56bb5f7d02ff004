/*
 * Capacity Tracker board page: starts the panel in <div id="ct-panel" data-board-id
 * data-context-path data-current-user> once the page is parsed. Last of the board files
 * (web resource capacity-board-resources), so every view has added its methods by then.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var Panel = CT.board.Panel;

  function boot() {
    var root = document.getElementById('ct-panel');
    if (!root || root.getAttribute('data-ct-started')) return;
    // The reports and administration pages have their own web resources and boot files.
    var view = root.getAttribute('data-view');
    if (view === 'reports' || view === 'admin') return;
    root.setAttribute('data-ct-started', 'true');
    new Panel(root).start();
  }

  // Kept for the browser tests' unit checks of the mapping (tests/e2e), not as an API: the
  // modules are window.CapacityTracker.
  window.CapacityTrackerPanel = { toWorkItem: kit.toWorkItem, sprintOrder: kit.sprintOrder, formatQuantity: kit.formatQuantity, kit: kit };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
  return { boot: boot };
}));
