//! `forget_user` over generated worlds: boards, days off, iteration team changes, templates
//! and permissions naming a distinctive person among others, some of whose account keys
//! contain that person's key, are contained in it, or differ only in case.
//!
//! The world is stored twice: once as generated, once with the person left out of every
//! document. After `forget_user` the first storage must equal the second in every key and
//! every value but the revision numbers: no trace of the person is left, and nothing about
//! anyone else was removed or changed. A second `forget_user` must find nothing and write
//! nothing.

use std::collections::{BTreeMap, BTreeSet};

use capacity_core::{Engine, MemoryStorage, KEY_PREFIX};
use proptest::collection::vec;
use proptest::prelude::*;
use serde_json::{json, Value};

/// A member, template member or permission holder: an index into the world's people
/// (taken modulo their number; index 0 is the person to forget).
type Who = usize;

/// (who, role 0/1, daily capacity in half hours).
type Member = (Who, usize, u32);
/// (start day of 2026, length in days, quarters of a day off).
type Range = (u32, u32, u32);
/// (board, iteration number, changes (who, action 0 change / 1 remove / 2 add)).
type Iteration = (usize, u32, Vec<(Who, usize)>);
/// (board, read users, write users).
type BoardGrant = (usize, Vec<Who>, Vec<Who>);
/// Board grants, then the templates, reports and REST user lists, and `enabled`.
type Permissions = (Vec<BoardGrant>, [Vec<Who>; 3], bool);

#[derive(Debug, Clone)]
struct World {
    /// `people[0]` is the person forgotten.
    people: Vec<String>,
    /// Members per board.
    boards: Vec<Vec<Member>>,
    /// Days off per person.
    days_off: Vec<(Who, Vec<Range>)>,
    iterations: Vec<Iteration>,
    /// Members per template.
    templates: Vec<Vec<Member>>,
    permissions: Option<Permissions>,
}

const ROLES: [&str; 2] = ["Developer", "QA"];
const ROLE_IDS: [&str; 2] = ["developer", "qa"];

/// The key to forget: the Ω marks make it distinctive (no generated key of another person
/// holds it by chance), and a long one is stored under a fingerprint key instead of its own.
fn target_key() -> impl Strategy<Value = String> {
    ("[a-z0-9]{3,6}", any::<bool>()).prop_map(|(suffix, long)| {
        let mut key = format!("Ωgone-{suffix}Ω");
        if long {
            key.push_str(&"z".repeat(100));
        }
        key
    })
}

/// Everyone: the target first, then others chosen to trip a removal that matches by
/// substring, prefix or case instead of by the whole key.
fn people() -> impl Strategy<Value = Vec<String>> {
    (target_key(), vec("[a-z]{1,6}", 0..4), any::<[bool; 4]>()).prop_map(|(target, plain, near)| {
        let mut people = vec![target.clone()];
        let near_keys = [
            format!("x{target}"),
            format!("{target}2"),
            target.trim_end_matches(['z', 'Ω']).to_string(),
            target.to_uppercase(),
        ];
        for (include, key) in near.iter().zip(near_keys) {
            if *include {
                people.push(key);
            }
        }
        people.extend(plain);
        let mut seen = BTreeSet::new();
        people.retain(|p| seen.insert(p.clone()));
        people
    })
}

fn members() -> impl Strategy<Value = Vec<Member>> {
    vec((0..12usize, 0..2usize, 0..=16u32), 0..6)
}

fn world() -> impl Strategy<Value = World> {
    (
        people(),
        vec(members(), 1..4),
        vec((0..12usize, vec((0..300u32, 0..5u32, 1..=4u32), 0..3)), 0..5),
        vec((0..4usize, 1..4u32, vec((0..12usize, 0..3usize), 0..5)), 0..4),
        vec(members(), 0..3),
        proptest::option::of((
            vec((0..4usize, vec(0..12usize, 0..3), vec(0..12usize, 0..3)), 0..3),
            [vec(0..12usize, 0..3), vec(0..12usize, 0..3), vec(0..12usize, 0..3)],
            any::<bool>(),
        )),
    )
        .prop_map(|(people, boards, days_off, iterations, templates, permissions)| World {
            people,
            boards,
            days_off,
            iterations,
            templates,
            permissions,
        })
}

impl World {
    fn who(&self, i: Who) -> &str {
        &self.people[i % self.people.len()]
    }

    fn target(&self) -> &str {
        &self.people[0]
    }

    /// Distinct people of a list, in order, without `skip`.
    fn unique<'a, T>(&'a self, list: &'a [(Who, T)], skip: Option<&'a str>) -> impl Iterator<Item = (&'a str, &'a T)> + 'a {
        let mut seen = BTreeSet::new();
        list.iter()
            .map(move |(w, rest)| (self.who(*w), rest))
            .filter(move |(k, _)| Some(*k) != skip && seen.insert(k.to_string()))
    }

    fn users(&self, list: &[Who], skip: Option<&str>) -> Vec<String> {
        let mut seen = BTreeSet::new();
        list.iter().map(|w| self.who(*w).to_string()).filter(|k| Some(k.as_str()) != skip && seen.insert(k.clone())).collect()
    }

    fn board_id(&self, i: usize) -> String {
        format!("b{}", i % self.boards.len())
    }

    /// The permission grants per board (the first of several for one board), read and write.
    fn grants(&self) -> Vec<(String, &[Who], &[Who])> {
        let Some((boards, _, _)) = &self.permissions else { return Vec::new() };
        let mut seen = BTreeSet::new();
        boards
            .iter()
            .map(|(b, read, write)| (self.board_id(*b), read.as_slice(), write.as_slice()))
            .filter(|(id, _, _)| seen.insert(id.clone()))
            .collect()
    }

    /// Stores every document, leaving `skip` out of each (and out of days off entirely).
    fn store(&self, skip: Option<&str>) -> MemoryStorage {
        let engine = Engine::new();
        let mut s = MemoryStorage::default();
        for (i, board) in self.boards.iter().enumerate() {
            let list: Vec<(Who, (usize, u32))> = board.iter().map(|(w, r, c)| (*w, (*r, *c))).collect();
            let members: Vec<Value> = self
                .unique(&list, skip)
                .map(|(key, (role, cap))| json!({"accountKey": key, "roleId": ROLE_IDS[*role], "dailyCapacity": *cap as f64 / 2.0}))
                .collect();
            let roles: Vec<Value> = ROLES.iter().zip(ROLE_IDS).map(|(name, id)| json!({"id": id, "name": name})).collect();
            let doc = json!({"revision": 0, "roles": roles, "members": members});
            engine.put_board_settings(&mut s, &format!("b{i}"), &doc.to_string()).unwrap_or_else(|e| panic!("board b{i}: {e}\n{doc}"));
        }
        for (key, ranges) in self.unique(&self.days_off, skip) {
            let ranges: Vec<Value> = ranges
                .iter()
                .map(|(start, len, quarters)| {
                    let first = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(i64::from(*start));
                    let last = first + chrono::Duration::days(i64::from(*len));
                    json!({"start": first.to_string(), "end": last.to_string(), "fraction": f64::from(*quarters) / 4.0})
                })
                .collect();
            let doc = json!({"revision": 0, "ranges": ranges});
            engine.put_days_off(&mut s, key, &doc.to_string()).unwrap_or_else(|e| panic!("days off of {key}: {e}\n{doc}"));
        }
        let mut iterations = BTreeSet::new();
        for (board, number, changes) in &self.iterations {
            let (board, iteration) = (self.board_id(*board), format!("i{number}"));
            if !iterations.insert((board.clone(), iteration.clone())) {
                continue;
            }
            let changes: Vec<Value> = self
                .unique(changes, skip)
                .map(|(key, action)| match action {
                    0 => json!({"accountKey": key, "action": "change", "dailyCapacity": 1}),
                    1 => json!({"accountKey": key, "action": "remove"}),
                    _ => json!({"accountKey": key, "action": "add", "role": "QA", "dailyCapacity": 2}),
                })
                .collect();
            let doc = json!({"revision": 0, "members": changes});
            engine.put_iteration_team(&mut s, &board, &iteration, &doc.to_string()).unwrap_or_else(|e| panic!("iteration {board}:{iteration}: {e}\n{doc}"));
        }
        for (i, template) in self.templates.iter().enumerate() {
            let list: Vec<(Who, (usize, u32))> = template.iter().map(|(w, r, c)| (*w, (*r, *c))).collect();
            let members: Vec<Value> = self
                .unique(&list, skip)
                .map(|(key, (role, cap))| json!({"accountKey": key, "role": ROLES[*role], "dailyCapacity": *cap as f64 / 2.0}))
                .collect();
            let doc = json!({"name": format!("Template {i}"), "members": members});
            engine.put_template(&mut s, &format!("t{i}"), &doc.to_string()).unwrap_or_else(|e| panic!("template t{i}: {e}\n{doc}"));
        }
        if let Some((_, [templates, reports, rest], enabled)) = &self.permissions {
            let mut grants = serde_json::Map::new();
            for (board, read, write) in self.grants() {
                grants.insert(
                    board,
                    json!({"read": {"users": self.users(read, skip), "groups": ["jira-users"]}, "write": {"users": self.users(write, skip)}}),
                );
            }
            let doc = json!({
                "revision": 0,
                "enabled": enabled,
                "boards": grants,
                "templates": {"users": self.users(templates, skip)},
                "reports": {"users": self.users(reports, skip), "groups": ["planners"]},
                "rest": {"users": self.users(rest, skip)},
            });
            engine.put_permissions(&mut s, &doc.to_string()).unwrap_or_else(|e| panic!("permissions: {e}\n{doc}"));
        }
        s
    }
}

/// Every stored value parsed, with the top-level revision and a board's stamp (`<key>~stamp`,
/// its cache stamp: a fingerprint and a value drawn per write) set aside: forgetting rewrites
/// documents, so their revisions and stamps move on, and that is all that may differ.
fn without_revisions(s: &MemoryStorage) -> BTreeMap<String, Value> {
    s.entries()
        .map(|(k, v)| {
            if k.ends_with("~stamp") {
                return (k.to_string(), Value::Null);
            }
            let mut value: Value = serde_json::from_str(v).unwrap_or_else(|e| panic!("{k} holds no JSON ({e}): {v}"));
            if let Some(o) = value.as_object_mut() {
                o.remove("revision");
            }
            (k.to_string(), value)
        })
        .collect()
}

fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array().expect("a list of ids").iter().map(|x| x.as_str().expect("an id").to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn forget_user_leaves_no_trace_and_touches_no_one_else(world in world()) {
        let engine = Engine::new();
        let target = world.target().to_string();
        let mut s = world.store(None);
        let expected = world.store(Some(&target));

        let removed: Value = serde_json::from_str(&engine.forget_user(&mut s, &target).unwrap()).unwrap();

        // Storage now is what it would be had the person never been entered.
        let (now, never) = (without_revisions(&s), without_revisions(&expected));
        let keys_now: BTreeSet<&String> = now.keys().collect();
        let keys_never: BTreeSet<&String> = never.keys().collect();
        prop_assert_eq!(&keys_now, &keys_never, "storage keys differ from a world without {:?}", target);
        for (key, value) in &now {
            prop_assert_eq!(value, &never[key], "{} differs from a world without {:?}", key, &target);
        }

        // The literal promise, with the near keys of other people in mind: no value holds the
        // key as a JSON string, no key is the person's own; with no near keys around, the
        // key appears nowhere at all.
        let quoted = serde_json::to_string(&target).unwrap();
        let own_key = format!("{KEY_PREFIX}daysoff:{target}");
        let near_keys = world.people[1..].iter().any(|p| p.contains(&target));
        for (key, value) in s.entries() {
            prop_assert!(!value.contains(&quoted), "{} still names {:?}: {}", key, target, value);
            prop_assert!(key != own_key && !key.starts_with(&format!("{own_key}~")), "{} is still stored", key);
            if !near_keys {
                prop_assert!(!key.contains(&target) && !value.contains(&target), "{} still holds {:?}: {}", key, target, value);
            }
        }

        // What it says it removed is exactly what named the person.
        let board_ids: BTreeSet<String> = world
            .boards
            .iter()
            .enumerate()
            .filter(|(_, members)| members.iter().any(|(w, _, _)| world.who(*w) == target))
            .map(|(i, _)| format!("b{i}"))
            .collect();
        prop_assert_eq!(ids(&removed["boards"]), board_ids);
        let template_ids: BTreeSet<String> = world
            .templates
            .iter()
            .enumerate()
            .filter(|(_, members)| members.iter().any(|(w, _, _)| world.who(*w) == target))
            .map(|(i, _)| format!("t{i}"))
            .collect();
        prop_assert_eq!(ids(&removed["templates"]), template_ids);
        let mut seen = BTreeSet::new();
        let iteration_ids: BTreeSet<String> = world
            .iterations
            .iter()
            .filter(|(b, n, _)| seen.insert((world.board_id(*b), *n)))
            .filter(|(_, _, changes)| changes.iter().any(|(w, _)| world.who(*w) == target))
            .map(|(b, n, _)| format!("{}:i{n}", world.board_id(*b)))
            .collect();
        prop_assert_eq!(ids(&removed["iterations"]), iteration_ids);
        let had_days_off = world.days_off.iter().any(|(w, _)| world.who(*w) == target);
        prop_assert_eq!(removed["daysOff"].as_bool(), Some(had_days_off));
        let in_permissions = world.permissions.as_ref().is_some_and(|(_, lists, _)| {
            world.grants().iter().flat_map(|(_, r, w)| r.iter().chain(w.iter())).chain(lists.iter().flatten()).any(|w| world.who(*w) == target)
        });
        prop_assert_eq!(!removed["permissions"].as_array().unwrap().is_empty(), in_permissions);

        // Nothing is left to export, and a second run finds nothing and writes nothing.
        let exported: Value = serde_json::from_str(&engine.export_user(&mut s, &target).unwrap()).unwrap();
        for field in ["boards", "iterations", "templates", "permissions"] {
            prop_assert_eq!(exported[field].as_array().map(Vec::len), Some(0), "export_user still lists {}: {}", field, &exported);
        }
        prop_assert!(exported["daysOff"].is_null());
        let before_again: Vec<(String, String)> = s.entries().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let again: Value = serde_json::from_str(&engine.forget_user(&mut s, &target).unwrap()).unwrap();
        for field in ["boards", "iterations", "templates", "permissions"] {
            prop_assert_eq!(again[field].as_array().map(Vec::len), Some(0), "a second forget_user removed {}: {}", field, &again);
        }
        prop_assert_eq!(&again["daysOff"], &json!(false));
        let after_again: Vec<(String, String)> = s.entries().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        prop_assert!(before_again == after_again, "a second forget_user wrote to storage");
    }
}
