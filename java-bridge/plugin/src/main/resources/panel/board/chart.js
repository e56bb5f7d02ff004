/*
 * Capacity Tracker board page: the per-day capacity chart.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, formatDate = kit.formatDate, formatQuantity = kit.formatQuantity,
      fractionMark = kit.fractionMark, h = kit.h, initials = kit.initials;
  var chartDays = CT.board.chartDays;
  var MEMBER_COLOURS = CT.board.MEMBER_COLOURS, Panel = CT.board.Panel;

  Panel.prototype.renderChart = function (report) {
    var self = this;
    var members = report.members || [];
    var days = chartDays(report, this.daysOff, function (key) { return self.displayName(key); });

    var chart = h('div', { class: 'ct-chart' + (days.length > 16 ? ' ct-chart-dense' : ''), 'data-testid': 'day-chart', role: 'list' });
    days.forEach(function (d) {
      var cls = 'ct-day';
      if (!d.working) cls += ' ct-day-off-week';
      if (d.holiday) cls += ' ct-day-holiday';
      if (d.offs.length) cls += ' ct-day-with-off';

      var bar = h('div', { class: 'ct-day-bar', style: { height: d.height + '%' } });
      d.segments.forEach(function (s) {
        append(bar, h('div', {
          class: 'ct-seg ct-colour-' + (self.memberIndex(s.accountKey) % MEMBER_COLOURS),
          style: { 'flex-grow': String(s.value) },
          title: self.displayName(s.accountKey) + ': ' + formatQuantity(s.value, report)
        }));
      });

      var markers = h('div', { class: 'ct-day-marks' });
      if (d.holiday) append(markers, h('span', { class: 'ct-mark ct-mark-holiday', 'data-testid': 'holiday-mark', title: d.holiday, text: d.holiday }));
      d.offs.forEach(function (o) {
        append(markers, h('span', {
          class: 'ct-mark ct-mark-off ct-colour-' + (self.memberIndex(o.key) % MEMBER_COLOURS),
          'data-testid': 'day-off-mark', 'data-account-key': o.key,
          title: o.reason ? AJS.I18n.getText('capacity-tracker.js.panel.chart.with-reason', AJS.I18n.getText('capacity-tracker.js.panel.chart.off', self.displayName(o.key)), o.reason) : AJS.I18n.getText('capacity-tracker.js.panel.chart.off', self.displayName(o.key)),
          text: initials(self.displayName(o.key)) + (o.fraction < 1 ? ' ' + fractionMark(o.fraction) : '')
        }));
      });

      append(chart, h('div', { class: cls, role: 'listitem', 'aria-label': d.label, title: d.label,
        'data-date': d.date, 'data-capacity': String(d.capacity), 'data-working': d.working ? 'true' : 'false' },
        h('div', { class: 'ct-day-value', text: d.working ? formatQuantity(d.capacity, report) : '' }),
        h('div', { class: 'ct-day-track' }, d.working ? bar : h('div', { class: 'ct-day-rest' })),
        h('div', { class: 'ct-day-label' },
          h('span', { class: 'ct-day-weekday', text: formatDate(d.date, { weekday: 'narrow' }) }),
          h('span', { class: 'ct-day-number', text: formatDate(d.date, { day: 'numeric' }) }),
          h('span', { class: 'ct-day-month', text: d.showMonth ? formatDate(d.date, { month: 'short' }) : '\u00a0' })),
        markers));
    });

    var legend = h('ul', { class: 'ct-legend', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.legend') });
    members.forEach(function (m) {
      append(legend, h('li', null, h('span', { class: 'ct-swatch ct-colour-' + (self.memberIndex(m.accountKey) % MEMBER_COLOURS) }), self.displayName(m.accountKey)));
    });
    append(legend, h('li', null, h('span', { class: 'ct-swatch ct-swatch-holiday' }), AJS.I18n.getText('capacity-tracker.js.panel.holiday')));
    append(legend, h('li', null, h('span', { class: 'ct-swatch ct-swatch-rest' }), AJS.I18n.getText('capacity-tracker.js.panel.not-a-working-day')));

    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.capacity-per-day') },
      h('div', { class: 'ct-section-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-capacity-per-day') }),
        h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.each-bar-is-split-by-person') })),
      h('div', { class: 'ct-chart-wrap' }, chart),
      legend);
  };

  return {};
}));
