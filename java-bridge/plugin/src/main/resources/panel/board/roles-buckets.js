/*
 * Capacity Tracker board page: capacity by role, and the work outside the team's
 * capacity (unassigned, assigned outside the team, unestimated).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, colourDot = kit.colourDot, enc = kit.enc, formatQuantity = kit.formatQuantity, h = kit.h,
      lozenge = kit.lozenge;
  var Panel = CT.board.Panel;

  Panel.prototype.renderRoles = function (report) {
    var table = h('table', { class: 'aui ct-table', 'data-testid': 'roles-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.role') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.people') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.capacity') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.workload') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.free') }),
        h('th', { scope: 'col', class: 'ct-util-col', text: AJS.I18n.getText('capacity-tracker.js.panel.utilisation') }))));
    var tbody = h('tbody');
    var self = this;
    report.roles.forEach(function (r) {
      append(tbody, h('tr', { 'data-testid': 'role-row', 'data-role': r.role, 'data-status': r.status },
        h('th', { scope: 'row' }, colourDot(r.colour), r.role),
        h('td', { class: 'ct-num', text: String(r.members) }),
        h('td', { class: 'ct-num', 'data-testid': 'capacity', 'data-value': String(r.capacity), text: formatQuantity(r.capacity, report) }),
        h('td', { class: 'ct-num', 'data-testid': 'workload', 'data-value': String(r.workload), text: formatQuantity(r.workload, report) }),
        h('td', { class: 'ct-num' + (r.free < 0 ? ' ct-negative' : ''), 'data-testid': 'free', 'data-value': String(r.free), text: formatQuantity(r.free, report) }),
        h('td', { class: 'ct-util-col' }, self.utilisationCell(r.utilisation, r.status))));
    });
    if (!report.roles.length) append(tbody, h('tr', null, h('td', { colspan: '6', class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-roles-yet') })));
    append(table, tbody);
    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.by-role') }, h('div', { class: 'ct-section-head' }, h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.by-role') })), table);
  };

  Panel.prototype.issueLinks = function (keys, markUnestimated) {
    var self = this;
    var unestimated = {};
    if (markUnestimated && this.report && this.report.unestimated) {
      this.report.unestimated.items.forEach(function (k) { unestimated[k] = true; });
    }
    var list = h('ul', { class: 'ct-issues' });
    keys.forEach(function (key) {
      var issue = self.issuesByKey[key];
      var summary = issue && issue.fields ? issue.fields.summary : null;
      var type = issue && issue.fields && issue.fields.issuetype ? issue.fields.issuetype.name : null;
      append(list, h('li', { 'data-issue-key': key },
        h('a', { href: self.contextPath + '/browse/' + enc(key), class: 'ct-issue-key', text: key, title: type ? type + ': ' + (summary || '') : summary }),
        summary ? h('span', { class: 'ct-issue-summary', text: summary }) : null,
        unestimated[key] ? lozenge(AJS.I18n.getText('capacity-tracker.js.panel.no-estimate'), 'aui-lozenge-subtle ct-no-estimate') : null));
    });
    return list;
  };

  Panel.prototype.renderBuckets = function (report) {
    var self = this;
    var un = report.unassigned || { workload: 0, items: [] };
    var est = report.unestimated || { count: 0, items: [] };
    var nm = report.nonMembers || [];

    function bucket(testid, title, figure, figureValue, help, body, empty) {
      return h('div', { class: 'ct-bucket' + (empty ? ' ct-bucket-empty' : ''), 'data-testid': testid },
        h('div', { class: 'ct-bucket-head' },
          h('h4', { text: title }),
          h('span', { class: 'ct-bucket-figure', 'data-testid': 'bucket-figure', 'data-value': figureValue, text: figure })),
        h('p', { class: 'ct-hint', text: help }),
        body);
    }

    var nonMemberBody = h('div');
    nm.forEach(function (entry) {
      var key = entry.assignee;
      append(nonMemberBody, h('div', { class: 'ct-nonmember', 'data-testid': 'non-member', 'data-account-key': key },
        h('div', { class: 'ct-nonmember-head' },
          h('div', { class: 'ct-who' }, self.avatar(key), h('span', { class: 'ct-name', text: self.displayName(key) })),
          h('span', { class: 'ct-bucket-figure', 'data-value': String(entry.workload), text: formatQuantity(entry.workload, report) }),
          h('button', { type: 'button', class: 'aui-button aui-button-link ct-add-them', 'data-testid': 'add-non-member',
            onclick: function () {
              self.adding = { accountKey: key };
              self.editing = null;
              self.render();
              var form = self.body.querySelector('[data-testid="add-member-form"]');
              if (form) { form.scrollIntoView({ block: 'center' }); var role = form.querySelector('[name="role"]'); if (role) role.focus(); }
            } }, AJS.I18n.getText('capacity-tracker.js.panel.add-to-team'))),
        self.issueLinks(entry.items, true)));
    });

    var nmTotal = nm.length ? (nm.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.count.one-person') : AJS.I18n.getText('capacity-tracker.js.panel.count.people', nm.length)) : AJS.I18n.getText('capacity-tracker.js.panel.count.none');
    return h('section', { class: 'ct-section', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.work-outside-the-team') },
      h('div', { class: 'ct-section-head' }, h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.work-outside-the-teams-capacity') })),
      h('div', { class: 'ct-buckets' },
        bucket('bucket-unassigned', AJS.I18n.getText('capacity-tracker.js.panel.unassigned'), un.items.length ? formatQuantity(un.workload, report) : AJS.I18n.getText('capacity-tracker.js.panel.count.none'), String(un.workload),
          AJS.I18n.getText('capacity-tracker.js.panel.not-counted-against-anyone-until-assigned'), un.items.length ? this.issueLinks(un.items, true) : null, !un.items.length),
        bucket('bucket-non-members', AJS.I18n.getText('capacity-tracker.js.panel.assigned-outside-the-team'), nmTotal, String(nm.length),
          AJS.I18n.getText('capacity-tracker.js.panel.work-of-people-who-are-not'), nm.length ? nonMemberBody : null, !nm.length),
        bucket('bucket-unestimated', AJS.I18n.getText('capacity-tracker.js.panel.unestimated'), est.count ? (est.count === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.count.one-item') : AJS.I18n.getText('capacity-tracker.js.panel.count.items', est.count)) : AJS.I18n.getText('capacity-tracker.js.panel.count.none'), String(est.count),
          AJS.I18n.getText('capacity-tracker.js.panel.no-estimate-so-they-add-nothing'), est.items.length ? this.issueLinks(est.items) : null, !est.count)));
  };

  return {};
}));
