/*
 * Capacity Tracker board page: this sprint's own team changes (add, change, remove for
 * one sprint), and copying them from the previous sprint.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var ApiError = kit.ApiError, enc = kit.enc, fieldGroup = kit.fieldGroup, h = kit.h, humanField = kit.humanField,
      instantMillis = kit.instantMillis, message = kit.message, numberValue = kit.numberValue, setBusy = kit.setBusy,
      showFormError = kit.showFormError, stripFieldPath = kit.stripFieldPath, textInput = kit.textInput;
  var Panel = CT.board.Panel;

  Panel.prototype.teamPath = function (sprintId) {
    return '/rest/capacity/1.0/boards/' + enc(this.boardId) + '/iterations/' + enc(sprintId) + '/team';
  };

  /** The sprint's own team changes; when they cannot be read the board's team still shows. */
  Panel.prototype.loadTeam = function (sprintId) {
    var self = this;
    return this.api.get(this.teamPath(sprintId)).then(function (doc) {
      self.team = doc;
      self.teamError = null;
      return doc;
    }, function (err) {
      if (err.status === 401) throw err;
      self.team = null;
      self.teamError = err;
      return null;
    });
  };

  Panel.prototype.teamChange = function (key) {
    var list = (this.team && this.team.members) || [];
    for (var i = 0; i < list.length; i++) if (list[i].accountKey === key) return list[i];
    return null;
  };

  /** People added for this sprint only (not on the board's team). */
  Panel.prototype.sprintAdded = function () {
    var board = {};
    ((this.settings && this.settings.members) || []).forEach(function (m) { board[m.accountKey] = true; });
    return ((this.team && this.team.members) || []).filter(function (c) { return c.action === 'add' && !board[c.accountKey]; });
  };

  /** An `add` change shaped like a board member, for the row and its editor. */
  Panel.prototype.addedAsMember = function (change) {
    var roles = (this.settings && this.settings.roles) || [];
    var role = change.role || (roles.filter(function (r) { return r.id === change.roleId; })[0] || {}).name || change.roleId || '';
    return { accountKey: change.accountKey, role: role, dailyCapacity: change.dailyCapacity,
      allocation: change.allocation === undefined || change.allocation === null ? 100 : change.allocation, sprintOnly: true };
  };

  /** The team changes as last read, to build a write from. */
  Panel.prototype.teamDraft = function () {
    if (this.team) return JSON.parse(JSON.stringify(this.team));
    return { schema: 1, revision: 0, boardId: this.boardId, iterationId: String(this.sprint.id), members: [] };
  };

  /** The sprint just before this one by start date (the order the picker's dates show). */
  Panel.prototype.previousSprint = function () {
    var current = this.sprint;
    var start = current && instantMillis(current.startDate);
    if (!current || isNaN(start)) return null;
    var best = null;
    this.sprints.forEach(function (s) {
      var t = instantMillis(s.startDate);
      if (s === current || isNaN(t) || t >= start) return;
      if (!best || t > instantMillis(best.startDate)) best = s;
    });
    return best;
  };

  function teamFieldMapper(index) {
    return function (field) {
      var m = /^members\[(\d+)\]\.(accountKey|role|roleId|dailyCapacity|allocation)$/.exec(field);
      if (!m || Number(m[1]) !== index) return null;
      return m[2] === 'roleId' ? 'role' : m[2];
    };
  }

  /** Writes the sprint's team changes built from the last read; on a conflict, reloads them and says so. */
  Panel.prototype.writeTeam = function (form, doc, fieldToInput, onSaved, editingKey) {
    var self = this;
    if (form) setBusy(form, true);
    return this.api.put(this.teamPath(this.sprint.id), doc).then(function (stored) {
      self.team = stored;
      return self.refreshAfterWrite().then(function () { onSaved(stored); });
    }, function (err) {
      if (err.status === 409) {
        var text = AJS.I18n.getText('capacity-tracker.js.panel.conflict.sprint-team', self.sprint.name);
        return self.loadTeam(self.sprint.id).then(function () {
          if (editingKey) self.notice = { key: editingKey, kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text };
          else { self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text }; self.renderFlash(); }
          return self.refreshAfterWrite();
        });
      }
      if (form) {
        setBusy(form, false);
        showFormError(form, err, fieldToInput);
      } else {
        self.flash = { kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.panel.the-change-was-not-saved'), text: err.message };
        self.renderFlash();
      }
      return null;
    }).catch(function (err) { self.showLoadError(err); });
  };

  /**
   * Why the report skipped this sprint's change of a person, or null. The engine stores a
   * change before it can know it will not fit (the board may change later) and names it in
   * an `overrideSkipped` warning when the report cannot apply it.
   */
  Panel.prototype.skippedChange = function (key) {
    var prefix = 'the change for ' + key + ' in this iteration was skipped: '; // not-i18n: the engine's warning text, matched
    var warnings = (this.report && this.report.warnings) || [];
    for (var i = 0; i < warnings.length; i++) {
      var w = warnings[i];
      if (w.code === 'overrideSkipped' && String(w.message).indexOf(prefix) === 0) return w.message.slice(prefix.length);
    }
    return null;
  };

  /** "dailyCapacity: must be …" as "Daily capacity: must be …". */
  function humanReason(text) {
    var m = /^([A-Za-z][\w.\[\]]*): (.*)$/.exec(String(text));
    return m ? humanField(m[1]) + ': ' + m[2] : stripFieldPath(text, null);
  }

  Panel.prototype.sprintSaved = function (key, text) {
    var why = this.skippedChange(key);
    if (why) {
      // Stored, but the numbers do not include it: keep the editor open to correct it.
      this.flash = null;
      this.renderFlash();
      this.editing = key;
      this.notice = { key: key, kind: 'error', title: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.not-applied-title', this.sprint.name),
        text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.not-applied-text', humanReason(why)) };
      this.render();
      return;
    }
    this.editing = null;
    this.notice = null;
    this.flash = { kind: 'success', title: null, text: text };
    this.renderFlash();
    this.render();
  };

  /**
   * A board member's capacity for this sprint only: only what differs from the board is
   * stored, so a later change on the board still reaches this sprint where it was not overridden.
   */
  Panel.prototype.saveSprintChange = function (form, member, values) {
    var key = member.accountKey;
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    var index = doc.members.length;
    var boardAlloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    var change = { accountKey: key, action: 'change' };
    if (values.dailyCapacity !== member.dailyCapacity) change.dailyCapacity = values.dailyCapacity;
    if (values.allocation !== boardAlloc) change.allocation = values.allocation;
    var same = !('dailyCapacity' in change) && !('allocation' in change);
    if (!same) doc.members.push(change);
    var name = this.displayName(key);
    var sprintName = this.sprint.name;
    this.writeTeam(form, doc, teamFieldMapper(index), this.sprintSaved.bind(this, key, same ?
      AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-to-board', name, sprintName) : AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.saved-sprint-only', name, sprintName)), key);
  };

  /** Drops this sprint's change of a person: back to the board's terms (or off the team, if they were added). */
  Panel.prototype.dropSprintChange = function (form, key, text) {
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    this.writeTeam(form, doc, function () { return null; }, this.sprintSaved.bind(this, key, text), key);
  };

  Panel.prototype.removeForSprint = function (form, key) {
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== key; });
    doc.members.push({ accountKey: key, action: 'remove' });
    this.writeTeam(form, doc, function () { return null; },
      this.sprintSaved.bind(this, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.off-team', this.displayName(key), this.sprint.name)), key);
  };

  /** Someone who works on this sprint only: an `add` change, never the board's team. */
  Panel.prototype.addSprintMember = function (form, member) {
    var self = this;
    var doc = this.teamDraft();
    doc.members = doc.members.filter(function (c) { return c.accountKey !== member.accountKey; });
    var index = doc.members.length;
    doc.members.push({ accountKey: member.accountKey, action: 'add', role: member.role, dailyCapacity: member.dailyCapacity, allocation: member.allocation });
    var mapper = teamFieldMapper(index);
    setBusy(form, true);
    this.checkUser(member.accountKey, form, 'members[' + index + '].accountKey', mapper).then(function (ok) {
      if (!ok) return;
      self.writeTeam(form, doc, mapper, function () {
        self.adding = null;
        self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.joined', self.displayName(member.accountKey), self.sprint.name) };
        self.renderFlash();
        self.render();
      }, null);
    });
  };

  /** Resolves true when Jira knows the account key (or cannot say); shows the error next to the field otherwise. */
  Panel.prototype.checkUser = function (key, form, field, mapper) {
    var self = this;
    if (!key) return Promise.resolve(true);
    return this.api.get('/rest/api/2/user?key=' + enc(key)).then(function (u) {
      self.users[key] = { displayName: (u && u.displayName) || key, avatarUrls: u && u.avatarUrls, loaded: true };
      return true;
    }, function (err) {
      if (err.status === 404) {
        setBusy(form, false);
        showFormError(form, new ApiError(400, { field: field, message: AJS.I18n.getText('capacity-tracker.js.panel.error.unknown-user-key', key) }), mapper);
        return false;
      }
      return true;
    });
  };

  /** The part of a board member's editor that changes this sprint only. */
  Panel.prototype.renderSprintForm = function (member) {
    var self = this;
    if (!this.sprint || !this.team) return null;
    var key = member.accountKey;
    var change = this.teamChange(key);
    var name = this.displayName(key);
    var ids = 'ct-sprint-' + this.memberIndex(key);
    var boardAlloc = member.allocation === undefined || member.allocation === null ? 100 : member.allocation;
    var daily = change && typeof change.dailyCapacity === 'number' ? change.dailyCapacity : member.dailyCapacity;
    var alloc = change && typeof change.allocation === 'number' ? change.allocation : boardAlloc;
    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', daily, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-daily-capacity-input' });
    var allocInput = textInput(ids + '-alloc', 'allocation', alloc, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-allocation-input' });
    if (change && change.action === 'remove') return this.renderRestoreForm(member);
    var form = h('form', { class: 'aui ct-form ct-sprint-form', novalidate: true, 'data-testid': 'sprint-member-form',
      onsubmit: function (e) {
        e.preventDefault();
        self.saveSprintChange(form, member, { dailyCapacity: numberValue(dailyInput), allocation: numberValue(allocInput) });
      } },
      h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
      h('p', { class: 'ct-hint', text: change && change.action === 'change' ?
        AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.changed-hint', this.memberTerms(member)) :
        AJS.I18n.getText('capacity-tracker.js.panel.overrides-the-boards-values-for-this') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'sprint-save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save-for-this-sprint')),
        change ? h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'sprint-reset-member',
          onclick: function () { self.dropSprintChange(form, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-to-board', name, self.sprint.name)); } },
        AJS.I18n.getText('capacity-tracker.js.panel.use-the-boards-values')) : null,
        h('button', { type: 'button', class: 'aui-button aui-button-link ct-danger-link ct-push-right', 'data-testid': 'sprint-remove-member',
          onclick: function () { self.removeForSprint(form, key); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-this-sprint')))));
    return form;
  };

  /** A board member taken off this sprint's team, and the way back. */
  Panel.prototype.renderRestoreForm = function (member) {
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var form = h('form', { class: 'aui ct-form ct-sprint-form', novalidate: true, 'data-testid': 'sprint-member-form', onsubmit: function (e) { e.preventDefault(); } },
      h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
      h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.removed-hint', name, this.memberTerms(member)) }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'aui-button', 'data-testid': 'sprint-restore-member',
          onclick: function () { self.dropSprintChange(form, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.back-on-team', name, self.sprint.name)); } }, AJS.I18n.getText('capacity-tracker.js.panel.put-back-in-this-sprint')))));
    return form;
  };

  /** Editor of someone added to, or removed from, this sprint only. */
  Panel.prototype.renderSprintEditorRow = function (member) {
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var change = this.teamChange(key);
    var ids = 'ct-sprint-add-' + this.memberIndex(key);
    var left;
    if (change && change.action === 'add') {
      var roleInput = textInput(ids + '-role', 'role', member.role, { list: ids + '-roles', 'data-testid': 'role-input', autocomplete: 'off' });
      var dailyInput = textInput(ids + '-daily', 'dailyCapacity', member.dailyCapacity, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-daily-capacity-input' });
      var allocInput = textInput(ids + '-alloc', 'allocation', member.allocation, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'sprint-allocation-input' });
      left = h('form', { class: 'aui ct-form ct-sprint-form ct-sprint-form-only', novalidate: true, 'data-testid': 'sprint-member-form',
        onsubmit: function (e) {
          e.preventDefault();
          var doc = self.teamDraft();
          var index = -1;
          doc.members.forEach(function (c, i) { if (c.accountKey === key) index = i; });
          if (index < 0) return;
          var c = doc.members[index];
          c.role = roleInput.value.trim();
          delete c.roleId;
          c.dailyCapacity = numberValue(dailyInput);
          c.allocation = numberValue(allocInput);
          self.writeTeam(left, doc, teamFieldMapper(index), self.sprintSaved.bind(self, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.saved', name, self.sprint.name)), key);
        } },
        h('h4', null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.only-in', this.sprint.name)),
        h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.added-hint', name) }),
        h('div', { class: 'ct-form-message' }),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput),
        this.roleDatalist(ids + '-roles'),
        h('div', { class: 'ct-inline-fields' },
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
          fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
        h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
          h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'sprint-save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save')),
          h('button', { type: 'button', class: 'aui-button aui-button-link ct-danger-link ct-push-right', 'data-testid': 'sprint-remove-member',
            onclick: function () { self.dropSprintChange(left, key, AJS.I18n.getText('capacity-tracker.js.panel.sprint-change.left-team', name, self.sprint.name)); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-this-sprint')))));
    } else {
      left = this.renderRestoreForm(member);
    }
    var notice = this.notice && this.notice.key === key ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'editor-notice' }) : null;
    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' },
      h('div', { class: 'ct-editor', 'data-testid': 'member-editor', 'data-account-key': key, role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name) },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: name }),
          h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleEditor(key); } })),
        notice,
        h('div', { class: 'ct-editor-grid' }, h('div', { class: 'ct-editor-col' }, left), this.renderDaysOffEditor(key, name)))));
  };

  Panel.prototype.copyTeamClicked = function (previous) {
    var own = (this.team && this.team.members) || [];
    if (own.length) {
      this.copyConfirm = { from: previous };
      this.templateBox = null;
      this.render();
      return;
    }
    this.copyTeam(previous, null);
  };

  Panel.prototype.renderCopyConfirm = function () {
    var self = this;
    var from = this.copyConfirm.from;
    var n = ((this.team && this.team.members) || []).length;
    var bar = h('div', { class: 'ct-confirm-bar', 'data-testid': 'copy-team-confirm' },
      h('span', { text: n === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.confirm-one', this.sprint.name, from.name) : AJS.I18n.getText('capacity-tracker.js.panel.copy-team.confirm', n, this.sprint.name, from.name) }),
      h('button', { type: 'button', class: 'aui-button aui-button-primary', 'data-testid': 'confirm-copy-team', onclick: function () { self.copyTeam(from, bar); } }, AJS.I18n.getText('capacity-tracker.js.panel.replace')),
      h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.copyConfirm = false; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')));
    return bar;
  };

  Panel.prototype.copyTeam = function (from, bar) {
    var self = this;
    var to = this.sprint;
    if (bar) bar.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    this.body.classList.add('ct-busy');
    var body = { fromIterationId: String(from.id), revision: this.team ? this.team.revision : 0 };
    return this.api.post(this.teamPath(to.id) + '/copy', body).then(function (stored) {
      self.team = stored;
      self.copyConfirm = false;
      var n = stored.members.length;
      self.flash = { kind: n ? 'success' : 'info', title: null, text: n ?
        (n === 1 ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied-one', from.name, to.name) : AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied', n, from.name, to.name)) :
        AJS.I18n.getText('capacity-tracker.js.panel.copy-team.copied-none', from.name, to.name) };
      self.renderFlash();
      return self.refreshAfterWrite();
    }, function (err) {
      self.copyConfirm = false;
      var conflict = err.status === 409;
      self.flash = { kind: conflict ? 'warning' : 'error', title: conflict ? AJS.I18n.getText('capacity-tracker.js.panel.reloaded') : AJS.I18n.getText('capacity-tracker.js.panel.the-team-changes-were-not-copied'),
        text: conflict ? AJS.I18n.getText('capacity-tracker.js.panel.copy-team.conflict', to.name) : err.message };
      self.renderFlash();
      return self.loadTeam(to.id).then(function () { return self.refreshAfterWrite(); });
    }).catch(function (err) { self.showLoadError(err); });
  };

  return {};
}));
