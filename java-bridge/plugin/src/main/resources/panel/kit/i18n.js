/*
 * Capacity Tracker kit: shared texts and the helpers that turn engine field paths into labels.
 * Every text is an AJS.I18n.getText call with a literal key (Jira's jsI18n transformation
 * rewrites exactly those); no DOM, so Node's tests load it too.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  var STATUS_LABEL = { under: AJS.I18n.getText('capacity-tracker.js.panel.under'), ok: AJS.I18n.getText('capacity-tracker.js.panel.ok'), over: AJS.I18n.getText('capacity-tracker.js.panel.over'), noCapacity: AJS.I18n.getText('capacity-tracker.js.panel.no-capacity') };
  var STATUS_LOZENGE = {
    under: 'aui-lozenge-complete',
    ok: 'aui-lozenge-success',
    over: 'aui-lozenge-error',
    noCapacity: ''
  };
  var STATUS_HELP = {
    under: AJS.I18n.getText('capacity-tracker.js.panel.below-the-boards-lower-threshold-there'),
    ok: AJS.I18n.getText('capacity-tracker.js.panel.between-the-boards-thresholds'),
    over: AJS.I18n.getText('capacity-tracker.js.panel.above-the-boards-upper-threshold-more'),
    noCapacity: AJS.I18n.getText('capacity-tracker.js.panel.no-capacity-in-this-sprint')
  };
  var FIELD_LABELS = {
    accountKey: AJS.I18n.getText('capacity-tracker.js.panel.account-key'),
    role: AJS.I18n.getText('capacity-tracker.js.panel.role'),
    dailyCapacity: AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'),
    allocation: AJS.I18n.getText('capacity-tracker.js.panel.allocation'),
    start: AJS.I18n.getText('capacity-tracker.js.panel.from'),
    end: AJS.I18n.getText('capacity-tracker.js.panel.to'),
    fraction: AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'),
    reason: AJS.I18n.getText('capacity-tracker.js.panel.reason'),
    unit: AJS.I18n.getText('capacity-tracker.js.panel.unit'),
    estimateSource: AJS.I18n.getText('capacity-tracker.js.panel.workload-from'),
    customField: AJS.I18n.getText('capacity-tracker.js.panel.custom-field'),
    subtaskPolicy: AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks'),
    timeZone: AJS.I18n.getText('capacity-tracker.js.panel.time-zone'),
    workingWeekdays: AJS.I18n.getText('capacity-tracker.js.panel.working-days'),
    focusFactor: AJS.I18n.getText('capacity-tracker.js.panel.focus-factor'),
    thresholdsUnder: AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'),
    thresholdsOver: AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'),
    under: AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'),
    over: AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'),
    date: AJS.I18n.getText('capacity-tracker.js.panel.date'),
    name: AJS.I18n.getText('capacity-tracker.js.panel.name')
  };
  var DAY_FRACTIONS = [
    { value: '1', label: AJS.I18n.getText('capacity-tracker.js.panel.full-day') },
    { value: '0.75', label: AJS.I18n.getText('capacity-tracker.js.panel.three-quarters') },
    { value: '0.5', label: AJS.I18n.getText('capacity-tracker.js.panel.half-day') },
    { value: '0.25', label: AJS.I18n.getText('capacity-tracker.js.panel.quarter-day') }
  ];

  function humanField(field) {
    if (!field) return '';
    var last = String(field).split('.').pop().replace(/\[\d+\]$/, '');
    return FIELD_LABELS[last] || last;
  }

  /** The engine's messages start with the field path; the form already shows the label. */
  function stripFieldPath(text, field) {
    var msg = String(text || '');
    if (field && msg.indexOf(field + ':') === 0) msg = msg.slice(field.length + 1).trim();
    return msg.charAt(0).toUpperCase() + msg.slice(1);
  }

  return {
    DAY_FRACTIONS: DAY_FRACTIONS, FIELD_LABELS: FIELD_LABELS, STATUS_HELP: STATUS_HELP, STATUS_LABEL: STATUS_LABEL,
    STATUS_LOZENGE: STATUS_LOZENGE, humanField: humanField, stripFieldPath: stripFieldPath
  };
}));
