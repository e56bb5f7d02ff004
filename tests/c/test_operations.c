/*
 * Every engine operation of the C ABI: argument checks for each export from one table
 * (each NULL argument named, invalid UTF-8 named, `out` left alone, storage untouched),
 * then the shared documents end to end: iteration teams, templates, holiday calendars,
 * report definitions and multi-project reports, permissions, privacy operations, and a
 * full export imported into an empty store.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define S(literal) literal, (sizeof literal - 1)
#define MAX_ARGS 3

struct operation {
    const char *name;
    int args;
    const char *arg_names[MAX_ARGS];
    bool has_out;
};

/* The order of this table is the order of the cases in invoke(). */
static const struct operation OPERATIONS[] = {
    {"ct_engine_get_board_settings", 1, {"board_id"}, true},
    {"ct_engine_put_board_settings", 2, {"board_id", "settings_json"}, true},
    {"ct_engine_get_days_off", 1, {"account_key"}, true},
    {"ct_engine_put_days_off", 2, {"account_key", "days_off_json"}, true},
    {"ct_engine_iteration_report", 1, {"request_json"}, true},
    {"ct_engine_get_iteration_team", 2, {"board_id", "iteration_id"}, true},
    {"ct_engine_put_iteration_team", 3, {"board_id", "iteration_id", "team_json"}, true},
    {"ct_engine_copy_iteration_team", 1, {"request_json"}, true},
    {"ct_engine_get_template", 1, {"template_id"}, true},
    {"ct_engine_put_template", 2, {"template_id", "template_json"}, true},
    {"ct_engine_remove_template", 1, {"template_id"}, false},
    {"ct_engine_list_templates", 0, {NULL}, true},
    {"ct_engine_apply_template", 1, {"request_json"}, true},
    {"ct_engine_get_calendar", 1, {"calendar_id"}, true},
    {"ct_engine_put_calendar", 2, {"calendar_id", "calendar_json"}, true},
    {"ct_engine_remove_calendar", 1, {"calendar_id"}, false},
    {"ct_engine_list_calendars", 0, {NULL}, true},
    {"ct_engine_get_report_definition", 1, {"report_id"}, true},
    {"ct_engine_put_report_definition", 2, {"report_id", "definition_json"}, true},
    {"ct_engine_remove_report_definition", 1, {"report_id"}, false},
    {"ct_engine_list_report_definitions", 0, {NULL}, true},
    {"ct_engine_multi_project_report", 1, {"request_json"}, true},
    {"ct_engine_get_permissions", 0, {NULL}, true},
    {"ct_engine_put_permissions", 1, {"permissions_json"}, true},
    {"ct_engine_check_access", 1, {"query_json"}, true},
    {"ct_engine_export_user", 1, {"account_key"}, true},
    {"ct_engine_forget_user", 1, {"account_key"}, true},
    {"ct_engine_data_inventory", 0, {NULL}, true},
    {"ct_engine_export_all", 0, {NULL}, true},
    {"ct_engine_import_all", 1, {"request_json"}, true},
    {"ct_engine_get_board_ranges", 1, {"board_id"}, true},
    {"ct_engine_put_board_ranges", 2, {"board_id", "ranges_json"}, true},
};
#define OPERATION_COUNT (sizeof OPERATIONS / sizeof OPERATIONS[0])

static ct_error *invoke(size_t op, const ct_engine *e, const char *const *a, const size_t *n,
                        ct_buffer **out) {
    switch (op) {
    case 0: return ct_engine_get_board_settings(e, a[0], n[0], out);
    case 1: return ct_engine_put_board_settings(e, a[0], n[0], a[1], n[1], out);
    case 2: return ct_engine_get_days_off(e, a[0], n[0], out);
    case 3: return ct_engine_put_days_off(e, a[0], n[0], a[1], n[1], out);
    case 4: return ct_engine_iteration_report(e, a[0], n[0], out);
    case 5: return ct_engine_get_iteration_team(e, a[0], n[0], a[1], n[1], out);
    case 6: return ct_engine_put_iteration_team(e, a[0], n[0], a[1], n[1], a[2], n[2], out);
    case 7: return ct_engine_copy_iteration_team(e, a[0], n[0], out);
    case 8: return ct_engine_get_template(e, a[0], n[0], out);
    case 9: return ct_engine_put_template(e, a[0], n[0], a[1], n[1], out);
    case 10: return ct_engine_remove_template(e, a[0], n[0]);
    case 11: return ct_engine_list_templates(e, out);
    case 12: return ct_engine_apply_template(e, a[0], n[0], out);
    case 13: return ct_engine_get_calendar(e, a[0], n[0], out);
    case 14: return ct_engine_put_calendar(e, a[0], n[0], a[1], n[1], out);
    case 15: return ct_engine_remove_calendar(e, a[0], n[0]);
    case 16: return ct_engine_list_calendars(e, out);
    case 17: return ct_engine_get_report_definition(e, a[0], n[0], out);
    case 18: return ct_engine_put_report_definition(e, a[0], n[0], a[1], n[1], out);
    case 19: return ct_engine_remove_report_definition(e, a[0], n[0]);
    case 20: return ct_engine_list_report_definitions(e, out);
    case 21: return ct_engine_multi_project_report(e, a[0], n[0], out);
    case 22: return ct_engine_get_permissions(e, out);
    case 23: return ct_engine_put_permissions(e, a[0], n[0], out);
    case 24: return ct_engine_check_access(e, a[0], n[0], out);
    case 25: return ct_engine_export_user(e, a[0], n[0], out);
    case 26: return ct_engine_forget_user(e, a[0], n[0], out);
    case 27: return ct_engine_data_inventory(e, out);
    case 28: return ct_engine_export_all(e, out);
    case 29: return ct_engine_import_all(e, a[0], n[0], out);
    case 30: return ct_engine_get_board_ranges(e, a[0], n[0], out);
    case 31: return ct_engine_put_board_ranges(e, a[0], n[0], a[1], n[1], out);
    }
    abort();
}

static char sentinel_object;
#define SENTINEL_BUFFER ((ct_buffer *)(void *)&sentinel_object)

/* Checks an error's code and message prefix, naming the operation; frees it. */
static void expect_error(ct_error *err, uint32_t code, const char *prefix, const char *operation) {
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    CHECKF(err != NULL && ct_error_code(err) == code && len >= strlen(prefix) &&
               memcmp(message, prefix, strlen(prefix)) == 0,
           "%s: expected error %u \"%s...\", got %u \"%.*s\"", operation, code, prefix,
           ct_error_code(err), (int)len, message);
    ct_error_free(err);
}

static void test_every_operation_checks_its_arguments(void) {
    t_begin("every engine operation names a NULL or non-UTF-8 argument before touching storage");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    char message[128];
    for (size_t op = 0; op < OPERATION_COUNT; op++) {
        const struct operation *o = &OPERATIONS[op];
        const char *args[MAX_ARGS] = {"1", "1", "1"};
        size_t lens[MAX_ARGS] = {1, 1, 1};
        ct_buffer *out = SENTINEL_BUFFER;

        expect_error(invoke(op, NULL, args, lens, &out), CT_ERROR_INVALID_ARGUMENT,
                     "engine: must not be NULL", o->name);
        for (int i = 0; i < o->args; i++) {
            args[i] = NULL;
            snprintf(message, sizeof message, "%s: must not be NULL", o->arg_names[i]);
            expect_error(invoke(op, engine, args, lens, &out), CT_ERROR_INVALID_ARGUMENT, message, o->name);
            args[i] = "\xff";
            snprintf(message, sizeof message, "%s: is not valid UTF-8 (invalid byte at offset 0)",
                     o->arg_names[i]);
            expect_error(invoke(op, engine, args, lens, &out), CT_ERROR_INVALID_ARGUMENT, message, o->name);
            args[i] = "1";
        }
        if (o->has_out)
            expect_error(invoke(op, engine, args, lens, NULL), CT_ERROR_INVALID_ARGUMENT,
                         "out: must not be NULL", o->name);
        CHECKF(out == SENTINEL_BUFFER, "%s wrote out on failure", o->name);
    }
    CHECK(store.gets + store.puts + store.removes + store.locks_taken == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

/* Takes the result of an operation that must succeed: its document, or NULL after a failed
 * check. `out` is read here, after the call has run (argument order is unspecified). */
static char *must(const char *what, ct_error *err, ct_buffer **out) {
    if (!check_ok(err, __FILE__, __LINE__)) {
        fprintf(stderr, "  in %s\n", what);
        return NULL;
    }
    return *out ? take_buffer(*out) : NULL;
}

static bool has(const char *doc, const char *needle) {
    return doc != NULL && strstr(doc, needle) != NULL;
}

#define CHECK_HAS(doc, needle) \
    CHECKF(has((doc), (needle)), "expected %s in %s", (needle), (doc) ? (doc) : "(nothing)")

static const char BOARD[] =
    "{\"revision\":0,\"members\":["
    "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
    "{\"accountKey\":\"bob\",\"role\":\"QA\",\"dailyCapacity\":5}]}";

static void test_iteration_teams(void) {
    t_begin("iteration team changes: read empty, write, copy to the next sprint");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    free(must("board", ct_engine_put_board_settings(engine, S("40"), S(BOARD), &out), &out));
    out = NULL;
    char *empty = must("get team", ct_engine_get_iteration_team(engine, S("40"), S("7"), &out), &out);
    CHECK(empty && json_revision(empty, strlen(empty)) == 0);
    const char team[] = "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\",\"action\":\"change\","
                        "\"dailyCapacity\":4},{\"accountKey\":\"bob\",\"action\":\"remove\"}]}";
    out = NULL;
    char *stored = must("put team", ct_engine_put_iteration_team(engine, S("40"), S("7"), S(team), &out), &out);
    CHECK(stored && json_revision(stored, strlen(stored)) == 1);
    CHECK_HAS(stored, "\"iterationId\":\"7\"");
    out = NULL;
    char *copied = must("copy team",
                        ct_engine_copy_iteration_team(engine, S("{\"boardId\":\"40\",\"fromIterationId\":\"7\","
                                                                "\"toIterationId\":\"8\",\"revision\":0}"), &out), &out);
    CHECK_HAS(copied, "\"iterationId\":\"8\"");
    CHECK_HAS(copied, "\"action\":\"remove\"");
    out = SENTINEL_BUFFER;
    ct_error *err = ct_engine_put_iteration_team(engine, S("40"), S("7"), S(team), &out);
    uint64_t revision = 0;
    CHECK(ct_error_current_revision(err, &revision) && revision == 1);
    expect_error(err, CT_ERROR_CONFLICT, "revision: ", "stale team write");
    CHECK(out == SENTINEL_BUFFER && store.lock_count == 0);
    free(empty);
    free(stored);
    free(copied);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_kanban_ranges(void) {
    t_begin("a Kanban board's date ranges: read empty, write, refuse a bad range and a stale write");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    char *empty = must("get ranges", ct_engine_get_board_ranges(engine, S("4"), &out), &out);
    CHECK(empty && json_revision(empty, strlen(empty)) == 0);
    CHECK_HAS(empty, "\"ranges\":[]");
    const char q1[] = "{\"revision\":0,\"ranges\":[{\"id\":\"q1\",\"name\":\"Q1\","
                      "\"start\":\"2027-01-04\",\"end\":\"2027-03-31\"}]}";
    out = NULL;
    char *stored = must("put ranges", ct_engine_put_board_ranges(engine, S("4"), S(q1), &out), &out);
    CHECK(stored && json_revision(stored, strlen(stored)) == 1);
    CHECK_HAS(stored, "\"name\":\"Q1\"");
    const char backwards[] = "{\"revision\":1,\"ranges\":[{\"id\":\"q1\",\"name\":\"Q1\","
                             "\"start\":\"2027-03-31\",\"end\":\"2027-01-04\"}]}";
    out = SENTINEL_BUFFER;
    ct_error *err = ct_engine_put_board_ranges(engine, S("4"), S(backwards), &out);
    size_t field_len = 0;
    const char *field = ct_error_field(err, &field_len);
    CHECK(field && field_len == strlen("ranges[0].end") && memcmp(field, "ranges[0].end", field_len) == 0);
    expect_error(err, CT_ERROR_VALIDATION, "ranges[0].end: ", "backwards range");
    err = ct_engine_put_board_ranges(engine, S("4"), S(q1), &out);
    expect_error(err, CT_ERROR_CONFLICT, "revision: ", "stale ranges write");
    CHECK(out == SENTINEL_BUFFER);
    out = NULL;
    char *read = must("get ranges again", ct_engine_get_board_ranges(engine, S("4"), &out), &out);
    CHECK(read && stored && strcmp(read, stored) == 0);
    free(empty);
    free(stored);
    free(read);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_templates(void) {
    t_begin("templates: write, read, list, apply to a board, remove");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    const char squad[] = "{\"name\":\"Squad\",\"members\":[{\"accountKey\":\"carol\",\"role\":\"Designer\","
                         "\"dailyCapacity\":4}]}";
    char *stored = must("put template", ct_engine_put_template(engine, S("squad"), S(squad), &out), &out);
    CHECK_HAS(stored, "\"name\":\"Squad\"");
    out = NULL;
    char *read = must("get template", ct_engine_get_template(engine, S("squad"), &out), &out);
    CHECK(read && stored && strcmp(read, stored) == 0);
    out = NULL;
    char *list = must("list templates", ct_engine_list_templates(engine, &out), &out);
    CHECK_HAS(list, "\"id\":\"squad\"");
    out = NULL;
    free(must("board", ct_engine_put_board_settings(engine, S("50"), S(BOARD), &out), &out));
    out = NULL;
    char *applied = must("apply template",
                         ct_engine_apply_template(engine, S("{\"templateId\":\"squad\",\"boardId\":\"50\","
                                                            "\"revision\":1}"), &out), &out);
    CHECK_HAS(applied, "\"added\"");
    CHECK_HAS(applied, "carol");
    CHECK(check_ok(ct_engine_remove_template(engine, S("squad")), __FILE__, __LINE__));
    out = SENTINEL_BUFFER;
    expect_error(ct_engine_get_template(engine, S("squad"), &out), CT_ERROR_NOT_FOUND, "",
                 "get a removed template");
    CHECK(out == SENTINEL_BUFFER);
    out = NULL;
    char *after = must("list templates", ct_engine_list_templates(engine, &out), &out);
    CHECK(after && !has(after, "squad"));
    free(stored);
    free(read);
    free(list);
    free(applied);
    free(after);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_calendars_and_report_definitions(void) {
    t_begin("holiday calendars and report definitions: write, read, list, report, remove");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    const char calendar[] = "{\"name\":\"Germany\",\"dates\":[{\"date\":\"2026-10-03\",\"name\":"
                            "\"Unity Day\"}],\"rules\":[{\"type\":\"fixed\",\"month\":12,\"day\":25,"
                            "\"name\":\"Christmas Day\"}]}";
    char *cal = must("put calendar", ct_engine_put_calendar(engine, S("de"), S(calendar), &out), &out);
    CHECK_HAS(cal, "Unity Day");
    out = NULL;
    char *cal_read = must("get calendar", ct_engine_get_calendar(engine, S("de"), &out), &out);
    CHECK(cal && cal_read && strcmp(cal, cal_read) == 0);
    out = NULL;
    char *cals = must("list calendars", ct_engine_list_calendars(engine, &out), &out);
    CHECK_HAS(cals, "\"id\":\"de\"");

    out = NULL;
    free(must("board", ct_engine_put_board_settings(engine, S("E"), S(BOARD), &out), &out));
    const char definition[] = "{\"name\":\"Spring\",\"boardIds\":[\"E\"],\"projectKeys\":[],\"period\":"
                              "{\"start\":\"2026-03-23\",\"end\":\"2026-04-10\"},\"bucket\":\"month\","
                              "\"grouping\":\"person\"}";
    out = NULL;
    char *def = must("put definition", ct_engine_put_report_definition(engine, S("spring"), S(definition), &out), &out);
    CHECK_HAS(def, "\"name\":\"Spring\"");
    out = NULL;
    char *def_read = must("get definition", ct_engine_get_report_definition(engine, S("spring"), &out), &out);
    CHECK(def && def_read && strcmp(def, def_read) == 0);
    out = NULL;
    char *defs = must("list definitions", ct_engine_list_report_definitions(engine, &out), &out);
    CHECK_HAS(defs, "\"id\":\"spring\"");
    const char request[] = "{\"reportId\":\"spring\",\"boards\":[{\"boardId\":\"E\",\"iterations\":["
                           "{\"id\":\"1\",\"start\":\"2026-03-23\",\"end\":\"2026-04-03\",\"items\":["
                           "{\"key\":\"E-1\",\"assignee\":\"alice\",\"statusCategory\":\"new\","
                           "\"remainingSeconds\":36000}]}]}]}";
    out = NULL;
    char *report = must("multi-project report", ct_engine_multi_project_report(engine, S(request), &out), &out);
    CHECK_HAS(report, "alice");

    CHECK(check_ok(ct_engine_remove_calendar(engine, S("de")), __FILE__, __LINE__));
    CHECK(check_ok(ct_engine_remove_report_definition(engine, S("spring")), __FILE__, __LINE__));
    out = NULL;
    char *cals_after = must("list calendars", ct_engine_list_calendars(engine, &out), &out);
    out = NULL;
    char *defs_after = must("list definitions", ct_engine_list_report_definitions(engine, &out), &out);
    CHECK(cals_after && !has(cals_after, "\"de\"") && defs_after && !has(defs_after, "spring"));
    out = SENTINEL_BUFFER;
    ct_error *err = ct_engine_multi_project_report(engine, S(request), &out);
    CHECKF(err != NULL && out == SENTINEL_BUFFER, "a report of a removed definition succeeded");
    ct_error_free(err);
    char *all[] = {cal, cal_read, cals, def, def_read, defs, report, cals_after, defs_after};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) free(all[i]);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_permissions(void) {
    t_begin("permissions: disabled by default, then board grants decide");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    char *initial = must("get permissions", ct_engine_get_permissions(engine, &out), &out);
    CHECK_HAS(initial, "\"enabled\":false");
    const char query[] = "{\"user\":\"zoe\",\"groups\":[],\"admin\":false,\"action\":\"writeBoard\","
                         "\"boardId\":\"1\"}";
    out = NULL;
    char *open_answer = must("check access", ct_engine_check_access(engine, S(query), &out), &out);
    CHECK_HAS(open_answer, "\"allowed\":true");
    const char permissions[] = "{\"revision\":0,\"enabled\":true,\"boards\":{\"1\":{\"read\":{\"groups\":"
                               "[\"jira-users\"]},\"write\":{\"users\":[\"lead\"]}}}}";
    out = NULL;
    char *stored = must("put permissions", ct_engine_put_permissions(engine, S(permissions), &out), &out);
    CHECK(stored && json_revision(stored, strlen(stored)) == 1);
    out = NULL;
    char *closed_answer = must("check access", ct_engine_check_access(engine, S(query), &out), &out);
    CHECK_HAS(closed_answer, "\"allowed\":false");
    out = SENTINEL_BUFFER;
    expect_error(ct_engine_check_access(engine, S("{\"user\":\"zoe\",\"action\":\"fly\"}"), &out),
                 CT_ERROR_VALIDATION, "", "an unknown action");
    CHECK(out == SENTINEL_BUFFER);
    free(initial);
    free(open_answer);
    free(stored);
    free(closed_answer);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_privacy_operations(void) {
    t_begin("privacy: export a person's data, forget them everywhere, inventory");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    free(must("board", ct_engine_put_board_settings(engine, S("1"), S(BOARD), &out), &out));
    out = NULL;
    free(must("days off", ct_engine_put_days_off(engine, S("alice"), S("{\"revision\":0,\"ranges\":[{\"start\":"
                                                                        "\"2026-12-02\",\"end\":\"2026-12-03\"}]}"), &out), &out));
    out = NULL;
    char *exported = must("export user", ct_engine_export_user(engine, S("alice"), &out), &out);
    CHECK_HAS(exported, "\"boardId\":\"1\"");
    CHECK_HAS(exported, "2026-12-02");
    out = NULL;
    char *inventory = must("data inventory", ct_engine_data_inventory(engine, &out), &out);
    CHECK(inventory != NULL && strlen(inventory) > 2);
    out = NULL;
    char *forgotten = must("forget user", ct_engine_forget_user(engine, S("alice"), &out), &out);
    CHECK_HAS(forgotten, "\"1\"");
    char *snapshot = mem_snapshot(&store);
    CHECKF(!has(snapshot, "alice"), "alice is still stored:\n%s", snapshot ? snapshot : "");
    CHECK(has(snapshot, "bob"));
    out = NULL;
    char *again = must("forget user again", ct_engine_forget_user(engine, S("alice"), &out), &out);
    char *snapshot_again = mem_snapshot(&store);
    CHECK(snapshot && snapshot_again && strcmp(snapshot, snapshot_again) == 0);
    free(exported);
    free(inventory);
    free(forgotten);
    free(again);
    free(snapshot);
    free(snapshot_again);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_export_and_import(void) {
    t_begin("a full export imports into an empty store and exports identically; empty mode refuses a full store");
    mem_store source, target;
    mem_init(&source);
    mem_init(&target);
    ct_engine *from = new_engine(&source);
    ct_engine *to = new_engine(&target);
    ct_buffer *out = NULL;
    free(must("board", ct_engine_put_board_settings(from, S("1"), S(BOARD), &out), &out));
    out = NULL;
    free(must("template", ct_engine_put_template(from, S("t"), S("{\"name\":\"T\",\"members\":[]}"), &out), &out));
    out = NULL;
    char *exported = must("export all", ct_engine_export_all(from, &out), &out);
    CHECK_HAS(exported, "\"format\":\"capacity-tracker-export\"");
    if (exported != NULL) {
        size_t len = strlen(exported);
        char *request = malloc(len + 64);
        int request_len = snprintf(request, len + 64, "{\"mode\":\"empty\",\"export\":%s}", exported);
        out = NULL;
        char *result = must("import all", ct_engine_import_all(to, request, (size_t)request_len, &out), &out);
        CHECK_HAS(result, "\"written\"");
        out = NULL;
        char *reexported = must("export all again", ct_engine_export_all(to, &out), &out);
        CHECK(reexported && strcmp(reexported, exported) == 0);
        char *before = mem_snapshot(&target);
        out = SENTINEL_BUFFER;
        ct_error *err = ct_engine_import_all(to, request, (size_t)request_len, &out);
        CHECKF(err != NULL && out == SENTINEL_BUFFER, "an empty-mode import into a full store succeeded");
        ct_error_free(err);
        char *after = mem_snapshot(&target);
        CHECK(strcmp(before, after) == 0);
        free(before);
        free(after);
        free(result);
        free(reexported);
        free(request);
    }
    free(exported);
    CHECK(source.contract_violations == 0 && target.contract_violations == 0);
    ct_engine_free(from);
    ct_engine_free(to);
    mem_destroy(&source);
    mem_destroy(&target);
    t_end();
}

static void test_member_capacity(void) {
    t_begin("the small member query: one member's numbers over one sprint, errors named, out untouched");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    free(must("board", ct_engine_put_board_settings(engine, S("45"), S(BOARD), &out), &out));
    /* Monday 2026-11-30 to Saturday 2026-12-05 (five working days), as of Thursday; two hours of bob's work. */
    const char request[] = "{\"boardId\":\"45\",\"iteration\":{\"id\":\"7\",\"start\":\"2026-11-30\","
                           "\"end\":\"2026-12-05\",\"asOf\":\"2026-12-03\"},\"items\":[{\"key\":\"A-1\","
                           "\"assignee\":\"bob\",\"remainingSeconds\":7200}]}";
    ct_member_capacity bob;
    memset(&bob, 0, sizeof bob);
    CHECK_OK(ct_engine_member_capacity(engine, S(request), S("bob"), &bob));
    CHECK(bob.unit == CT_UNIT_HOURS && bob.working_days == 5);
    CHECK(bob.capacity == 5 * 5 * 60 && bob.has_remaining_capacity && bob.remaining_capacity == 2 * 5 * 60);
    CHECK(bob.workload == 120 && bob.daily_capacity == 5 * 60 && bob.allocation == 10000 && bob.days_off == 0);
    /* 2026-11-30 is day 20787 after 1970-01-01; the date-only end counts its own day. */
    CHECK(bob.first_date == 20787 && bob.last_date == 20792 && bob.has_as_of && bob.as_of == 20790);

    ct_member_capacity untouched;
    memset(&untouched, 0x5a, sizeof untouched);
    ct_member_capacity before = untouched;
    expect_error(ct_engine_member_capacity(engine, S(request), S("carol"), &untouched), CT_ERROR_NOT_FOUND,
                 "accountKey: ", "member off the team");
    expect_error(ct_engine_member_capacity(engine, S("{"), S("bob"), &untouched), CT_ERROR_VALIDATION, "",
                 "bad request");
    expect_error(ct_engine_member_capacity(engine, NULL, 0, S("bob"), &untouched), CT_ERROR_INVALID_ARGUMENT,
                 "request_json: ", "NULL request");
    expect_error(ct_engine_member_capacity(engine, S(request), NULL, 0, &untouched), CT_ERROR_INVALID_ARGUMENT,
                 "account_key: ", "NULL account key");
    expect_error(ct_engine_member_capacity(NULL, S(request), S("bob"), &untouched), CT_ERROR_INVALID_ARGUMENT,
                 "engine: ", "NULL engine");
    expect_error(ct_engine_member_capacity(engine, S(request), S("bob"), NULL), CT_ERROR_INVALID_ARGUMENT,
                 "out: ", "NULL out");
    CHECK(memcmp(&untouched, &before, sizeof before) == 0 && store.lock_count == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

int main(void) {
    test_every_operation_checks_its_arguments();
    test_iteration_teams();
    test_kanban_ranges();
    test_templates();
    test_calendars_and_report_definitions();
    test_permissions();
    test_privacy_operations();
    test_export_and_import();
    test_member_capacity();
    return t_report("operations");
}
