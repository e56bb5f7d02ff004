'use strict';
/*
 * kit/picker.js: what the user and group pickers put in the field and how they read Jira's
 * user/search and groups/picker answers. The DOM side (listbox, keys) is covered by the
 * browser suite (tests/e2e/specs/pickers.test.js). Run: node --test tests/js/
 */
var test = require('node:test');
var assert = require('node:assert');
var loader = require('./panel-loader.js');

var kit = loader.load.apply(null, loader.PURE_KIT.concat(['kit/picker.js'])).kit;

test('the entry being typed is the whole value, or what follows the last comma', function () {
  assert.deepStrictEqual(kit.pickerToken('  Ali ', false), { start: 0, text: 'Ali' });
  assert.deepStrictEqual(kit.pickerToken('alice, bo', true), { start: 6, text: 'bo' });
  assert.deepStrictEqual(kit.pickerToken('alice, ', true), { start: 6, text: '' });
  assert.deepStrictEqual(kit.pickerToken('', true), { start: 0, text: '' });
});

test('picking replaces the typed entry with the key and keeps the others', function () {
  assert.strictEqual(kit.pickerReplace('Ali', 'alice', false), 'alice');
  assert.strictEqual(kit.pickerReplace('bo', 'bob', true), 'bob, ');
  assert.strictEqual(kit.pickerReplace('alice, bo', 'bob', true), 'alice, bob, ');
  assert.strictEqual(kit.pickerReplace('alice,bo', 'bob', true), 'alice, bob, ');
  assert.strictEqual(kit.pickerReplace('alice, ', 'carol', true), 'alice, carol, ');
});

test('users: the key is the value, the display name the label, the 24px avatar shown', function () {
  var users = [
    { key: 'JIRAUSER10100', name: 'alice', displayName: 'Alice Andersen', avatarUrls: { '16x16': 'a16', '24x24': 'a24' } },
    { key: 'bob', name: 'bob', displayName: 'Bob Brown', avatarUrls: { '16x16': 'b16' } },
    { name: 'legacy' },
    null
  ];
  assert.deepStrictEqual(kit.userOptions(users), [
    { value: 'JIRAUSER10100', label: 'Alice Andersen', sub: 'JIRAUSER10100 · alice', avatar: 'a24' },
    { value: 'bob', label: 'Bob Brown', sub: 'bob', avatar: 'b16' },
    { value: 'legacy', label: 'legacy', sub: 'legacy', avatar: null }
  ]);
  assert.deepStrictEqual(kit.userOptions({ errorMessages: ['x'] }), []);
});

test('groups: the name is both value and label; the html Jira adds is never used', function () {
  var answer = { header: 'Showing 2 of 2 matching groups', total: 2,
    groups: [{ name: 'team-leads', html: '<b>team</b>-leads', labels: [] }, { name: 'jira-software-users', html: 'x' }, {}] };
  assert.deepStrictEqual(kit.groupOptions(answer), [
    { value: 'team-leads', label: 'team-leads', sub: null, avatar: null },
    { value: 'jira-software-users', label: 'jira-software-users', sub: null, avatar: null }
  ]);
  assert.deepStrictEqual(kit.groupOptions(null), []);
});
