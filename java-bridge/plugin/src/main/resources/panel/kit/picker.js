/*
 * Capacity Tracker kit: user and group pickers over Jira's REST. The field stays a text box
 * holding account keys (or group names), comma-separated where it takes several, so what is
 * stored and what a person may type stay as before; as they type a name, a listbox offers
 * Jira's matches with display name and avatar (user/search, groups/picker). Keyboard and
 * screen readers use it as an ARIA 1.2 combobox: arrow keys move through the matches, Enter
 * picks one, Escape closes the list.
 */
(function (layer, define) {
  var CT = globalThis.CapacityTracker = globalThis.CapacityTracker || {};
  var exported = define(CT);
  CT[layer] = Object.assign(CT[layer] || {}, exported);
  if (typeof module === 'object' && module && module.exports) module.exports = exported;
}('kit', function (CT) {
  'use strict';

  var kit = CT.kit;
  var enc = kit.enc;

  var SEARCH_DELAY_MS = 200;
  var MAX_RESULTS = 10;
  var uid = 0;

  /** The entry being typed: all of `value`, or (several entries) what follows the last comma. */
  function pickerToken(value, multiple) {
    var text = String(value || '');
    var start = multiple ? text.lastIndexOf(',') + 1 : 0;
    return { start: start, text: text.slice(start).trim() };
  }

  /** `value` with the entry being typed replaced by `picked`; several entries end ", " for the next. */
  function pickerReplace(value, picked, multiple) {
    if (!multiple) return picked;
    var text = String(value || '');
    var head = text.slice(0, pickerToken(text, true).start).replace(/\s+$/, '');
    return (head ? head + ' ' : '') + picked + ', ';
  }

  /** Jira's user/search answer as options: the stored value is the user key. */
  function userOptions(users) {
    return (Array.isArray(users) ? users : []).filter(function (u) { return u && (u.key || u.name); }).map(function (u) {
      var key = u.key || u.name;
      var avatars = u.avatarUrls || {};
      return { value: key, label: u.displayName || key, sub: u.name && u.name !== key ? key + ' · ' + u.name : key,
        avatar: avatars['24x24'] || avatars['16x16'] || null };
    });
  }

  /** Jira's groups/picker answer as options: the stored value is the group name. */
  function groupOptions(answer) {
    return ((answer && answer.groups) || []).filter(function (g) { return g && g.name; }).map(function (g) {
      return { value: g.name, label: g.name, sub: null, avatar: null };
    });
  }

  function searchPath(kind, query) {
    return kind === 'group'
      ? '/rest/api/2/groups/picker?query=' + enc(query) + '&maxResults=' + MAX_RESULTS
      : '/rest/api/2/user/search?username=' + enc(query) + '&maxResults=' + MAX_RESULTS;
  }

  /**
   * Makes `input` a combobox offering Jira's users (`kind` 'user') or groups ('group');
   * `multiple` when it holds a comma-separated list. Returns the listbox, to be placed right
   * after the input (it is positioned under it). A failed search leaves a plain text box.
   */
  function attachPicker(input, api, kind, multiple) {
    var h = kit.h, append = kit.append, clear = kit.clear;
    var listId = 'ct-picker-' + (++uid);
    var list = h('ul', { id: listId, role: 'listbox', class: 'ct-picker-list', hidden: true,
      'aria-label': kind === 'group' ? AJS.I18n.getText('capacity-tracker.js.picker.groups') : AJS.I18n.getText('capacity-tracker.js.picker.users'),
      'data-testid': 'picker-list' });
    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);
    input.setAttribute('autocomplete', 'off');
    input.classList.add('ct-picker-input');

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) { li.setAttribute('aria-selected', String(i === index)); });
      if (index < 0) input.removeAttribute('aria-activedescendant');
      else {
        input.setAttribute('aria-activedescendant', list.children[index].id);
        if (list.children[index].scrollIntoView) list.children[index].scrollIntoView({ block: 'nearest' });
      }
    }

    function pick(index) {
      var option = options[index];
      if (!option) return;
      input.value = pickerReplace(input.value, option.value, multiple);
      close();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      input.focus();
    }

    function show(found) {
      options = found;
      clear(list);
      if (!found.length) {
        append(list, h('li', { class: 'ct-picker-none', role: 'presentation', text: AJS.I18n.getText('capacity-tracker.js.picker.no-matches') }));
      }
      found.forEach(function (o, i) {
        append(list, h('li', { id: listId + '-' + i, role: 'option', class: 'ct-picker-option', 'aria-selected': 'false',
          'data-value': o.value, 'data-testid': 'picker-option',
          onmousedown: function (e) { e.preventDefault(); pick(i); } },
          o.avatar ? h('img', { class: 'ct-picker-avatar', src: o.avatar, alt: '', width: '24', height: '24' })
            : h('span', { class: 'ct-picker-avatar ct-picker-avatar-none', 'aria-hidden': 'true' }),
          h('span', { class: 'ct-picker-label', text: o.label }),
          o.sub ? h('span', { class: 'ct-picker-sub', text: o.sub }) : null));
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      mark(-1);
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var query = pickerToken(input.value, multiple).text;
      if (!query) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++asked;
        api.get(searchPath(kind, query)).then(function (answer) {
          // An older answer arriving after a newer question is dropped.
          if (mine !== asked || document.activeElement !== input) return;
          show(kind === 'group' ? groupOptions(answer) : userOptions(answer));
        }, function () { if (mine === asked) close(); });
      }, SEARCH_DELAY_MS);
    });

    input.addEventListener('keydown', function (e) {
      var open = !list.hidden && options.length > 0;
      if (e.key === 'ArrowDown' && open) {
        e.preventDefault();
        mark(active + 1 >= options.length ? 0 : active + 1);
      } else if (e.key === 'ArrowUp' && open) {
        e.preventDefault();
        mark(active <= 0 ? options.length - 1 : active - 1);
      } else if (e.key === 'Enter' && open && active >= 0) {
        // Picks instead of submitting the form.
        e.preventDefault();
        pick(active);
      } else if (e.key === 'Escape' && !list.hidden) {
        // Closes the list only, not a dialog around it.
        e.preventDefault();
        e.stopPropagation();
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    return list;
  }

  /** A text input made a picker, wrapped with its listbox so the list sits under the input. */
  function pickerField(input, api, kind, multiple) {
    return kit.h('span', { class: 'ct-picker' }, input, attachPicker(input, api, kind, multiple));
  }

  return {
    attachPicker: attachPicker, groupOptions: groupOptions, pickerField: pickerField, pickerReplace: pickerReplace,
    pickerToken: pickerToken, userOptions: userOptions
  };
}));
