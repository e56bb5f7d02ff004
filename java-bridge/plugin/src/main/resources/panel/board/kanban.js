/*
 * Capacity Tracker board page: Kanban boards. Jira gives a Kanban board no sprints (its
 * sprint list answers 400), so the panel offers its fix versions (start to release date) and
 * its saved date ranges as the periods to plan, in the sprint picker's place, and edits the
 * ranges here. Which issues count is the engine's rule (iteration kind, docs/json-api.md).
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('board', function (CT) {
  'use strict';

  var kit = CT.kit;
  var append = kit.append, enc = kit.enc, fetchAgilePages = kit.fetchAgilePages, fieldGroup = kit.fieldGroup, h = kit.h,
      kanbanPeriods = kit.kanbanPeriods, longDate = kit.longDate, message = kit.message, resetErrors = kit.resetErrors,
      setBusy = kit.setBusy, showFormError = kit.showFormError, textInput = kit.textInput, todayIn = kit.todayIn,
      SPRINT_PAGE = kit.SPRINT_PAGE;
  var Panel = CT.board.Panel;

  function rangesUrl(boardId) {
    return '/rest/capacity/1.0/boards/' + enc(boardId) + '/ranges';
  }

  /** The board's fix versions and saved ranges as periods (kit.kanbanPeriods), each marked when it holds today. */
  Panel.prototype.loadKanbanPeriods = function () {
    var self = this;
    var id = enc(this.boardId);
    return Promise.all([
      fetchAgilePages(this.api, '/rest/agile/1.0/board/' + id + '/version', SPRINT_PAGE),
      this.api.get(rangesUrl(this.boardId))
    ]).then(function (res) {
      self.ranges = res[1];
      var got = kanbanPeriods(res[0], res[1]);
      self.undatedVersions = got.undated;
      var today = todayIn(self.settings && self.settings.timeZone);
      got.periods.forEach(function (p) { p.current = p.startDate <= today && today <= p.endDate; });
      return got.periods;
    });
  };

  /** The period to open first: the one asked for in the address, else one holding today, else the first. */
  Panel.prototype.firstPeriod = function (wanted) {
    var list = this.sprints;
    return list.filter(function (p) { return p.id === wanted; })[0] ||
      list.filter(function (p) { return p.current; })[0] || list[0];
  };

  /** Reloads the periods (after the ranges changed) and opens `id`, or the first. */
  Panel.prototype.reloadPeriods = function (id) {
    var self = this;
    return this.loadKanbanPeriods().then(function (periods) {
      self.sprints = periods;
      var next = self.firstPeriod(id);
      if (next) return self.selectSprint(next.id);
      self.sprint = null;
      self.report = null;
      self.renderHeader();
      self.render();
      return null;
    });
  };

  function rangeField(index) {
    return function (field) {
      var m = /^ranges\[(\d+)\]\.(name|start|end)$/.exec(field);
      return m && Number(m[1]) === index ? m[2] : null;
    };
  }

  /** A new range's id: short, unique enough within one board, and of the engine's rangeId shape. */
  function newRangeId(existing) {
    var id;
    do {
      id = 'r' + Date.now().toString(36) + Math.floor(Math.random() * 1296).toString(36);
    } while (existing.some(function (r) { return r.id === id; }));
    return id;
  }

  /** Writes the whole list of ranges against the revision read; the engine checks every field. */
  Panel.prototype.writeRanges = function (form, ranges, fieldToInput, openId) {
    var self = this;
    var doc = { schema: 1, revision: this.ranges ? this.ranges.revision : 0, boardId: this.boardId, ranges: ranges };
    setBusy(form, true);
    return this.api.put(rangesUrl(this.boardId), doc).then(function (stored) {
      self.ranges = stored;
      return self.reloadPeriods(openId);
    }, function (err) {
      setBusy(form, false);
      if (err.status === 409) {
        // Someone else changed the ranges: show theirs, keep nothing half-applied.
        return self.reloadPeriods(self.sprint && self.sprint.id).then(function () {
          self.flash = { kind: 'warning', title: AJS.I18n.getText('capacity-tracker.js.kanban.ranges-changed-elsewhere') };
          self.renderFlash();
        });
      }
      showFormError(form, err, fieldToInput);
      return null;
    });
  };

  /** The saved date ranges of a Kanban board: the list with a delete button each, and a form to add one. */
  Panel.prototype.renderRanges = function () {
    var self = this;
    var ranges = (this.ranges && this.ranges.ranges) || [];
    var list = h('ul', { class: 'ct-range-list', 'data-testid': 'range-list' });
    ranges.forEach(function (r) {
      append(list, h('li', { class: 'ct-range', 'data-testid': 'range', 'data-range-id': r.id },
        h('span', { class: 'ct-range-name', text: r.name }),
        h('span', { class: 'ct-range-dates', text: longDate(r.start) + ' \u2013 ' + longDate(r.end) }),
        h('button', { type: 'button', class: 'aui-button aui-button-link', 'data-testid': 'range-delete',
          'aria-label': AJS.I18n.getText('capacity-tracker.js.kanban.delete-range', r.name),
          onclick: function () {
            var rest = ranges.filter(function (x) { return x.id !== r.id; });
            var stay = self.sprint && self.sprint.id !== 'range-' + r.id ? self.sprint.id : null;
            self.writeRanges(form, rest, function () { return null; }, stay);
          } }, AJS.I18n.getText('capacity-tracker.js.kanban.delete'))));
    });
    var name = textInput('ct-range-name', 'name', '', { 'data-testid': 'range-name', maxlength: '80' });
    var start = textInput('ct-range-start', 'start', '', { type: 'date', 'data-testid': 'range-start' });
    var end = textInput('ct-range-end', 'end', '', { type: 'date', 'data-testid': 'range-end' });
    var form = h('form', { class: 'aui ct-range-form', 'data-testid': 'range-form', novalidate: true },
      h('div', { class: 'ct-form-message' }),
      h('div', { class: 'ct-range-fields' },
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.name'), 'ct-range-name', name),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.from'), 'ct-range-start', start),
        fieldGroup(AJS.I18n.getText('capacity-tracker.js.panel.to'), 'ct-range-end', end)),
      h('div', { class: 'buttons-container' }, h('div', { class: 'buttons' },
        h('button', { type: 'submit', class: 'aui-button', 'data-testid': 'range-save' }, AJS.I18n.getText('capacity-tracker.js.kanban.add-range')))));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      resetErrors(form);
      var id = newRangeId(ranges);
      var added = { id: id, name: name.value.trim(), start: start.value, end: end.value };
      self.writeRanges(form, ranges.concat([added]), rangeField(ranges.length), 'range-' + id);
    });
    var undated = this.undatedVersions && this.undatedVersions.length
      ? h('p', { class: 'description', 'data-testid': 'undated-versions', text: AJS.I18n.getText('capacity-tracker.js.kanban.undated-versions', this.undatedVersions.join(', ')) })
      : null;
    return h('section', { class: 'ct-ranges', 'data-testid': 'kanban-ranges', 'aria-label': AJS.I18n.getText('capacity-tracker.js.kanban.date-ranges') },
      h('h3', { text: AJS.I18n.getText('capacity-tracker.js.kanban.date-ranges') }),
      h('p', { class: 'description', text: AJS.I18n.getText('capacity-tracker.js.kanban.ranges-help') }),
      ranges.length ? list : null, form, undated);
  };

  /** What a Kanban board without any period shows: how to get one, and the range form. */
  Panel.prototype.renderNoPeriods = function () {
    return [message('info', AJS.I18n.getText('capacity-tracker.js.kanban.no-periods'),
      h('p', { text: AJS.I18n.getText('capacity-tracker.js.kanban.no-periods-help') }), { 'data-testid': 'no-periods' }),
    this.renderRanges()];
  };

  return {};
}));
