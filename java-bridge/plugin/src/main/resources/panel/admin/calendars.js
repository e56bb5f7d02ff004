/*
 * Capacity Tracker administration page: shared holiday calendars.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('admin', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, clear = kit.clear, enc = kit.enc, h = kit.h, message = kit.message;
  var Admin = CT.admin.Admin, FRACTIONS = CT.admin.FRACTIONS, MONTHS = CT.admin.MONTHS, ORDINALS = CT.admin.ORDINALS,
      REST = CT.admin.REST, RULE_TYPES = CT.admin.RULE_TYPES, WEEKDAYS = CT.admin.WEEKDAYS, button = CT.admin.button,
      field = CT.admin.field, flash = CT.admin.flash, formMessage = CT.admin.formMessage, loading = CT.admin.loading,
      numberOrNull = CT.admin.numberOrNull, resetErrors = CT.admin.resetErrors, sectionHead = CT.admin.sectionHead,
      selectInput = CT.admin.selectInput, setBusy = CT.admin.setBusy, showError = CT.admin.showError,
      textInput = CT.admin.textInput;

  var CALENDAR_KIND = {
    id: 'calendar', path: 'calendars', tab: 'calendars',
    deleteTitle: function (name) { return AJS.I18n.getText('capacity-tracker.js.admin.calendar.delete-title', name); },
    deletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.calendar.deleted'),
    notDeletedTitle: AJS.I18n.getText('capacity-tracker.js.admin.calendar.not-deleted'),
    none: AJS.I18n.getText('capacity-tracker.js.admin.no-holiday-calendars-yet'),
    deleteNote: AJS.I18n.getText('capacity-tracker.js.admin.boards-that-use-this-calendar-lose')
  };

  Admin.prototype.loadCalendars = function (pane) {
    var self = this;
    return this.api.get(REST + '/calendars').then(function (list) {
      clear(pane);
      var create = button(AJS.I18n.getText('capacity-tracker.js.admin.create-calendar'), { class: 'aui-button', 'data-testid': 'create-calendar' });
      create.addEventListener('click', function () { self.editCalendar(pane, null); });
      append(pane,
        h('div', { class: 'ct-pane-flash' }),
        h('section', { class: 'ct-section' },
          sectionHead(AJS.I18n.getText('capacity-tracker.js.admin.holiday-calendars'), AJS.I18n.getText('capacity-tracker.js.admin.public-holidays-shared-by-boards-a'), create),
          self.renderDocList(pane, CALENDAR_KIND, list, function (id) { self.editCalendar(pane, id); })),
        h('div', { class: 'ct-editor-slot' }));
    });
  };

  Admin.prototype.editCalendar = function (pane, id) {
    var self = this;
    var slot = pane.querySelector('.ct-editor-slot');
    clear(slot);
    append(slot, loading(AJS.I18n.getText('capacity-tracker.js.admin.loading-the-calendar')));
    var load = id ? this.api.get(REST + '/calendars/' + enc(id)) : Promise.resolve({ revision: 0, name: '', dates: [], rules: [] });
    return load.then(function (doc) {
      clear(slot);
      append(slot, self.calendarForm(pane, id, doc));
      slot.scrollIntoView({ block: 'nearest' });
    }, function (err) {
      clear(slot);
      append(slot, message('error', AJS.I18n.getText('capacity-tracker.js.admin.the-calendar-could-not-be-loaded'), h('p', { text: err.message })));
    });
  };

  /** A rule in words, as stored: which day of the year it names (no date is worked out here). */
  function describeRule(r) {
    var weekday = (WEEKDAYS.filter(function (d) { return d.id === r.weekday; })[0] || {}).long || r.weekday;
    var month = MONTHS[r.month - 1] || AJS.I18n.getText('capacity-tracker.js.admin.rule.month-number', r.month);
    var gap = '…';
    switch (r.type) {
      case 'fixed': return AJS.I18n.getText('capacity-tracker.js.admin.rule.fixed', r.day === null || r.day === undefined ? gap : r.day, month);
      case 'nthWeekday': return AJS.I18n.getText('capacity-tracker.js.admin.rule.nth-weekday', ((ORDINALS.filter(function (o) { return o.n === r.n; })[0] || {}).label || String(r.n)).toLowerCase(), weekday, month);
      case 'lastWeekday': return AJS.I18n.getText('capacity-tracker.js.admin.rule.last-weekday', weekday, month);
      case 'easter':
        if (r.offset === null || r.offset === undefined) return AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-incomplete', gap);
        if (r.offset === 0) return AJS.I18n.getText('capacity-tracker.js.admin.every-year-on-easter-sunday');
        var days = Math.abs(r.offset);
        if (r.offset < 0) return days === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-day-before') : AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-days-before', days);
        return days === 1 ? AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-day-after') : AJS.I18n.getText('capacity-tracker.js.admin.rule.easter-days-after', days);
      default: return r.type;
    }
  }

  function fractionSelect(name, value) {
    var v = value === undefined || value === null ? '1' : String(value);
    var options = FRACTIONS.slice();
    if (!options.some(function (o) { return o.value === v; })) options.push({ value: v, label: AJS.I18n.getText('capacity-tracker.js.admin.fraction.of-a-day', v) });
    return selectInput(name, options.map(function (o) { return { value: o.value, label: o.label }; }), v, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') });
  }

  Admin.prototype.calendarForm = function (pane, id, doc) {
    var self = this;
    var form = h('form', { class: 'aui ct-form ct-editor', 'data-testid': 'calendar-form', novalidate: true });
    var idInput = textInput('calendarId', id || '', { 'data-testid': 'calendar-id', disabled: Boolean(id), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.calendar.id-placeholder') });
    var nameInput = textInput('name', doc.name, { 'data-testid': 'calendar-name', placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-germany') });
    var dates = h('tbody', { 'data-testid': 'calendar-dates' });
    var rules = h('tbody', { 'data-testid': 'calendar-rules' });

    function cell(col, input) {
      return h('td', { 'data-col': col, class: 'ct-cell-field' }, input, h('div', { class: 'error ct-field-error', 'data-testid': 'field-error', hidden: true }));
    }
    function dateRow(d) {
      var row = h('tr', { 'data-testid': 'calendar-date' });
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-date' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row,
        cell('date', h('input', { class: 'text', type: 'date', name: 'date', value: d.date || '', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.date'), 'data-testid': 'calendar-date-input' })),
        cell('name', textInput('name', d.name, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.name'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-company-day'), 'data-testid': 'calendar-date-name' })),
        cell('fraction', fractionSelect('fraction', d.fraction)),
        h('td', { class: 'ct-actions' }, remove));
      return row;
    }
    function ruleRow(r) {
      var row = h('tr', { 'data-testid': 'calendar-rule' });
      var type = selectInput('type', RULE_TYPES.map(function (t) { return { value: t.id, label: t.label }; }), r.type || 'fixed', { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.kind-of-rule'), 'data-testid': 'rule-type' });
      var name = textInput('name', r.name, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.name'), placeholder: AJS.I18n.getText('capacity-tracker.js.admin.e-g-christmas-day'), 'data-testid': 'rule-name' });
      var month = selectInput('month', MONTHS.map(function (m, i) { return { value: i + 1, label: m }; }), r.month || 1, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.month'), 'data-testid': 'rule-month' });
      var day = textInput('day', r.day === undefined ? '' : r.day, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.day-of-the-month'), 'data-testid': 'rule-day' });
      var n = selectInput('n', ORDINALS.map(function (o) { return { value: o.n, label: o.label }; }), r.n || 1, { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.which-one'), 'data-testid': 'rule-n' });
      var weekday = selectInput('weekday', WEEKDAYS.map(function (d) { return { value: d.id, label: d.long }; }), r.weekday || 'MON', { 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.weekday'), 'data-testid': 'rule-weekday' });
      var offset = textInput('offset', r.offset === undefined ? '' : r.offset, { inputmode: 'numeric', class: 'text ct-short', 'aria-label': AJS.I18n.getText('capacity-tracker.js.admin.days-from-easter-sunday-negative-before'), 'data-testid': 'rule-offset' });
      var words = h('div', { class: 'ct-rule-words', 'data-testid': 'rule-words' });
      var parts = {
        month: cell('month', month), day: cell('day', day), n: cell('n', n), weekday: cell('weekday', weekday), offset: cell('offset', offset)
      };
      var when = h('td', { class: 'ct-rule-when' },
        h('div', { class: 'ct-rule-parts' }, parts.n, parts.weekday, parts.day, parts.month, parts.offset), words);
      function shape() {
        var t = type.value;
        parts.month.hidden = t === 'easter';
        parts.day.hidden = t !== 'fixed';
        parts.n.hidden = t !== 'nthWeekday';
        parts.weekday.hidden = t !== 'nthWeekday' && t !== 'lastWeekday';
        parts.offset.hidden = t !== 'easter';
        if (t === 'easter') offset.placeholder = 'e.g. -2';
        // The rule as the stored document will say it, once saved; nothing is computed.
        var r2 = readRule(row);
        words.textContent = describeRule(r2);
      }
      [type, month, day, n, weekday, offset].forEach(function (el) { el.addEventListener('change', shape); el.addEventListener('input', shape); });
      var remove = button(AJS.I18n.getText('capacity-tracker.js.admin.remove'), { class: 'aui-button aui-button-link', 'data-testid': 'remove-calendar-rule' });
      remove.addEventListener('click', function () { row.remove(); renumber(); });
      append(row, cell('type', type), cell('name', name), when, cell('fraction', fractionSelect('fraction', r.fraction)), h('td', { class: 'ct-actions' }, remove));
      row.shape = shape;
      shape();
      return row;
    }
    function readRule(row) {
      var get = function (n) { return row.querySelector('[name="' + n + '"]'); };
      var t = get('type').value;
      var r = { type: t, name: get('name').value.trim() };
      if (t !== 'easter') r.month = Number(get('month').value);
      if (t === 'fixed') r.day = numberOrNull(get('day'));
      if (t === 'nthWeekday') r.n = Number(get('n').value);
      if (t === 'nthWeekday' || t === 'lastWeekday') r.weekday = get('weekday').value;
      if (t === 'easter') r.offset = numberOrNull(get('offset'));
      r.fraction = Number(get('fraction').value);
      return r;
    }
    function renumber() {
      [[dates, 'dates'], [rules, 'rules']].forEach(function (pair) {
        Array.prototype.forEach.call(pair[0].children, function (row, i) {
          row.setAttribute('data-field', pair[1] + '[' + i + ']');
          Array.prototype.forEach.call(row.querySelectorAll('td[data-col]'), function (td) {
            td.setAttribute('data-field', pair[1] + '[' + i + '].' + td.getAttribute('data-col'));
          });
        });
      });
      noDates.hidden = dates.children.length > 0;
      noRules.hidden = rules.children.length > 0;
    }
    var noDates = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-single-dates') });
    var noRules = h('p', { class: 'ct-empty', text: AJS.I18n.getText('capacity-tracker.js.admin.no-yearly-rules') });
    (doc.dates || []).forEach(function (d) { append(dates, dateRow(d)); });
    (doc.rules || []).forEach(function (r) { append(rules, ruleRow(r)); });
    var addDate = button(AJS.I18n.getText('capacity-tracker.js.admin.add-date'), { 'data-testid': 'add-calendar-date' });
    addDate.addEventListener('click', function () { append(dates, dateRow({})); renumber(); dates.lastChild.querySelector('input').focus(); });
    var addRule = button(AJS.I18n.getText('capacity-tracker.js.admin.add-yearly-rule'), { 'data-testid': 'add-calendar-rule' });
    addRule.addEventListener('click', function () { append(rules, ruleRow({ type: 'fixed' })); renumber(); rules.lastChild.querySelector('input').focus(); });
    var cancel = button(AJS.I18n.getText('capacity-tracker.js.admin.cancel'), { class: 'aui-button aui-button-link', 'data-testid': 'cancel-calendar' });
    cancel.addEventListener('click', function () { clear(form.parentNode); });

    append(form,
      h('div', { class: 'ct-editor-head' }, h('h3', { text: id ? AJS.I18n.getText('capacity-tracker.js.admin.calendar.edit-title', doc.name) : AJS.I18n.getText('capacity-tracker.js.admin.new-holiday-calendar') }),
        id ? h('span', { class: 'ct-hint', text: AJS.I18n.getText('capacity-tracker.js.admin.revision', doc.revision) }) : null),
      formMessage(),
      h('div', { class: 'ct-inline-fields' },
        field(AJS.I18n.getText('capacity-tracker.js.admin.id'), 'calendarId', idInput, id ? AJS.I18n.getText('capacity-tracker.js.admin.the-id-cannot-change') : AJS.I18n.getText('capacity-tracker.js.admin.calendar.id-hint')),
        field(AJS.I18n.getText('capacity-tracker.js.admin.name'), 'name', nameInput)),
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.yearly-rules') }),
      h('div', { 'data-field': 'rules' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.kind') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.name') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.when') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') }),
            h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          rules),
        noRules, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addRule),
      h('h4', { text: AJS.I18n.getText('capacity-tracker.js.admin.single-dates') }),
      h('div', { 'data-field': 'dates' },
        h('table', { class: 'aui ct-table ct-edit-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.date') }), h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.name') }),
            h('th', { scope: 'col', text: AJS.I18n.getText('capacity-tracker.js.admin.part-of-day') }), h('th', { scope: 'col' }, h('span', { class: 'assistive', text: AJS.I18n.getText('capacity-tracker.js.admin.actions') })))),
          dates),
        noDates, h('div', { class: 'error ct-field-error', hidden: true })),
      h('div', { class: 'ct-add-row' }, addDate),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button aui-button-primary', 'data-testid': 'save-calendar' }, AJS.I18n.getText('capacity-tracker.js.admin.save-calendar')), cancel)));
    renumber();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var calendarId = id || idInput.value.trim();
      var next = {
        revision: doc.revision,
        name: nameInput.value.trim(),
        dates: Array.prototype.map.call(dates.children, function (row) {
          return { date: row.querySelector('[name="date"]').value, name: row.querySelector('[name="name"]').value.trim(),
            fraction: Number(row.querySelector('[name="fraction"]').value) };
        }),
        rules: Array.prototype.map.call(rules.children, readRule)
      };
      resetErrors(form);
      if (!calendarId) {
        showError(form, { field: 'calendarId', message: AJS.I18n.getText('capacity-tracker.js.admin.calendarid-give-the-calendar-an-id') });
        return;
      }
      setBusy(form, true);
      self.api.put(REST + '/calendars/' + enc(calendarId), next).then(function (stored) {
        return self.reload('calendars').then(function () {
          flash(pane, 'success', AJS.I18n.getText('capacity-tracker.js.admin.holiday-calendar-saved'), AJS.I18n.getText('capacity-tracker.js.admin.document.saved', stored.name, stored.revision), 'calendar-saved');
        });
      }, function (err) {
        setBusy(form, false);
        showError(form, err, AJS.I18n.getText('capacity-tracker.js.admin.the-calendar-was-not-saved'));
        if (err.status === 409) self.offerReload(form, 'calendars');
      });
    });
    return form;
  };

  return {};
}));
