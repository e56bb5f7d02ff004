/*
 * Capacity Tracker board page: the board settings editor (unit, estimates, calendar,
 * thresholds, roles) and team holidays.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var DAY_FRACTIONS = kit.DAY_FRACTIONS, append = kit.append, clear = kit.clear, fieldGroup = kit.fieldGroup, h = kit.h,
      longDate = kit.longDate, message = kit.message, numberValue = kit.numberValue, selectInput = kit.selectInput,
      textInput = kit.textInput;
  var Panel = CT.board.Panel, SETTINGS_SCOPE = CT.board.SETTINGS_SCOPE;

  var WEEKDAYS = [
    { code: 'MON', label: AJS.I18n.getText('capacity-tracker.js.panel.mon') }, { code: 'TUE', label: AJS.I18n.getText('capacity-tracker.js.panel.tue') }, { code: 'WED', label: AJS.I18n.getText('capacity-tracker.js.panel.wed') }, { code: 'THU', label: AJS.I18n.getText('capacity-tracker.js.panel.thu') },
    { code: 'FRI', label: AJS.I18n.getText('capacity-tracker.js.panel.fri') }, { code: 'SAT', label: AJS.I18n.getText('capacity-tracker.js.panel.sat') }, { code: 'SUN', label: AJS.I18n.getText('capacity-tracker.js.panel.sun') }
  ];

  function settingsFieldMapper(holidayIndex) {
    return function (field) {
      if (/^(unit|estimateSource|customField|subtaskPolicy|timeZone|focusFactor)$/.test(field)) return field;
      if (/^workingWeekdays(\[\d+\])?$/.test(field)) return 'workingWeekdays';
      if (field === 'thresholds.under') return 'thresholdsUnder';
      if (field === 'thresholds.over') return 'thresholdsOver';
      var m = /^holidays\[(\d+)\]\.(date|name|fraction)$/.exec(field);
      if (m && Number(m[1]) === holidayIndex) return m[2];
      return null;
    };
  }

  Panel.prototype.toggleBoardSettings = function () {
    this.showSettings = !this.showSettings;
    this.editing = null;
    this.adding = null;
    this.notice = null;
    this.renderHeader();
    this.render();
    if (this.showSettings) {
      var box = this.root.querySelector('[data-testid="board-settings"]');
      if (box && box.scrollIntoView) box.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  };

  /** The board-wide settings: unit, estimates, calendar, thresholds and holidays. */
  Panel.prototype.renderBoardSettings = function (closable) {
    var self = this;
    var s = this.settings;
    var ids = 'ct-board';
    var unit = selectInput(ids + '-unit', 'unit', [
      { value: 'hours', label: AJS.I18n.getText('capacity-tracker.js.panel.hours') }, { value: 'storyPoints', label: AJS.I18n.getText('capacity-tracker.js.panel.story-points') }], s.unit, 'settings-unit');
    var source = selectInput(ids + '-source', 'estimateSource', [
      { value: 'remaining', label: AJS.I18n.getText('capacity-tracker.js.panel.remaining-estimate') }, { value: 'original', label: AJS.I18n.getText('capacity-tracker.js.panel.original-estimate') },
      { value: 'storyPoints', label: AJS.I18n.getText('capacity-tracker.js.panel.story-points') },
      { value: 'custom', label: AJS.I18n.getText('capacity-tracker.js.panel.custom-number-field') }], s.estimateSource, 'settings-estimate-source');
    // A custom source names one of Jira's number fields; the list comes from Jira when first needed.
    var customField = h('select', { class: 'select', id: ids + '-custom-field', name: 'customField', 'data-testid': 'settings-custom-field' });
    function fillCustomFields(list) {
      var options = (list || []).slice();
      if (s.customField && !options.some(function (o) { return o.id === s.customField; })) options.unshift({ id: s.customField, name: s.customField });
      var chosen = customField.value || s.customField || '';
      clear(customField);
      if (!options.length) append(customField, h('option', { value: '', text: AJS.I18n.getText('capacity-tracker.js.panel.no-number-fields') }));
      options.forEach(function (o) {
        append(customField, h('option', { value: o.id, text: AJS.I18n.getText('capacity-tracker.js.panel.settings.custom-field-option', o.name, o.id) }));
      });
      customField.value = options.some(function (o) { return o.id === chosen; }) ? chosen : (options[0] ? options[0].id : '');
    }
    fillCustomFields(this.numberFields);
    if (!this.numberFields) this.loadNumberFields().then(fillCustomFields, function () { /* the current field stays the only choice */ });
    var customGroup = fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.custom-field'), ids + '-custom-field', customField, null,
      AJS.I18n.getText('capacity-tracker.js.panel.a-jira-number-field-counted-in-the'));
    function showCustom() { customGroup.hidden = source.value !== 'custom'; }
    showCustom();
    source.addEventListener('change', showCustom);
    unit.addEventListener('change', function () {
      // Points are only measured in points, and hours only by time estimates; a custom
      // number field counts in whichever unit the board has.
      if (unit.value === 'storyPoints' && source.value !== 'custom') source.value = 'storyPoints';
      else if (unit.value !== 'storyPoints' && source.value === 'storyPoints') source.value = 'remaining';
      showCustom();
    });
    var policy = selectInput(ids + '-policy', 'subtaskPolicy', [
      { value: 'subtasks', label: AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks-a-parent-only-when') },
      { value: 'parents', label: AJS.I18n.getText('capacity-tracker.js.panel.parents-only') },
      { value: 'all', label: AJS.I18n.getText('capacity-tracker.js.panel.every-issue-parents-and-sub-tasks') }], s.subtaskPolicy, 'settings-subtask-policy');
    var zones = h('datalist', { id: ids + '-zones' });
    try {
      if (Intl.supportedValuesOf) Intl.supportedValuesOf('timeZone').forEach(function (z) { append(zones, h('option', { value: z })); });
    } catch (e) { /* older browsers: a plain text box */ }
    var zone = textInput(ids + '-zone', 'timeZone', s.timeZone, { list: ids + '-zones', autocomplete: 'off', 'data-testid': 'settings-time-zone' });
    var days = h('div', { class: 'ct-weekdays', role: 'group', 'aria-labelledby': ids + '-days-label' });
    var dayInputs = WEEKDAYS.map(function (d) {
      var box = h('input', { type: 'checkbox', class: 'checkbox', name: 'workingWeekdays', value: d.code, id: ids + '-day-' + d.code,
        checked: s.workingWeekdays.indexOf(d.code) >= 0, 'data-testid': 'settings-day-' + d.code });
      append(days, h('label', { class: 'ct-weekday', for: ids + '-day-' + d.code }, box, d.label));
      return box;
    });
    var focus = textInput(ids + '-focus', 'focusFactor', s.focusFactor, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-focus' });
    var under = textInput(ids + '-under', 'thresholdsUnder', s.thresholds.under, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-under' });
    var over = textInput(ids + '-over', 'thresholdsOver', s.thresholds.over, { type: 'number', step: 'any', inputmode: 'decimal', 'data-testid': 'settings-over' });

    // Roles are renamed in place: members point at a role's id, so they keep it.
    var roleRows = (s.roles || []).map(function (role, i) {
      var used = s.members.some(function (m) { return m.roleId === role.id; });
      var nameInput = textInput(ids + '-role-' + i, 'roleName-' + i, role.name, { maxlength: '60', 'data-testid': 'settings-role-name', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.settings.role-name', role.name) });
      var colourInput = h('input', { type: 'color', class: 'ct-colour-input', name: 'roleColour-' + i, value: role.colour, 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.settings.role-colour', role.name), 'data-testid': 'settings-role-colour' });
      var row = { role: role, index: i, name: nameInput, colour: colourInput, removed: false };
      row.el = h('div', { class: 'field-group ct-field ct-role-row', 'data-testid': 'settings-role', 'data-role-id': role.id },
        h('div', { class: 'ct-role-inputs' }, colourInput, nameInput,
          used ? h('span', { class: 'ct-hint ct-role-used', text: AJS.I18n.getText('capacity-tracker.js.panel.in-use') }) :
            h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-role',
              onclick: function () { row.removed = true; row.el.hidden = true; } }, AJS.I18n.getText('capacity-tracker.js.panel.remove'))),
        h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
      return row;
    });
    function roleMapper(field) {
      var m = /^roles\[(\d+)\]\.(name|colour|id)$/.exec(field);
      if (!m) return null;
      var row = roleRows.filter(function (r) { return !r.removed; })[Number(m[1])];
      return row ? (m[2] === 'colour' ? 'roleColour-' : 'roleName-') + row.index : null;
    }

    var form = h('form', { class: 'aui ct-form', novalidate: true, 'data-testid': 'board-settings-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = JSON.parse(JSON.stringify(self.settings));
        doc.unit = unit.value;
        doc.estimateSource = source.value;
        if (source.value === 'custom') doc.customField = customField.value || null;
        else delete doc.customField;
        doc.subtaskPolicy = policy.value;
        doc.timeZone = zone.value.trim();
        doc.workingWeekdays = dayInputs.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        doc.focusFactor = numberValue(focus);
        doc.thresholds = { under: numberValue(under), over: numberValue(over) };
        if (doc.roles) {
          doc.roles = roleRows.filter(function (r) { return !r.removed; }).map(function (r) {
            return Object.assign({}, r.role, { name: r.name.value.trim(), colour: r.colour.value.toUpperCase() });
          });
        }
        var baseMapper = settingsFieldMapper(-1);
        self.writeSettings(form, doc, function (field) { return baseMapper(field) || roleMapper(field); }, function () {
          self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.board-settings-saved') };
          self.render();
        }, SETTINGS_SCOPE);
      } },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.estimates-and-calendar') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.unit'), ids + '-unit', unit),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.workload-from'), ids + '-source', source)),
      customGroup,
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.sub-tasks'), ids + '-policy', policy, null, AJS.I18n.getText('capacity-tracker.js.panel.which-of-a-parents-and-its')),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.time-zone'), ids + '-zone', zone, null, AJS.I18n.getText('capacity-tracker.js.panel.sprint-dates-are-read-as-local')),
      zones,
      h('div', { class: 'field-group ct-field', 'data-field-name': 'workingWeekdays' },
        h('label', { id: ids + '-days-label', text: AJS.I18n.getText('capacity-tracker.js.panel.working-days') }),
        days,
        h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true })),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.focus-factor'), ids + '-focus', focus, '%', AJS.I18n.getText('capacity-tracker.js.panel.plannable-share-of-a-day')),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.under-used-below'), ids + '-under', under, '%'),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.over-booked-above'), ids + '-over', over, '%')),
      roleRows.length ? h('div', { class: 'ct-roles-editor' },
        h('label', { class: 'ct-group-label', text: AJS.I18n.getText('capacity-tracker.js.panel.roles') }),
        h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.rename-a-role-or-change-its') }),
        roleRows.map(function (r) { return r.el; })) : null,
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-board-settings' }, AJS.I18n.getText('capacity-tracker.js.panel.save-settings')),
        closable ? h('button', { type: 'button', class: 'aui-button aui-button-link', onclick: function () { self.toggleBoardSettings(); } }, AJS.I18n.getText('capacity-tracker.js.panel.close')) : null)));

    var notice = this.notice && this.notice.key === SETTINGS_SCOPE ? message(this.notice.kind, this.notice.title,
      this.notice.text ? h('p', { text: this.notice.text }) : null, { 'data-testid': 'settings-notice' }) : null;

    return h('section', { class: 'ct-section ct-board-settings', 'data-testid': 'board-settings', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.board-settings') },
      h('div', { class: 'ct-editor' },
        h('div', { class: 'ct-editor-head' },
          h('h3', { text: AJS.I18n.getText('capacity-tracker.js.panel.board-settings') }),
          h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.apply-to-every-sprint', this.board ? this.board.name : AJS.I18n.getText('capacity-tracker.js.panel.this-board')) }),
          closable ? h('button', { type: 'button', class: 'aui-button aui-button-subtle ct-close-editor', 'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.close'), title: AJS.I18n.getText('capacity-tracker.js.panel.close'), text: '\u00d7',
            onclick: function () { self.toggleBoardSettings(); } }) : null),
        notice,
        h('div', { class: 'ct-editor-grid' }, form, this.renderHolidays())));
  };

  Panel.prototype.renderHolidays = function () {
    var self = this;
    var holidays = this.settings.holidays.map(function (hd, i) { return { holiday: hd, index: i }; });
    holidays.sort(function (a, b) { return a.holiday.date < b.holiday.date ? -1 : a.holiday.date > b.holiday.date ? 1 : a.index - b.index; });
    var box = h('div', { class: 'ct-daysoff', 'data-testid': 'holidays-editor' },
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.panel.team-holidays') }),
      h('p', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.panel.nobody-on-this-board-works-on') }));
    var listForm = h('form', { class: 'aui ct-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); } },
      h('div', { class: 'ct-form-message' }));
    if (holidays.length) {
      var tbody = h('tbody');
      holidays.forEach(function (item) {
        var hd = item.holiday;
        var part = DAY_FRACTIONS.filter(function (f) { return Number(f.value) === hd.fraction; })[0];
        append(tbody, h('tr', { 'data-testid': 'holiday', 'data-date': hd.date },
          h('td', { text: longDate(hd.date) }),
          h('td', { text: hd.name }),
          h('td', { text: part ? part.label : AJS.I18n.getText('capacity-tracker.js.panel.fraction.percent-of-day', Math.round(hd.fraction * 100)) }),
          h('td', { class: 'ct-actions' }, h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'remove-holiday',
            'aria-label': AJS.I18n.getText('capacity-tracker.js.panel.holidays.remove', hd.name, longDate(hd.date)),
            onclick: function () {
              var doc = JSON.parse(JSON.stringify(self.settings));
              doc.holidays.splice(item.index, 1);
              self.writeSettings(listForm, doc, function () { return null; }, function () {
                self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.removed', hd.name) };
                self.render();
              }, SETTINGS_SCOPE);
            } }, AJS.I18n.getText('capacity-tracker.js.panel.remove')))));
      });
      append(listForm, h('table', { class: 'aui ct-table ct-daysoff-table', 'data-testid': 'holidays-list' },
        h('thead', null, h('tr', null, h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.date') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.name') }), h('th', { text: AJS.I18n.getText('capacity-tracker.js.panel.part') }),
          h('th', null, h('span', { class: 'ct-visually-hidden', text: AJS.I18n.getText('capacity-tracker.js.panel.actions') })))),
        tbody));
    } else {
      append(listForm, h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.panel.no-holidays') }));
    }
    append(box, listForm);

    var ids = 'ct-holiday';
    var date = textInput(ids + '-date', 'date', '', { type: 'date', 'data-testid': 'holiday-date' });
    var name = textInput(ids + '-name', 'name', '', { maxlength: '100', 'data-testid': 'holiday-name', placeholder: AJS.I18n.getText('capacity-tracker.js.panel.e-g-christmas-day') });
    var fraction = selectInput(ids + '-fraction', 'fraction', DAY_FRACTIONS, '1', 'holiday-fraction');
    var addForm = h('form', { class: 'aui ct-form ct-daysoff-form', novalidate: true, 'data-testid': 'holiday-form',
      onsubmit: function (e) {
        e.preventDefault();
        var doc = JSON.parse(JSON.stringify(self.settings));
        var index = doc.holidays.length;
        var added = { date: date.value, name: name.value.trim(), fraction: Number(fraction.value) };
        doc.holidays.push(added);
        self.writeSettings(addForm, doc, settingsFieldMapper(index), function () {
          self.notice = { key: SETTINGS_SCOPE, kind: 'success', title: null, text: AJS.I18n.getText('capacity-tracker.js.panel.holidays.added', added.name, longDate(added.date)) };
          self.render();
        }, SETTINGS_SCOPE);
      } },
      h('h5', { text: AJS.I18n.getText('capacity-tracker.js.panel.add-a-holiday') }),
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-inline-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.date'), ids + '-date', date),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.part-of-day'), ids + '-fraction', fraction)),
      fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.name'), ids + '-name', name),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'add-holiday' }, AJS.I18n.getText('capacity-tracker.js.panel.add-holiday')))));
    append(box, addForm);
    return box;
  };

  return {};
}));
