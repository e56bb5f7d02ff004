/*
 * Capacity Tracker board page: the team table (one row per member, totals, warnings).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, colourDot = kit.colourDot, formatDayCount = kit.formatDayCount,
      formatPercent = kit.formatPercent, formatQuantity = kit.formatQuantity, h = kit.h, initials = kit.initials,
      lozenge = kit.lozenge, message = kit.message, statusLozenge = kit.statusLozenge,
      utilisationBar = kit.utilisationBar;
  var MEMBER_COLOURS = CT.board.MEMBER_COLOURS, Panel = CT.board.Panel;

  /** Remaining capacity is worth showing while today lies inside the sprint. */
  function remainingShown(report) {
    var asOf = report && report.iteration.asOf;
    return Boolean(report && typeof report.team.remainingCapacity === 'number' && asOf &&
      asOf >= report.iteration.firstDate && asOf <= report.iteration.lastDate);
  }

  Panel.prototype.renderTotals = function (report) {
    var t = report.team;
    function card(label, testid, value, raw, sub, extraClass) {
      return h('div', { class: 'ct-card ' + (extraClass || '') },
        h('div', { class: 'ct-card-label', text: label }),
        h('div', { class: 'ct-card-value', 'data-testid': testid, 'data-value': raw === undefined ? null : String(raw), text: value }),
        sub);
    }
    var remaining = h('div', { class: 'ct-card-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.plannable-time-of-the-team') });
    if (remainingShown(report)) {
      remaining = h('div', { class: 'ct-card-sub', 'data-testid': 'team-remaining', 'data-value': String(t.remainingCapacity) },
        AJS.I18n.getText('capacity-tracker.js.panel.totals.left-from-today', formatQuantity(t.remainingCapacity, report)));
    }
    var freeSub = h('div', { class: 'ct-card-sub', text: t.free < 0 ? AJS.I18n.getText('capacity-tracker.js.panel.over-capacity') : AJS.I18n.getText('capacity-tracker.js.panel.not-yet-planned') });
    var util = h('div', { class: 'ct-card ct-card-util ct-status-' + t.status, 'data-testid': 'team-status', 'data-status': t.status },
      h('div', { class: 'ct-card-label' }, AJS.I18n.getText('capacity-tracker.js.panel.utilisation')),
      h('div', { class: 'ct-card-value' },
        h('span', { 'data-testid': 'team-utilisation', 'data-value': t.utilisation === null ? '' : String(t.utilisation), text: formatPercent(t.utilisation) }),
        ' ', statusLozenge(t.status)),
      utilisationBar(t.utilisation, t.status, 'team-bar'));
    return h('section', { class: 'ct-totals', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.team-totals'), 'data-testid': 'team-totals' },
      card(AJS.I18n.getText('capacity-tracker.js.panel.capacity'), 'team-capacity', formatQuantity(t.capacity, report), t.capacity, remaining),
      card(AJS.I18n.getText('capacity-tracker.js.panel.workload'), 'team-workload', formatQuantity(t.workload, report), t.workload,
        h('div', { class: 'ct-card-sub', text: report.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.story-points-not-done') : AJS.I18n.getText('capacity-tracker.js.panel.estimate-remaining') })),
      card(AJS.I18n.getText('capacity-tracker.js.panel.free'), 'team-free', formatQuantity(t.free, report), t.free, freeSub, t.free < 0 ? 'ct-negative' : ''),
      util);
  };

  Panel.prototype.renderWarnings = function (warnings) {
    var list = h('ul', { class: 'ct-warning-list' });
    warnings.forEach(function (w) {
      append(list, h('li', { 'data-code': w.code || null, text: w.message }));
    });
    return message('warning', warnings.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.worth-a-look') : AJS.I18n.getText('capacity-tracker.js.panel.warnings.count', warnings.length), list, { 'data-testid': 'warnings' });
  };

  Panel.prototype.avatar = function (key) {
    var name = this.displayName(key);
    var colour = 'ct-colour-' + (this.memberIndex(key) % MEMBER_COLOURS);
    return h('span', { class: 'ct-avatar ' + colour, 'aria-hidden': 'true', text: initials(name) });
  };

  Panel.prototype.memberIndex = function (key) {
    var members = (this.settings && this.settings.members) || [];
    for (var i = 0; i < members.length; i++) if (members[i].accountKey === key) return i;
    // People on this sprint only come after the board's team, so their colours differ too.
    var added = this.sprintAdded();
    for (var a = 0; a < added.length; a++) if (added[a].accountKey === key) return members.length + a;
    var h32 = 0;
    for (var j = 0; j < key.length; j++) h32 = (h32 * 31 + key.charCodeAt(j)) >>> 0;
    return h32;
  };

  Panel.prototype.renderMembers = function (report) {
    var self = this;
    var members = (this.settings && this.settings.members) || [];
    var byKey = {};
    if (report) report.members.forEach(function (m) { byKey[m.accountKey] = m; });

    var addButton = h('button', {
      type: 'button', class: 'aui-button', 'data-testid': 'add-member-button',
      'aria-expanded': this.adding ? 'true' : 'false',
      onclick: function () { self.adding = self.adding ? null : { accountKey: '' }; self.editing = null; self.notice = null; self.templateBox = null; self.render(); }
    }, h('span', { class: 'ct-plus', 'aria-hidden': 'true', text: '+' }), ' ' + AJS.I18n.getText('capacity-tracker.js.panel.add-member'));

    var actions = h('div', { class: 'ct-section-actions' });
    if (this.sprint && this.team) {
      var previous = this.previousSprint();
      if (previous) {
        append(actions, h('button', { type: 'button', class: 'aui-button', 'data-testid': 'copy-team-button',
          title: AJS.I18n.getText('capacity-tracker.js.panel.copy-team.title', previous.name, this.sprint.name),
          onclick: function () { self.copyTeamClicked(previous); } }, AJS.I18n.getText('capacity-tracker.js.panel.copy-team.button', previous.name)));
      }
      append(actions, h('button', { type: 'button', class: 'aui-button' + (this.templateBox ? ' active' : ''), 'data-testid': 'apply-template-button',
        'aria-expanded': this.templateBox ? 'true' : 'false',
        onclick: function () { self.toggleTemplateBox(); } }, AJS.I18n.getText('capacity-tracker.js.panel.apply-template-open')));
    }
    append(actions, addButton);
    if (report && report.members.length) {
      // The sprint's team table as the engine computed it, for a spreadsheet or a meeting.
      append(actions, h('button', { type: 'button', class: 'aui-button ct-no-print', 'data-testid': 'team-csv',
        onclick: function () {
          var it = report.iteration;
          kit.downloadCsv('capacity-' + kit.csvName(self.boardId) + '-' + kit.csvName(it.name || it.firstDate) + '.csv',
            kit.csvFile(kit.teamCsvRows(report, function (key) { return self.displayName(key); })));
        } }, AJS.I18n.getText('capacity-tracker.js.csv.download')));
    }

    var section = h('section', { class: 'ct-section ct-members', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.team-members') },
      h('div', { class: 'ct-section-head' },
        h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-members') }),
        h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.select-a-person-to-change-their') }),
        actions));

    if (this.teamError) {
      append(section, message('warning', AJS.I18n.getText('capacity-tracker.js.panel.this-sprints-own-team-changes-could'),
        h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-error.board-team-shown', this.teamError.message) }), { 'data-testid': 'team-error' }));
    }
    if (this.copyConfirm) append(section, this.renderCopyConfirm());
    if (this.templateBox) append(section, this.renderTemplateBox());
    var changes = (this.team && this.team.members) || [];
    if (changes.length) {
      append(section, h('p', { class: 'ct-sprint-changes', 'data-testid': 'sprint-changes-note', 'data-count': String(changes.length) },
        h('span', { class: 'ct-reading-icon', 'aria-hidden': 'true', text: 'i' }),
        h('span', { text: changes.length === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.sprint-team.one-change', this.sprint.name) :
          AJS.I18n.getText('capacity-tracker.js.panel.sprint-team.changes', changes.length, this.sprint.name) })));
    }

    var table = h('table', { class: 'aui aui-table-interactive ct-table', 'data-testid': 'members-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.member') }),
        h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.panel.role') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off') }),
        h('th', { scope: 'col', class: 'ct-num', text: remainingShown(report) ? AJS.I18n.getText('capacity-tracker.js.panel.capacity-left') : AJS.I18n.getText('capacity-tracker.js.panel.capacity') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.workload') }),
        h('th', { scope: 'col', class: 'ct-num', text: AJS.I18n.getText('capacity-tracker.js.panel.free') }),
        h('th', { scope: 'col', class: 'ct-util-col', text: AJS.I18n.getText('capacity-tracker.js.panel.utilisation') }))));
    var tbody = h('tbody');
    var entries = members.map(function (m, index) { return { member: m, index: index, change: self.teamChange(m.accountKey) }; });
    this.sprintAdded().forEach(function (c) {
      entries.push({ member: self.addedAsMember(c), index: -1, change: c });
    });
    entries.forEach(function (entry) {
      var key = entry.member.accountKey;
      append(tbody, self.renderMemberRow(entry, byKey[key] || null, report));
      if (self.editing === key) append(tbody, self.renderEditorRow(entry.member, entry.index));
    });
    if (this.adding) append(tbody, this.renderAddRow());
    if (!entries.length && !this.adding) {
      append(tbody, h('tr', { class: 'ct-empty-row' }, h('td', { colspan: '7' },
        h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.nobody-is-on-this-boards-team') }))));
    }
    append(table, tbody);
    if (report && entries.length) {
      var t = report.team;
      append(table, h('tfoot', null, h('tr', { class: 'ct-total-row', 'data-testid': 'team-row' },
        h('th', { scope: 'row', colspan: '3', text: AJS.I18n.getText('capacity-tracker.js.panel.team') }),
        h('td', { class: 'ct-num' }, formatQuantity(t.capacity, report),
          remainingShown(report) ? h('span', { class: 'ct-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.quantity.left', formatQuantity(t.remainingCapacity, report)) }) : null),
        h('td', { class: 'ct-num', text: formatQuantity(t.workload, report) }),
        h('td', { class: 'ct-num' + (t.free < 0 ? ' ct-negative' : ''), text: formatQuantity(t.free, report) }),
        h('td', { class: 'ct-util-col' }, this.utilisationCell(t.utilisation, t.status)))));
    }
    append(section, table);
    return section;
  };

  Panel.prototype.utilisationCell = function (value, status) {
    return h('div', { class: 'ct-util' },
      utilisationBar(value, status),
      h('span', { class: 'ct-util-value', 'data-testid': 'utilisation', 'data-value': value === null ? '' : String(value), text: formatPercent(value) }),
      statusLozenge(status, 'status'));
  };

  Panel.prototype.renderMemberRow = function (entry, r, report) {
    var self = this;
    var member = entry.member;
    var key = member.accountKey;
    var open = this.editing === key;
    var name = this.displayName(key);
    var user = this.users[key];
    var removedHere = Boolean(entry.change && entry.change.action === 'remove');
    var sprintName = this.sprint ? this.sprint.name : AJS.I18n.getText('capacity-tracker.js.panel.this-sprint');
    var tag = null;
    var skipped = entry.change ? this.skippedChange(key) : null;
    if (skipped) {
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-error ct-change-tag', 'data-testid': 'iteration-change', 'data-change': 'skipped',
        title: AJS.I18n.getText('capacity-tracker.js.panel.change-tag.skipped', skipped), text: AJS.I18n.getText('capacity-tracker.js.panel.change-not-applied') });
    } else if (removedHere) {
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-removed ct-change-tag', 'data-testid': 'iteration-change', 'data-change': 'removed',
        title: AJS.I18n.getText('capacity-tracker.js.panel.change-tag.removed', sprintName), text: AJS.I18n.getText('capacity-tracker.js.panel.not-in-this-sprint') });
    } else if (r && r.iterationChange) {
      var added = r.iterationChange === 'added';
      tag = h('span', { class: 'aui-lozenge aui-lozenge-subtle ' + (added ? 'aui-lozenge-new' : 'aui-lozenge-moved') + ' ct-change-tag',
        'data-testid': 'iteration-change', 'data-change': r.iterationChange,
        title: (added ? AJS.I18n.getText('capacity-tracker.js.panel.change-tag.added', sprintName) : AJS.I18n.getText('capacity-tracker.js.panel.change-tag.changed', sprintName)),
        text: added ? AJS.I18n.getText('capacity-tracker.js.panel.added-this-sprint') : AJS.I18n.getText('capacity-tracker.js.panel.changed-this-sprint') });
    }
    var terms = r && !removedHere ? this.reportTerms(r, report) : this.memberTerms(member);
    var who = h('div', { class: 'ct-who' },
      this.avatar(key),
      h('div', { class: 'ct-who-text' },
        h('span', { class: 'ct-name' }, h('span', { 'data-testid': 'member-name', text: name }),
          key === this.currentUserKey ? lozenge(AJS.I18n.getText('capacity-tracker.js.panel.you'), 'aui-lozenge-subtle ct-you') : null, tag),
        h('span', { class: 'ct-sub', text: (name !== key ? key + ' · ' : '') + terms }),
        user && user.missing ? h('span', { class: 'ct-sub ct-negative', text: AJS.I18n.getText('capacity-tracker.js.panel.no-jira-user-has-this-key') }) : null));
    var offText = '—';
    var offTitle = null;
    if (r) {
      offText = formatDayCount(r.daysOff);
      if (r.holidays) offTitle = AJS.I18n.getText('capacity-tracker.js.panel.days-off.title-with-holidays', formatDayCount(r.holidays), r.workingDays);
      else offTitle = AJS.I18n.getText('capacity-tracker.js.panel.days-off.title', r.workingDays);
    }
    var row = h('tr', {
      class: 'ct-member-row' + (open ? ' ct-open' : '') + (removedHere ? ' ct-removed-row' : ''),
      'data-testid': 'member-row',
      'data-account-key': key,
      'data-status': r ? r.status : null,
      'data-iteration-change': removedHere ? 'removed' : (r && r.iterationChange) || null,
      tabindex: '0',
      'aria-expanded': open ? 'true' : 'false',
      title: open ? null : AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name),
      onclick: function () { self.toggleEditor(key); },
      onkeydown: function (e) {
        if (e.target === row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); self.toggleEditor(key); }
      }
    },
    h('td', null, who),
    h('td', null, this.roleSwatch(r && r.roleId ? { roleId: r.roleId } : member), h('span', { 'data-testid': 'role', text: r && r.role ? r.role : this.roleName(member) })),
    h('td', { class: 'ct-num', 'data-testid': 'days-off', 'data-value': r ? String(r.daysOff) : null, title: offTitle },
      offText, r && r.holidays ? h('span', { class: 'ct-sub', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off.plus-holidays', formatDayCount(r.holidays)) }) : null),
    h('td', { class: 'ct-num' },
      h('span', { 'data-testid': 'capacity', 'data-value': r ? String(r.capacity) : null, text: r ? formatQuantity(r.capacity, report) : '—' }),
      r && remainingShown(report) ? h('span', { class: 'ct-sub', 'data-testid': 'remaining', 'data-value': String(r.remainingCapacity),
        title: AJS.I18n.getText('capacity-tracker.js.panel.capacity-from-today-to-the-end'), text: AJS.I18n.getText('capacity-tracker.js.panel.quantity.left', formatQuantity(r.remainingCapacity, report)) }) : null),
    h('td', { class: 'ct-num', 'data-testid': 'workload', 'data-value': r ? String(r.workload) : null, text: r ? formatQuantity(r.workload, report) : '—' }),
    h('td', { class: 'ct-num' + (r && r.free < 0 ? ' ct-negative' : ''), 'data-testid': 'free', 'data-value': r ? String(r.free) : null, text: r ? formatQuantity(r.free, report) : '—' }),
    h('td', { class: 'ct-util-col' }, r ? this.utilisationCell(r.utilisation, r.status) :
      h('span', { class: 'ct-sub', text: removedHere ? AJS.I18n.getText('capacity-tracker.js.panel.not-on-the-team-in-this') : '—' })));
    return row;
  };

  /** A member's terms as the report applied them (this sprint's changes included). */
  Panel.prototype.reportTerms = function (r, report) {
    var perDay = report.baseUnit === 'minute' ? r.dailyCapacity / 60 : r.dailyCapacity / 100;
    var perDayText = String(Math.round(perDay * 100) / 100);
    var daily = report.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points-per-day', perDayText) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours-per-day', perDayText);
    var alloc = typeof r.allocation === 'number' ? r.allocation : 100;
    return alloc !== 100 ? AJS.I18n.getText('capacity-tracker.js.panel.member.terms-at-allocation', daily, Math.round(alloc * 10) / 10) : daily;
  };

  /** A member's role name: schema 2 members point at a role by id, schema 1 named it. */
  Panel.prototype.roleName = function (member) {
    if (member.role) return member.role;
    var roles = (this.settings && this.settings.roles) || [];
    for (var i = 0; i < roles.length; i++) if (roles[i].id === member.roleId) return roles[i].name;
    return member.roleId || '';
  };

  Panel.prototype.roleSwatch = function (member) {
    var roles = (this.settings && this.settings.roles) || [];
    for (var i = 0; i < roles.length; i++) if (roles[i].id === member.roleId) return colourDot(roles[i].colour);
    return null;
  };

  Panel.prototype.unitPerDay = function () {
    return this.settings && this.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.points-a-day') : 'h a day';
  };

  Panel.prototype.memberTerms = function (member) {
    var daily = this.settings && this.settings.unit === 'storyPoints' ? AJS.I18n.getText('capacity-tracker.js.panel.quantity.points-per-day', String(member.dailyCapacity)) : AJS.I18n.getText('capacity-tracker.js.panel.quantity.hours-per-day', String(member.dailyCapacity));
    var alloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    return alloc !== 100 ? AJS.I18n.getText('capacity-tracker.js.panel.member.terms-at-allocation', daily, alloc) : daily;
  };

  Panel.prototype.toggleEditor = function (key) {
    this.editing = this.editing === key ? null : key;
    this.adding = null;
    this.notice = null;
    this.render();
    if (this.editing) {
      var first = this.body.querySelector('[data-testid="member-editor"] input[name="dailyCapacity"]');
      if (first) first.focus();
    }
  };

  return {};
}));
