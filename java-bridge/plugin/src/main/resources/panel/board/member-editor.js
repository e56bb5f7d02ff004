/*
 * Capacity Tracker board page: editing a member (capacity, role, allocation), adding one,
 * their days off, and the writes of board settings they go through.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var customEstimateField = kit.customEstimateField;
  var ApiError = kit.ApiError, DAY_FRACTIONS = kit.DAY_FRACTIONS, append = kit.append, clear = kit.clear,
      enc = kit.enc, fieldGroup = kit.fieldGroup, h = kit.h, longDate = kit.longDate, message = kit.message,
      numberValue = kit.numberValue, pickerField = kit.pickerField, radioOption = kit.radioOption, setBusy = kit.setBusy,
      showFormError = kit.showFormError, textInput = kit.textInput;
  var Panel = CT.board.Panel, SETTINGS_SCOPE = CT.board.SETTINGS_SCOPE;

  /**
   * Gives a member the role called `name`: the id of the board's role of that name, else the
   * name itself, which makes the engine add the role (or name the field if it is invalid).
   */
  function assignRole(member, name, doc) {
    var roles = doc.roles || [];
    var match = roles.filter(function (r) { return r.name === name; })[0];
    if (match) {
      member.roleId = match.id;
      delete member.role;
    } else if (doc.roles) {
      delete member.roleId;
      member.role = name;
    } else {
      member.role = name;
    }
  }

  function memberFieldMapper(index) {
    return function (field) {
      var m = /^members\[(\d+)\]\.(accountKey|role|roleId|dailyCapacity|allocation)$/.exec(field);
      if (!m || Number(m[1]) !== index) return null;
      return m[2] === 'roleId' ? 'role' : m[2];
    };
  }

  Panel.prototype.roleDatalist = function (id) {
    var roles = {};
    var self = this;
    ((this.settings && this.settings.roles) || []).forEach(function (r) { roles[r.name] = true; });
    ((this.settings && this.settings.members) || []).forEach(function (m) { roles[self.roleName(m)] = true; });
    var list = h('datalist', { id: id });
    Object.keys(roles).sort().forEach(function (r) { append(list, h('option', { value: r })); });
    return list;
  };

  Panel.prototype.renderEditorRow = function (member, index) {
    if (index < 0) return this.renderSprintEditorRow(member);
    var self = this;
    var key = member.accountKey;
    var name = this.displayName(key);
    var unitPerDay = this.unitPerDay();
    var ids = 'ct-edit-' + index;

    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', member.dailyCapacity, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'daily-capacity-input' });
    var allocInput = textInput(ids + '-alloc', 'allocation', member.allocation === undefined ? 100 : member.allocation, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'allocation-input' });
    var roleInput = textInput(ids + '-role', 'role', this.roleName(member), { list: ids + '-roles', 'data-testid': 'role-input', autocomplete: 'off' });

    var removeZone = h('div', { class: 'ct-remove-zone' });
    function showRemove() {
      clear(removeZone);
      append(removeZone, h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-danger-link', 'data-testid': 'remove-member',
        onclick: function () {
          clear(removeZone);
          append(removeZone,
            h('span', { class: 'ct-confirm-text', text: AJS.I18n.getText('capacity-tracker.js.panel.member.remove-confirm', name) }),
            h('button', { type: 'button', class: 'aui-button ct-danger', 'data-testid': 'confirm-remove-member', onclick: function () { self.removeMember(form, key); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')),
            h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: showRemove }, AJS.I18n.getText('capacity-tracker.js.panel.keep')));
        } }, AJS.I18n.getText('capacity-tracker.js.panel.remove-from-team')));
    }
    showRemove();

    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'member-form',
      onsubmit: function (e) {
        e.preventDefault();
        self.saveMember(form, key, { role: roleInput.value.trim(), dailyCapacity: numberValue(dailyInput), allocation: numberValue(allocInput) });
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.capacity-on-this-board') }),
      h('div', { class: 'ct-form-message' }),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput),
      this.roleDatalist(ids + '-roles'),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, unitPerDay, AJS.I18n.getText('capacity-tracker.js.panel.on-each-working-day-before-allocation')),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%', AJS.I18n.getText('capacity-tracker.js.panel.share-of-their-time-given-to')),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-member' }, AJS.I18n.getText('capacity-tracker.js.panel.save')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleEditor(key); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))),
      removeZone);

    var notice = this.notice && this.notice.key === key ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'editor-notice' }) : null;

    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' },
      h('div', { class: 'ct-editor', 'data-testid': 'member-editor', 'data-account-key': key, role: 'region', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.member.edit', name) },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: name }),
          h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleEditor(key); } })),
        notice,
        h('div', { class: 'ct-editor-grid' }, h('div', { class: 'ct-editor-col' }, form, this.renderSprintForm(member)),
          this.renderDaysOffEditor(key, name)))));
  };

  Panel.prototype.renderDaysOffEditor = function (key, name) {
    var self = this;
    var doc = this.daysOff[key];
    var box = h('div', { class: 'ct-daysoff', 'data-testid': 'days-off-editor' },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.days-off') }),
      h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.days-off.every-board', name) }));
    if (!doc) {
      append(box, message('warning', null, h('p', { text: AJS.I18n.getText('capacity-tracker.js.panel.the-days-off-could-not-be') })));
      return box;
    }
    var ranges = doc.ranges.map(function (r, i) { return { range: r, index: i }; });
    ranges.sort(function (a, b) { return a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : a.index - b.index; });
    var first = this.report ? this.report.iteration.firstDate : null;
    var last = this.report ? this.report.iteration.lastDate : null;
    var listForm = h('form', { class: 'aui ct-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); } },
      h('div', { class: 'ct-form-message' }));
    if (ranges.length) {
      var table = h('table', { class: 'aui ct-table ct-daysoff-table', 'data-testid': 'days-off-list' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.dates') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.part') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.reason') }), h('th', null, h('span', { class: 'ct-visually-hidden', text: AJS.I18n.getText('capacity-tracker.js.panel.actions') })))));
      var tbody = h('tbody');
      ranges.forEach(function (item) {
        var r = item.range;
        var inSprint = first && last && r.start <= last && r.end >= first;
        var dates = r.start === r.end ? longDate(r.start) : longDate(r.start) + ' \u2013 ' + longDate(r.end);
        var part = DAY_FRACTIONS.filter(function (f) { return Number(f.value) === r.fraction; })[0];
        append(tbody, h('tr', { 'data-testid': 'day-off-range', 'data-start': r.start, 'data-end': r.end, class: inSprint ? 'ct-in-sprint' : null },
          h('td', null, dates, inSprint ? h('span', { class: 'aui-lozenge aui-lozenge-subtle aui-lozenge-current ct-in-sprint-tag', text: AJS.I18n.getText('capacity-tracker.js.panel.this-sprint') }) : null),
          h('td', { text: part ? part.label : AJS.I18n.getText('capacity-tracker.js.panel.fraction.percent-of-day', Math.round(r.fraction * 100)) }),
          h('td', { class: 'ct-reason', text: r.reason || '' }),
          h('td', { class: 'ct-actions' }, h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-day-off',
            'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.days-off.remove', dates),
            onclick: function () { self.removeDayOff(listForm, key, item.index); } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')))));
      });
      append(table, tbody);
      append(listForm, table);
    } else {
      append(listForm, h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-days-off-recorded') }));
    }
    append(box, listForm);

    var ids = 'ct-off-' + this.memberIndex(key);
    var startInput = textInput(ids + '-start', 'start', '', { type: 'date', 'data-testid': 'day-off-start', required: true });
    var endInput = textInput(ids + '-end', 'end', '', { type: 'date', 'data-testid': 'day-off-end' });
    startInput.addEventListener('change', function () {
      if (!endInput.value || endInput.value < startInput.value) endInput.value = startInput.value;
    });
    var fractionSelect = h('select', { class: 'select', id: ids + '-fraction', name: 'fraction', 'data-testid': 'day-off-fraction' },
      DAY_FRACTIONS.map(function (f) { return h('option', { value: f.value, text: f.label }); }));
    var reasonInput = textInput(ids + '-reason', 'reason', '', { maxlength: '200', 'data-testid': 'day-off-reason', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.optional-e-g-vacation') });
    var addForm = h('form', { class: 'aui ct-form ct-daysoff-form', novalidate: true, 'data-testid': 'day-off-form',
      onsubmit: function (e) {
        e.preventDefault();
        var range = { start: startInput.value, end: endInput.value || startInput.value, fraction: Number(fractionSelect.value) };
        if (reasonInput.value.trim()) range.reason = reasonInput.value.trim();
        self.addDayOff(addForm, key, range);
      } },
      h('h5', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-days-off') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.from'), ids + '-start', startInput),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.to'), ids + '-end', endInput),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'), ids + '-fraction', fractionSelect)),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.reason'), ids + '-reason', reasonInput),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'add-day-off' }, AJS.I18n.getText('capacity-tracker.js.panel.add-days-off')))));
    append(box, addForm);
    return box;
  };

  Panel.prototype.renderAddRow = function () {
    var self = this;
    var ids = 'ct-add';
    var keyInput = textInput(ids + '-key', 'accountKey', this.adding.accountKey || '', { autocomplete: 'off', 'data-testid': 'new-member-key', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.member.key-placeholder') });
    // Jira's users by name, with avatars; the field keeps the picked user's key.
    var users = pickerField(keyInput, this.api, 'user', false);
    var roleInput = textInput(ids + '-role', 'role', '', { list: ids + '-roles', 'data-testid': 'new-member-role', autocomplete: 'off', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.e-g-developer') });
    var dailyInput = textInput(ids + '-daily', 'dailyCapacity', '', { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'new-member-daily' });
    var allocInput = textInput(ids + '-alloc', 'allocation', '100', { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'new-member-allocation' });
    var sprintScope = null;
    var scopeField = null;
    if (this.sprint && this.team) {
      var boardScope = h('input', { type: 'radio', class: 'radio', name: 'scope', value: 'board', id: ids + '-scope-board', checked: !this.adding.sprintOnly, 'data-testid': 'new-member-scope-board' });
      sprintScope = h('input', { type: 'radio', class: 'radio', name: 'scope', value: 'sprint', id: ids + '-scope-sprint', checked: Boolean(this.adding.sprintOnly), 'data-testid': 'new-member-scope-sprint' });
      scopeField = h('fieldset', { class: 'group ct-scope' },
        h('legend', null, h('span', { text: AJS.I18n.getText('capacity-tracker.js.panel.joins') })),
        radioOption(boardScope, AJS.I18n.getText('capacity-tracker.js.panel.the-boards-team-for-every-sprint')),
        radioOption(sprintScope, AJS.I18n.getText('capacity-tracker.js.panel.scope.sprint-only', this.sprint.name)));
    }
    var form = h('form', { class: 'aui ct-form ct-add-form', novalidate: true, 'data-testid': 'add-member-form',
      onsubmit: function (e) {
        e.preventDefault();
        var added = {
          accountKey: keyInput.value.trim(),
          role: roleInput.value.trim(),
          dailyCapacity: numberValue(dailyInput),
          allocation: numberValue(allocInput)
        };
        if (sprintScope && sprintScope.checked) self.addSprintMember(form, added);
        else self.addMember(form, added);
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-a-team-member') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.account-key'), ids + '-key', users),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.role'), ids + '-role', roleInput), this.roleDatalist(ids + '-roles'),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.daily-capacity'), ids + '-daily', dailyInput, this.unitPerDay()),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.allocation'), ids + '-alloc', allocInput, '%')),
      scopeField,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-new-member' }, AJS.I18n.getText('capacity-tracker.js.panel.add-member')),
        h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.adding = null; self.render(); } }, AJS.I18n.getText('capacity-tracker.js.panel.cancel')))));
    setTimeout(function () { if (!keyInput.value) keyInput.focus(); }, 0);
    return h('tr', { class: 'ct-editor-row' }, h('td', { colspan: '7' }, h('div', { class: 'ct-editor ct-editor-add' }, form)));
  };

  Panel.prototype.settingsPath = function () {
    return '/rest/capacity/1.0/boards/' + enc(this.boardId) + '/settings';
  };

  /** Writes settings built from the last read; on a conflict, reloads and says so. */
  Panel.prototype.writeSettings = function (form, doc, fieldToInput, onSaved, editingKey) {
    var self = this;
    setBusy(form, true);
    return this.api.put(this.settingsPath(), doc).then(function (stored) {
      self.settings = stored;
      return self.refreshAfterWrite().then(function () { onSaved(stored); });
    }, function (err) {
      if (err.status === 409) {
        return self.reloadAfterConflict(editingKey, AJS.I18n.getText('capacity-tracker.js.panel.conflict.team-settings'));
      }
      setBusy(form, false);
      showFormError(form, err, fieldToInput);
      return null;
    });
  };

  Panel.prototype.refreshAfterWrite = function () {
    var self = this;
    // A new custom estimate field needs its values: the sprint's issues are read again.
    var stale = this.sprint && customEstimateField(this.settings) !== this.issuesCustomField;
    var issues = stale ? this.loadSprintIssues(this.sprint.id).then(function (list) { self.setIssues(list); }) : Promise.resolve();
    return issues.then(function () {
      return Promise.all([self.loadPeople(), self.computeReport()]);
    }).then(function () { self.render(); });
  };

  Panel.prototype.reloadAfterConflict = function (editingKey, text) {
    var self = this;
    if (editingKey && editingKey !== SETTINGS_SCOPE) delete this.daysOff[editingKey];
    return this.loadSettings().then(function () {
      var still = editingKey === SETTINGS_SCOPE || self.settings.members.some(function (m) { return m.accountKey === editingKey; });
      self.editing = still && editingKey !== SETTINGS_SCOPE ? editingKey : null;
      self.adding = null;
      if (still) self.notice = { key: editingKey, kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text };
      else { self.notice = null; self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.panel.reloaded'), text: text }; self.renderFlash(); }
      return self.refreshAfterWrite();
    }).catch(function (err) { self.showLoadError(err); });
  };

  Panel.prototype.saveMember = function (form, key, changes) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var index = -1;
    doc.members.forEach(function (m, i) { if (m.accountKey === key) index = i; });
    if (index < 0) return;
    Object.keys(changes).forEach(function (k) {
      if (k === 'role') assignRole(doc.members[index], changes.role, doc);
      else doc.members[index][k] = changes[k];
    });
    var name = this.displayName(key);
    this.writeSettings(form, doc, memberFieldMapper(index), function () {
      self.editing = null;
      self.notice = null;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.capacity', name) };
      self.renderFlash();
      self.render();
    }, key);
  };

  Panel.prototype.removeMember = function (form, key) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var name = this.displayName(key);
    doc.members = doc.members.filter(function (m) { return m.accountKey !== key; });
    this.writeSettings(form, doc, function () { return null; }, function () {
      self.editing = null;
      self.notice = null;
      self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.removed', name) };
      self.renderFlash();
      self.render();
    }, key);
  };

  Panel.prototype.addMember = function (form, member) {
    var self = this;
    var doc = JSON.parse(JSON.stringify(this.settings));
    var index = doc.members.length;
    var added = { accountKey: member.accountKey, dailyCapacity: member.dailyCapacity, allocation: member.allocation };
    assignRole(added, member.role, doc);
    doc.members.push(added);
    var mapper = memberFieldMapper(index);
    setBusy(form, true);
    // A key Jira does not know would make a member nobody can ever be assigned work.
    var check = member.accountKey ? this.api.get('/rest/api/2/user?key=' + enc(member.accountKey)).then(function (u) {
      self.users[member.accountKey] = { displayName: (u && u.displayName) || member.accountKey, avatarUrls: u && u.avatarUrls, loaded: true };
      return true;
    }, function (err) {
      if (err.status === 404) {
        setBusy(form, false);
        showFormError(form, new ApiError(400, { field: 'members[' + index + '].accountKey', message: AJS.I18n.getText('capacity-tracker.js.panel.error.unknown-user-key', member.accountKey) }), mapper);
        return false;
      }
      return true;
    }) : Promise.resolve(true);
    check.then(function (ok) {
      if (!ok) return;
      self.writeSettings(form, doc, mapper, function () {
        self.adding = null;
        self.flash = { kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.saved.joined', self.displayName(member.accountKey)) };
        self.renderFlash();
        self.render();
      }, null);
    });
  };

  Panel.prototype.writeDaysOff = function (form, key, doc, fieldToInput, successText) {
    var self = this;
    setBusy(form, true);
    return this.api.put(this.daysOffUrl(key), doc).then(function (stored) {
      self.daysOff[key] = stored;
      self.notice = { key: key, kind: 'success', title: null, text: successText };
      return self.computeReport().then(function () { self.render(); });
    }, function (err) {
      if (err.status === 409) {
        return self.reloadAfterConflict(key, AJS.I18n.getText('capacity-tracker.js.panel.conflict.days-off', self.displayName(key)));
      }
      setBusy(form, false);
      showFormError(form, err, fieldToInput);
      return null;
    });
  };

  Panel.prototype.addDayOff = function (form, key, range) {
    var current = this.daysOff[key];
    var doc = JSON.parse(JSON.stringify(current));
    var index = doc.ranges.length;
    doc.ranges.push(range);
    var text = range.start === range.end ? AJS.I18n.getText('capacity-tracker.js.panel.days-off.added-one', longDate(range.start)) :
      AJS.I18n.getText('capacity-tracker.js.panel.days-off.added-range', longDate(range.start), longDate(range.end));
    this.writeDaysOff(form, key, doc, function (field) {
      var m = /^ranges\[(\d+)\]\.(start|end|fraction|reason)$/.exec(field);
      if (m && Number(m[1]) === index) return m[2];
      return /^ranges\[(\d+)\]$/.test(field) ? 'start' : null;
    }, text);
  };

  Panel.prototype.removeDayOff = function (form, key, index) {
    var doc = JSON.parse(JSON.stringify(this.daysOff[key]));
    var removed = doc.ranges.splice(index, 1)[0];
    var text = removed.start === removed.end ? AJS.I18n.getText('capacity-tracker.js.panel.days-off.removed-one', longDate(removed.start)) :
      AJS.I18n.getText('capacity-tracker.js.panel.days-off.removed-range', longDate(removed.start), longDate(removed.end));
    this.writeDaysOff(form, key, doc, function () { return null; }, text);
  };

  return {};
}));
