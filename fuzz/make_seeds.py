#!/usr/bin/env python3
"""Writes the committed seed corpora, fuzz/seeds/<target>/, from the conformance vectors
(tests/vectors) and the examples of docs/json-api.md.

    python3 fuzz/make_seeds.py        rewrite every seed (then review and commit the diff)

Inputs follow capacity_fuzz::Script: optional setup lines `<kind> <id> <json>`, a line
`---`, then the target operation's arguments one a line (the last takes the rest). Each
seed is named by a hash of its content, as libFuzzer names corpus files, so regenerating
is stable and a reproducer for a fixed crash can be dropped in beside them.
"""
import hashlib
import json
import pathlib
import shutil
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "vectors"
SEEDS = ROOT / "fuzz" / "seeds"
LONG_KEY = ("JIRAUSER10000-a-very-long-account-key-that-is-too-long-for-a-readable-storage-key-"
            "of-the-host-so-it-is-fingerprinted")


def j(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def load(path):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def script(setup, *args):
    body = "\n".join(args)
    if setup:
        return "\n".join(setup) + "\n---\n" + body
    return body


def vector_setup(folder, board_id):
    """The vector's documents as setup lines, in the order the vector runners store them."""
    lines = []
    board = load(folder / "board.json")
    if board is not None and board_id:
        lines.append(f"board {board_id} {j(board)}")
    for key, doc in (load(folder / "days-off.json") or {}).items():
        lines.append(f"daysoff {key} {j(doc)}")
    for step in load(folder / "setup.json") or []:
        op, doc = step["op"], step.get("document")
        if op == "putBoardSettings":
            lines.append(f"board {step['boardId']} {j(doc)}")
        elif op == "putDaysOff":
            lines.append(f"daysoff {step['accountKey']} {j(doc)}")
        elif op == "putIterationTeam":
            lines.append(f"iteration {step['boardId']}:{step['iterationId']} {j(doc)}")
        elif op in ("putTemplate", "putCalendar", "putReportDefinition"):
            kind = {"putTemplate": "template", "putCalendar": "calendar", "putReportDefinition": "report"}[op]
            lines.append(f"{kind} {step['id']} {j(doc)}")
        elif op == "applyTemplate":
            lines.append(f"apply - {j(step['request'])}")
        elif op == "copyIterationTeam":
            lines.append(f"copy - {j(step['request'])}")
        else:
            raise SystemExit(f"{folder.name}: unknown setup op {op}")
    return lines


def collect():
    seeds = {name: [] for name in [
        "board_settings", "days_off", "iteration_report", "iteration_team", "copy_iteration_team",
        "template", "apply_template", "calendar", "report_definition", "multi_project_report",
        "permissions", "check_access", "import_all", "privacy"]}
    export_docs = []
    for folder in sorted(p for p in VECTORS.iterdir() if p.is_dir()):
        request = load(folder / "request.json")
        multi = load(folder / "multi-request.json")
        board_id = request["boardId"] if request else None
        setup = vector_setup(folder, board_id)
        board = load(folder / "board.json")
        if board is not None and board_id:
            seeds["board_settings"].append(script([], board_id, j(board)))
            export_docs.append({"kind": "board", "id": f"v{folder.name[:2]}", "document": board})
        for key, doc in (load(folder / "days-off.json") or {}).items():
            seeds["days_off"].append(script([], key, j(doc)))
        if request is not None:
            seeds["iteration_report"].append(script(setup, j(request)))
        if multi is not None:
            seeds["multi_project_report"].append(script(setup, j(multi)))
        for step in load(folder / "setup.json") or []:
            op, doc = step["op"], step.get("document")
            before = setup[:setup.index(next(l for l in setup if j(doc or step.get("request")) in l))]
            if op == "putBoardSettings":
                seeds["board_settings"].append(script([], step["boardId"], j(doc)))
            elif op == "putDaysOff":
                seeds["days_off"].append(script([], step["accountKey"], j(doc)))
            elif op == "putIterationTeam":
                seeds["iteration_team"].append(script(before, step["boardId"], step["iterationId"], j(doc)))
            elif op == "copyIterationTeam":
                seeds["copy_iteration_team"].append(script(before, j(step["request"])))
            elif op == "putTemplate":
                seeds["template"].append(script([], step["id"], j(doc)))
            elif op == "applyTemplate":
                seeds["apply_template"].append(script(before, j(step["request"])))
            elif op == "putCalendar":
                seeds["calendar"].append(script([], step["id"], j(doc)))
                export_docs.append({"kind": "calendar", "id": step["id"], "document": doc})
            elif op == "putReportDefinition":
                seeds["report_definition"].append(script([], step["id"], j(doc)))

    # Against the baseline documents every target starts from (capacity_fuzz::BASELINE).
    seeds["board_settings"] += [
        script([], "1", j({"revision": 1, "members": []})),          # the stored revision
        script([], "1", j({"revision": 0, "members": []})),          # a conflict
        script([], "bad id", "{}"),
        script([], "7", j({"schema": 1, "revision": 0, "members": [
            {"accountKey": "alice", "role": "Developer", "dailyCapacity": 6}]})),
        script([], "8", j({"revision": 0, "members": [{"accountKey": "alice", "roleId": "ghost", "dailyCapacity": 6}]})),
    ]
    seeds["days_off"] += [
        script([], "alice", j({"revision": 1, "ranges": []})),
        script([], LONG_KEY, j({"revision": 1, "ranges": [{"start": "2026-12-04", "end": "2027-01-04", "fraction": 0.5}]})),
        script([], " alice", j({"revision": 0, "ranges": []})),
        script([], "zoe", j({"revision": 0, "ranges": [{"start": "2026-12-09", "end": "2026-12-01"}]})),
    ]
    seeds["iteration_report"] += [
        script([], j({"boardId": "1", "iteration": {"id": "3", "name": "Sprint 3", "start": "2026-11-30T09:00:00.000+01:00",
                                                    "end": "2026-12-14T00:00:00.000+01:00", "asOf": "2026-12-02"},
                      "items": [{"key": "D-1", "assignee": "alice", "statusCategory": "indeterminate", "remainingSeconds": 14400},
                                {"key": "D-2", "assignee": "erin", "statusCategory": "new", "originalSeconds": 3600, "parent": "D-1", "subtask": True},
                                {"key": "D-3", "assignee": "zed", "statusCategory": "new", "remainingSeconds": 60}]})),
        script([], j({"boardId": "pts", "iteration": {"start": "2026-12-01", "end": "2026-12-12"},
                      "items": [{"key": "P-1", "assignee": "erin", "statusCategory": "new", "storyPoints": 2.5}]})),
    ]
    seeds["iteration_team"] += [
        script([], "1", "3", j({"revision": 1, "members": [{"accountKey": "carol", "action": "change", "role": "QA"}]})),
        script([], "2", "9", j({"revision": 0, "members": [{"accountKey": "dave", "action": "remove"},
                                                          {"accountKey": LONG_KEY, "action": "add", "roleId": "dev", "dailyCapacity": 2}]})),
    ]
    seeds["copy_iteration_team"] += [
        script([], j({"boardId": "1", "fromIterationId": "3", "toIterationId": "4", "revision": 0})),
        script([], j({"boardId": "1", "fromIterationId": "3", "toIterationId": "3", "revision": 1})),
    ]
    seeds["template"] += [
        script([], "squad", j({"revision": 1, "name": "Squad B", "members": [{"accountKey": "gil", "role": "Developer", "dailyCapacity": 3}]})),
        script([], "new", j({"name": "Empty"})),
    ]
    seeds["apply_template"] += [
        script([], j({"templateId": "squad", "boardId": "1", "revision": 1})),
        script([], j({"templateId": "squad", "boardId": "1", "iterationId": "3", "revision": 1})),
        script([], j({"templateId": "squad", "boardId": "pts", "revision": 1})),
    ]
    seeds["calendar"] += [
        script([], "de", j({"revision": 1, "name": "Germany", "dates": [], "rules": [{"type": "easter", "offset": 39, "name": "Ascension"}]})),
        script([], "us", j({"name": "US", "rules": [{"type": "nthWeekday", "month": 11, "weekday": "THU", "n": 4, "name": "Thanksgiving"},
                                                  {"type": "lastWeekday", "month": 5, "weekday": "MON", "name": "Memorial Day"}]})),
    ]
    seeds["report_definition"] += [
        script([], "q4", j({"revision": 1, "name": "Q4 by role", "boardIds": ["1"], "projectKeys": ["DEMO"],
                            "period": {"start": "2026-10-01", "end": "2026-12-31"}, "bucket": "week", "grouping": "role"})),
    ]
    seeds["multi_project_report"] += [
        script([], j({"reportId": "q4", "boards": [
            {"boardId": "1", "iterations": [{"id": "3", "start": "2026-11-30", "end": "2026-12-11", "items": [
                {"key": "D-1", "assignee": "bob", "statusCategory": "new", "remainingSeconds": 72000}]}]},
            {"boardId": "2", "iterations": [{"id": "8", "start": "2026-12-07", "end": "2026-12-18", "items": [
                {"key": "E-1", "assignee": "bob", "statusCategory": "new", "remainingSeconds": 36000}]}]}]})),
    ]
    permissions = {"enabled": True, "boards": {"1": {"read": {"users": [], "groups": ["jira-users"]},
                                                     "write": {"users": ["lead"], "groups": []}}},
                   "templates": {"users": [], "groups": ["planners"]}, "reports": {}, "rest": {}}
    seeds["permissions"] += [
        script([], j(dict(permissions, revision=1))),
        script([], j(dict(permissions, revision=0))),
        script([], j({"revision": 1, "enabled": False})),
        script([], j({"revision": 1, "boards": {"": {}}})),
    ]
    for action in ["readBoard", "writeBoard", "manageTemplates", "manageReports", "useRest"]:
        seeds["check_access"].append(script([], j({"user": "alice", "groups": ["planners"], "admin": False,
                                                   "action": action, "boardId": "1"})))
    seeds["check_access"] += [
        script([], j({"user": "x", "action": "writeBoard", "boardId": "2", "groups": ["planners"]})),
        script([f"permissions - {j({'revision': 1, 'enabled': False})}"], j({"user": "x", "action": "useRest"})),
    ]
    for action in ["readDaysOff", "writeDaysOff"]:
        for user, person, board in [("lead", "alice", "1"), ("alice", "alice", None), ("lead", "nobody", "1"), ("lead", "alice", "no board")]:
            query = {"user": user, "action": action, "accountKey": person}
            if board is not None:
                query["boardId"] = board
            seeds["check_access"].append(script([], j(query)))
    export = {"format": "capacity-tracker-export", "formatVersion": 1, "engineVersion": "0.1.0",
              "documents": export_docs[:6] + [
                  {"kind": "daysoff", "id": "alice", "document": {"revision": 3, "ranges": []}},
                  {"kind": "template", "id": "solo", "document": {"name": "Solo", "members": []}},
                  {"kind": "iteration", "id": "1:9", "document": {"members": [{"accountKey": "bob", "action": "remove"}]}},
                  {"kind": "permissions", "id": "global", "document": {"enabled": False}}]}
    seeds["import_all"] += [
        script([], j({"mode": "merge", "export": export})),
        script([], j({"mode": "empty", "export": export})),
        script([], j({"mode": "merge", "export": dict(export, documents=export["documents"] * 2)})),
    ]
    seeds["privacy"] += [
        script([], "alice"), script([], "bob"), script([], LONG_KEY), script([], "ali"), script([], "nobody"),
        script([f"template t2 {j({'name': 'T', 'members': [{'accountKey': 'bob', 'role': 'QA', 'dailyCapacity': 1}]})}",
                f"iteration 2:5 {j({'revision': 0, 'members': [{'accountKey': 'bob', 'action': 'change', 'allocation': 10}]})}"],
               "bob"),
    ]
    return seeds


# Which target's seeds feed each storage_faults operation (capacity_fuzz::FAULT_OPS order).
FAULT_SOURCES = [
    "board_settings", "days_off", "iteration_team", "copy_iteration_team", "template", ("remove", "squad"),
    "apply_template", "calendar", ("remove", "de"), "report_definition", ("remove", "q4"), "permissions",
    "privacy", "import_all", "iteration_report", "multi_project_report", "privacy", "check_access", ("none", ""),
]


def fault_seeds(seeds):
    out = []
    for index, source in enumerate(FAULT_SOURCES):
        if isinstance(source, tuple):
            inputs = [source[1]]
        else:
            inputs = seeds[source][-3:]
        for n, text in enumerate(inputs):
            # Early, middle and late callbacks; every fault kind; the chunked board once.
            for position, kind in [(n, n % 5), (5 + 7 * n, (n + 2) % 5), (40 + n, 0x80 | ((n + 1) % 5))]:
                out.append(struct.pack("<BHB", index, position, kind) + text.encode("utf-8"))
    return out


def patch(item, field, value):
    """A raw patch of capacity_fuzz's bulk targets: item, field, 8 bytes of value."""
    return struct.pack("<BBq", item, field, value)


def bulk_seeds(texts):
    """The JSON requests as they are (compared with the JSON entries), and a few with raw
    patches: an assignee out of range, undefined flags, a NaN estimate, a key that is not
    UTF-8, a repeated person."""
    out = [t.encode("utf-8") for t in texts]
    nan = struct.unpack("<q", struct.pack("<d", float("nan")))[0]
    patches = [patch(0, 0, 99), patch(1, 2, 1 << 9), patch(0, 6, nan), patch(0, 8, 0xff02), patch(0, 12, 0)]
    for n, text in enumerate(texts[-len(patches):]):
        out.append(text.encode("utf-8") + b"\n~~~\n" + patches[n])
    return out


def stored_value_seeds():
    """Values the engine did not write, one or more a line (`<selector> <value>`; `+kind:id`
    names the key): absurd revisions, chunk manifests and dates, a calendar rule past i64."""
    return [s.encode("utf-8") for s in [
        '+board:1 {"schema":1,"revision":18446744073709551615,"members":[]}\n',
        '+board:big {"chunkedDocument":{"chunks":4294967295,"length":1099511627776}}\n',
        '+board:big {"chunkedDocument":{"chunks":2,"length":18446744073709551615}}\n',
        '+daysoff:alice {"revision":1,"ranges":[{"start":"9999-12-31","end":"9999-12-31"}]}\n',
        '+calendar:de {"schema":1,"revision":1,"id":"de","name":"X","dates":[],"rules":[{"type":"easter","name":"E","offset":9223372036854775807}]}\n',
        '+board:1 {"schema":1,"revision":1,"timeZone":"Pacific/Kiritimati","members":[]}\n',
        'x [1,2]\ny null\nz \n',
        'index {"schema":1,"boards":["1","1","../x"]}\n',
    ]]


def main():
    seeds = collect()
    corpora = {name: [s.encode("utf-8") for s in texts] for name, texts in seeds.items()}
    corpora["storage_faults"] = fault_seeds(seeds)
    corpora["stored_values"] = stored_value_seeds()
    corpora["iteration_report_bulk"] = bulk_seeds(seeds["iteration_report"])
    corpora["multi_project_report_bulk"] = bulk_seeds(seeds["multi_project_report"])
    # The requests alone, for the quick reader's comparison with the usual reading.
    corpora["fast_request"] = [s.split("\n---\n")[-1].encode("utf-8") for s in seeds["iteration_report"]]
    # And multi-project requests, as they are and in the bulk form (no items).
    for text in seeds["multi_project_report"]:
        corpora["fast_request"].append(text.split("\n---\n")[-1].encode("utf-8"))
        try:
            request = json.loads(text.split("\n---\n")[-1])
        except ValueError:
            continue
        for board in request.get("boards", []) if isinstance(request, dict) else []:
            for iteration in board.get("iterations", []) if isinstance(board, dict) else []:
                if isinstance(iteration, dict):
                    iteration.pop("items", None)
        corpora["fast_request"].append(j(request).encode("utf-8"))
    # One input that is not UTF-8 per target, for the C ABI's own check.
    for name, inputs in corpora.items():
        if name not in ("storage_faults", "stored_values", "iteration_report_bulk", "multi_project_report_bulk", "fast_request"):
            inputs.append(b"1\n\xff\xfe{}")
    for name, inputs in corpora.items():
        folder = SEEDS / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for data in dict.fromkeys(inputs):
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{name}: {len(list(folder.iterdir()))} seeds")


if __name__ == "__main__":
    main()
