/*
 * The member-capacity page without a sprint: lists the board's running and next sprints, as
 * Jira Software's REST API gives them to every plugin, each a link to the page for that
 * sprint. Texts come from the page (rendered by the servlet from this plugin's i18n).
 */
(function () {
  'use strict';

  function link(root, sprint, label) {
    var params = new URLSearchParams({
      boardId: root.getAttribute('data-board-id'),
      sprintId: String(sprint.id),
      sprintName: sprint.name,
      start: sprint.startDate,
      end: sprint.endDate
    });
    var account = root.getAttribute('data-account-key');
    if (account) params.set('accountKey', account);
    var item = document.createElement('li');
    var a = document.createElement('a');
    a.href = root.getAttribute('data-page') + '?' + params.toString();
    a.textContent = label + ': ' + sprint.name;
    a.setAttribute('data-testid', 'pick-' + sprint.state);
    item.appendChild(a);
    return item;
  }

  function show(root, text) {
    var p = document.createElement('p');
    p.className = 'aui-message aui-message-info';
    p.setAttribute('data-testid', 'pick-message');
    p.textContent = text;
    root.appendChild(p);
  }

  function start() {
    var root = document.getElementById('member-capacity-pick');
    if (!root) return;
    var url = root.getAttribute('data-context-path') + '/rest/agile/1.0/board/'
      + encodeURIComponent(root.getAttribute('data-board-id')) + '/sprint?state=active,future';
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (page) {
        // A future sprint gets its dates when it is planned; one without them has no capacity yet.
        var dated = (page.values || []).filter(function (s) { return s.startDate && s.endDate; });
        var current = dated.filter(function (s) { return s.state === 'active'; });
        var next = dated.filter(function (s) { return s.state === 'future'; }).slice(0, 1);
        if (!current.length && !next.length) {
          show(root, root.getAttribute('data-text-none'));
          return;
        }
        var list = document.createElement('ul');
        current.forEach(function (s) { list.appendChild(link(root, s, root.getAttribute('data-text-current'))); });
        next.forEach(function (s) { list.appendChild(link(root, s, root.getAttribute('data-text-next'))); });
        root.appendChild(list);
      })
      .catch(function (e) {
        show(root, root.getAttribute('data-text-failed') + ' (' + e.message + ')');
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
