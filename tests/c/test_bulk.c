/*
 * The bulk entry points: ct_engine_iteration_report_bulk, ct_engine_multi_project_report_bulk
 * and the ct_multi_report accessors.
 *
 * - Every conformance vector again, its items turned into arrays of structs: the bulk entry
 *   gives expected.json (or the expected error), as the JSON entry does.
 * - The compact multi-project report's arrays say what its JSON says, cell by cell.
 * - A generated multi-project request through both entries gives the same report.
 * - Every argument and validation error, with the output left untouched.
 *
 * Usage: test_bulk <vectors directory>
 */
#include <limits.h>
#include <stdarg.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "vectors.h"

/* ---- JSON items to arrays ---- */

/* Strings the arrays point to, freed together. */
struct strings {
    char **all;
    size_t len, cap;
};

static char *keep(struct strings *s, char *text) {
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->all = realloc(s->all, s->cap * sizeof *s->all);
        if (s->all == NULL) abort();
    }
    s->all[s->len++] = text;
    return text;
}

static void strings_free(struct strings *s) {
    for (size_t i = 0; i < s->len; i++) free(s->all[i]);
    free(s->all);
}

/* Growing arrays of people and items, in the form of the bulk entries. */
struct arrays {
    struct strings strings;
    ct_person *people;
    size_t people_len, people_cap;
    ct_work_item *items;
    ct_multi_item *multi_items;
    size_t items_len, items_cap;
    /* Per item: its key and its parent's key (or NULL), to resolve parents by key. */
    const char **keys;
    const char **parents;
    /* Where the current iteration's items start (parents resolve within it). */
    size_t scope_start;
    bool unsupported;
};

static uint32_t person_index(struct arrays *a, char *key) {
    for (size_t i = 0; i < a->people_len; i++)
        if (strlen(key) == a->people[i].account_key_len &&
            memcmp(key, a->people[i].account_key, a->people[i].account_key_len) == 0) {
            free(key);
            return (uint32_t)i;
        }
    if (a->people_len == a->people_cap) {
        a->people_cap = a->people_cap ? a->people_cap * 2 : 16;
        a->people = realloc(a->people, a->people_cap * sizeof *a->people);
        if (a->people == NULL) abort();
    }
    keep(&a->strings, key);
    a->people[a->people_len] = (ct_person){key, strlen(key)};
    return (uint32_t)a->people_len++;
}

static bool raw_is(const char *raw, size_t len, const char *text) {
    return len == strlen(text) && memcmp(raw, text, len) == 0;
}

static char *raw_copy(const char *raw, size_t len) {
    char *copy = malloc(len + 1);
    if (copy == NULL) abort();
    memcpy(copy, raw, len);
    copy[len] = '\0';
    return copy;
}

/* One JSON item member into the struct being filled. */
struct item_fill {
    struct arrays *a;
    ct_work_item *item;
    const char *key;
    const char *parent;
};

static bool item_member(void *ctx, const char *name, size_t name_len, const char *raw,
                        size_t len) {
    struct item_fill *f = ctx;
    ct_work_item *it = f->item;
    bool null = raw_is(raw, len, "null");
    char *text = raw_copy(raw, len);
    bool string = len >= 2 && raw[0] == '"' && memchr(raw + 1, '\\', len - 2) == NULL;
    char *unquoted = string ? raw_copy(raw + 1, len - 2) : NULL;
#define NAME(n) (name_len == strlen(n) && memcmp(name, n, name_len) == 0)
    if (NAME("key") && string) {
        f->key = keep(&f->a->strings, unquoted);
        unquoted = NULL;
    } else if (NAME("assignee") && (string || null)) {
        if (string) {
            it->assignee = person_index(f->a, unquoted);
            unquoted = NULL;
        }
    } else if (NAME("statusCategory") && string) {
        if (strcmp(unquoted, "done") == 0) it->flags |= CT_ITEM_DONE;
        else if (strcmp(unquoted, "new") != 0 && strcmp(unquoted, "indeterminate") != 0)
            f->a->unsupported = true;
    } else if (NAME("statusCategory") && null) {
    } else if (NAME("remainingSeconds") || NAME("originalSeconds")) {
        if (!null) {
            char *end = NULL;
            long long v = strtoll(text, &end, 10);
            if (*end != '\0') f->a->unsupported = true;
            if (NAME("remainingSeconds")) {
                it->remaining_seconds = v;
                it->flags |= CT_ITEM_HAS_REMAINING;
            } else {
                it->original_seconds = v;
                it->flags |= CT_ITEM_HAS_ORIGINAL;
            }
        }
    } else if (NAME("storyPoints") || NAME("customEstimate")) {
        if (!null) {
            char *end = NULL;
            double v = strtod(text, &end);
            if (*end != '\0') f->a->unsupported = true;
            if (NAME("storyPoints")) {
                it->story_points = v;
                it->flags |= CT_ITEM_HAS_STORY_POINTS;
            } else {
                it->custom_estimate = v;
                it->flags |= CT_ITEM_HAS_CUSTOM_ESTIMATE;
            }
        }
    } else if (NAME("parent") && (string || null)) {
        if (string) {
            f->parent = keep(&f->a->strings, unquoted);
            unquoted = NULL;
        }
    } else if (NAME("subtask") && (raw_is(raw, len, "true") || raw_is(raw, len, "false"))) {
        if (raw_is(raw, len, "true")) it->flags |= CT_ITEM_SUBTASK;
    } else {
        /* An unknown field or an escaped string: the JSON entry's own business. */
        f->a->unsupported = true;
    }
#undef NAME
    free(text);
    free(unquoted);
    return true;
}

/* Adds the JSON item `raw`, placed at (board, iteration) for multi-project reports. */
static bool add_item(struct arrays *a, const char *raw, size_t len, uint32_t board,
                     uint32_t iteration) {
    ct_work_item item = {NULL, 0, CT_NO_INDEX, CT_NO_INDEX, 0, 0, 0, 0, 0.0, 0.0};
    struct item_fill fill = {a, &item, NULL, NULL};
    if (!json_each_member(raw, len, item_member, &fill) || fill.key == NULL) {
        a->unsupported = true;
        return true;
    }
    item.key = fill.key;
    item.key_len = strlen(fill.key);
    if (a->items_len == a->items_cap) {
        a->items_cap = a->items_cap ? a->items_cap * 2 : 64;
        a->items = realloc(a->items, a->items_cap * sizeof *a->items);
        a->multi_items = realloc(a->multi_items, a->items_cap * sizeof *a->multi_items);
        a->keys = realloc(a->keys, a->items_cap * sizeof *a->keys);
        a->parents = realloc(a->parents, a->items_cap * sizeof *a->parents);
        if (!a->items || !a->multi_items || !a->keys || !a->parents) abort();
    }
    a->items[a->items_len] = item;
    a->multi_items[a->items_len] = (ct_multi_item){board, iteration, item.assignee, CT_NO_INDEX,
                                                   item.flags, 0, item.remaining_seconds,
                                                   item.original_seconds, item.story_points,
                                                   item.custom_estimate};
    a->keys[a->items_len] = fill.key;
    a->parents[a->items_len] = fill.parent;
    a->items_len++;
    return true;
}

/* Resolves the parents of the items added since the scope started, by key among them. */
static void resolve_parents(struct arrays *a) {
    for (size_t i = a->scope_start; i < a->items_len; i++) {
        if (a->parents[i] == NULL) continue;
        for (size_t j = a->scope_start; j < a->items_len; j++)
            if (strcmp(a->keys[j], a->parents[i]) == 0) {
                a->items[i].parent = (uint32_t)j;
                a->multi_items[i].parent = (uint32_t)j;
                break;
            }
    }
    a->scope_start = a->items_len;
}

static void arrays_free(struct arrays *a) {
    strings_free(&a->strings);
    free(a->people);
    free(a->items);
    free(a->multi_items);
    free(a->keys);
    free(a->parents);
}

/* ---- rewriting requests without their items ---- */

struct text {
    char *data;
    size_t len, cap;
};

static void append(struct text *t, const char *s, size_t len) {
    if (t->len + len + 1 > t->cap) {
        t->cap = (t->len + len + 1) * 2;
        t->data = realloc(t->data, t->cap);
        if (t->data == NULL) abort();
    }
    memcpy(t->data + t->len, s, len);
    t->len += len;
    t->data[t->len] = '\0';
}

static void append_str(struct text *t, const char *s) { append(t, s, strlen(s)); }

/* Copies an object's members, except `skip`, whose value `rewrite` writes instead. */
struct copy_ctx {
    struct text *out;
    const char *skip;
    bool first;
    bool (*rewrite)(void *ctx, const char *raw, size_t len);
    void *rewrite_ctx;
};

static bool copy_member(void *ctx, const char *key, size_t key_len, const char *value,
                        size_t value_len) {
    struct copy_ctx *c = ctx;
    bool skipped = key_len == strlen(c->skip) && memcmp(key, c->skip, key_len) == 0;
    if (skipped && c->rewrite == NULL) return true;
    if (!c->first) append_str(c->out, ",");
    c->first = false;
    append_str(c->out, "\"");
    append(c->out, key, key_len);
    append_str(c->out, "\":");
    if (skipped) return c->rewrite(c->rewrite_ctx, value, value_len);
    append(c->out, value, value_len);
    return true;
}

static bool copy_object(struct text *out, const char *json, size_t len, const char *skip,
                        bool (*rewrite)(void *, const char *, size_t), void *rewrite_ctx) {
    struct copy_ctx c = {out, skip, true, rewrite, rewrite_ctx};
    append_str(out, "{");
    bool ok = json_each_member(json, len, copy_member, &c);
    append_str(out, "}");
    return ok;
}

/* A multi-project request's boards, each iteration without its items. */
struct boards_ctx {
    struct text *out;
};

static bool iteration_without_items(void *ctx, size_t index, const char *raw, size_t len) {
    struct boards_ctx *b = ctx;
    if (index > 0) append_str(b->out, ",");
    return copy_object(b->out, raw, len, "items", NULL, NULL);
}

static bool iterations_without_items(void *ctx, const char *raw, size_t len) {
    struct boards_ctx *b = ctx;
    append_str(b->out, "[");
    bool ok = json_each_element(raw, len, iteration_without_items, b);
    append_str(b->out, "]");
    return ok;
}

static bool board_without_items(void *ctx, size_t index, const char *raw, size_t len) {
    struct boards_ctx *b = ctx;
    if (index > 0) append_str(b->out, ",");
    return copy_object(b->out, raw, len, "iterations", iterations_without_items, b);
}

static bool boards_without_items(void *ctx, const char *raw, size_t len) {
    struct boards_ctx *b = ctx;
    append_str(b->out, "[");
    bool ok = json_each_element(raw, len, board_without_items, b);
    append_str(b->out, "]");
    return ok;
}

/* The items of a request's iterations, each placed by board and iteration index. */
struct item_walk {
    struct arrays *a;
    uint32_t board, iteration;
};

static bool item_element(void *ctx, size_t index, const char *raw, size_t len) {
    struct item_walk *w = ctx;
    (void)index;
    return add_item(w->a, raw, len, w->board, w->iteration);
}

static bool iteration_items(void *ctx, size_t index, const char *raw, size_t len) {
    struct item_walk *w = ctx;
    w->iteration = (uint32_t)index;
    const char *items = NULL;
    size_t items_len = 0;
    bool ok = true;
    if (json_raw_member(raw, len, "items", &items, &items_len))
        ok = json_each_element(items, items_len, item_element, w);
    resolve_parents(w->a);
    return ok;
}

static bool board_items(void *ctx, size_t index, const char *raw, size_t len) {
    struct item_walk *w = ctx;
    w->board = (uint32_t)index;
    const char *iterations = NULL;
    size_t iterations_len = 0;
    if (!json_raw_member(raw, len, "iterations", &iterations, &iterations_len)) return true;
    return json_each_element(iterations, iterations_len, iteration_items, w);
}

/* `multi` without items into `out`, its items into `a`. */
static bool split_multi_request(const char *multi, size_t len, struct text *out, struct arrays *a) {
    struct item_walk w = {a, 0, 0};
    const char *boards = NULL;
    size_t boards_len = 0;
    if (json_raw_member(multi, len, "boards", &boards, &boards_len) &&
        !json_each_element(boards, boards_len, board_items, &w))
        return false;
    struct boards_ctx b = {out};
    return copy_object(out, multi, len, "boards", boards_without_items, &b);
}

/* `request` without items into `out`, its items into `a`. */
static bool split_request(const char *request, size_t len, struct text *out, struct arrays *a) {
    const char *items = NULL;
    size_t items_len = 0;
    struct item_walk w = {a, 0, 0};
    if (json_raw_member(request, len, "items", &items, &items_len) &&
        !json_each_element(items, items_len, item_element, &w))
        return false;
    resolve_parents(a);
    return copy_object(out, request, len, "items", NULL, NULL);
}

/* ---- the compact report against its own JSON ---- */

static const char *const STATUS_NAMES[] = {"noCapacity", "under", "ok", "over"};

static long long member_ll(const char *obj, size_t len, const char *name) {
    const char *raw = NULL;
    size_t raw_len = 0;
    if (!json_raw_member(obj, len, name, &raw, &raw_len)) return LLONG_MIN;
    char *text = raw_copy(raw, raw_len);
    long long v = strtoll(text, NULL, 10);
    free(text);
    return v;
}

/* A member that is a number (true) or null (false). */
static bool member_double(const char *obj, size_t len, const char *name, double *out) {
    const char *raw = NULL;
    size_t raw_len = 0;
    if (!json_raw_member(obj, len, name, &raw, &raw_len) || raw_is(raw, raw_len, "null"))
        return false;
    char *text = raw_copy(raw, raw_len);
    *out = strtod(text, NULL);
    free(text);
    return true;
}

static bool same_text(ct_text t, const char *s) {
    return s != NULL && t.len == strlen(s) && memcmp(t.data, s, t.len) == 0;
}

struct views {
    const char *name;
    const ct_multi_report *report;
    const ct_multi_bucket *buckets;
    size_t buckets_len;
    const ct_text *boards;
    size_t boards_len;
    const ct_multi_row *rows;
    size_t rows_len;
    const ct_multi_cell *cells;
    const ct_multi_cell *totals;
    /* The over-allocations expanded to one per bucket, as the JSON lists them. */
    size_t over_len, over_next;
    const ct_over_allocation *over;
    size_t over_run, over_bucket;
    size_t row;
    const ct_multi_cell *cell_row;
};

static bool check_cell(const struct views *v, ct_multi_cell cell, const char *raw, size_t len,
                       const char *where, size_t index) {
    double utilisation = -1.0, json_utilisation = 0.0;
    uint32_t status = ct_multi_report_status(v->report, cell, &utilisation);
    char *status_name = json_string_member(raw, len, "status");
    bool has_utilisation = member_double(raw, len, "utilisation", &json_utilisation);
    bool ok = CHECKF(member_ll(raw, len, "capacity") == cell.capacity &&
                         member_ll(raw, len, "workload") == cell.workload &&
                         member_ll(raw, len, "free") == cell.capacity - cell.workload,
                     "%s: %s %zu: the numbers differ from the JSON's", v->name, where, index) &&
              CHECKF(status < 4 && status_name && strcmp(STATUS_NAMES[status], status_name) == 0,
                     "%s: %s %zu: status %u, the JSON says %s", v->name, where, index, status,
                     status_name ? status_name : "nothing") &&
              CHECKF(has_utilisation ? utilisation == json_utilisation
                                     : status == CT_STATUS_NO_CAPACITY && utilisation == -1.0,
                     "%s: %s %zu: utilisation %g, the JSON says %g", v->name, where, index,
                     utilisation, json_utilisation);
    free(status_name);
    return ok;
}

static bool check_row_cell(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    return index < v->buckets_len && check_cell(v, v->cell_row[index], raw, len, "cell", index);
}

static bool check_row(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    if (!CHECKF(index < v->rows_len, "%s: more rows in the JSON than in the report", v->name))
        return false;
    const ct_multi_row *row = &v->rows[index];
    char *key = json_string_member(raw, len, "key");
    const char *cells = NULL, *total = NULL;
    size_t cells_len = 0, total_len = 0;
    bool ok = CHECKF(same_text(row->key, key), "%s: row %zu's key differs", v->name, index) &&
              json_raw_member(raw, len, "cells", &cells, &cells_len) &&
              json_raw_member(raw, len, "total", &total, &total_len);
    free(key);
    if (!ok) return false;
    v->cell_row = v->cells + index * v->buckets_len;
    v->row = index + 1;
    return json_each_element(cells, cells_len, check_row_cell, v) &&
           check_cell(v, row->total, total, total_len, "row total", index);
}

static bool check_total(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    return index < v->buckets_len && check_cell(v, v->totals[index], raw, len, "total", index);
}

static void date_text(ct_date d, char out[16]) {
    snprintf(out, 16, "%04d-%02u-%02u", d.year, d.month % 100, d.day % 100);
}

static bool check_bucket(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    if (index >= v->buckets_len) return false;
    char first[16], last[16];
    date_text(v->buckets[index].first, first);
    date_text(v->buckets[index].last, last);
    char *label = json_string_member(raw, len, "label");
    char *start = json_string_member(raw, len, "start");
    char *end = json_string_member(raw, len, "end");
    bool ok = CHECKF(same_text(v->buckets[index].label, label) && start && end &&
                         strcmp(start, first) == 0 && strcmp(end, last) == 0,
                     "%s: bucket %zu differs from the JSON's", v->name, index);
    free(label);
    free(start);
    free(end);
    return ok;
}

static bool check_board(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    return CHECKF(index < v->boards_len && len >= 2 && v->boards[index].len == len - 2 &&
                      memcmp(v->boards[index].data, raw + 1, len - 2) == 0,
                  "%s: board %zu differs from the JSON's", v->name, index);
}

struct board_list {
    const struct views *v;
    const ct_over_allocation *o;
};

static bool check_over_board(void *ctx, size_t index, const char *raw, size_t len) {
    struct board_list *l = ctx;
    return index < l->o->boards_len && l->o->boards[index] < l->v->boards_len &&
           len >= 2 && l->v->boards[l->o->boards[index]].len == len - 2 &&
           memcmp(l->v->boards[l->o->boards[index]].data, raw + 1, len - 2) == 0;
}

static bool check_over(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    /* The next (run, bucket) of the runs. */
    while (v->over_run < v->over_len &&
           v->over_bucket > v->over[v->over_run].last_bucket) {
        v->over_run++;
        if (v->over_run < v->over_len) v->over_bucket = v->over[v->over_run].first_bucket;
    }
    if (!CHECKF(v->over_run < v->over_len, "%s: more over-allocations in the JSON", v->name))
        return false;
    const ct_over_allocation *o = &v->over[v->over_run];
    char *key = json_string_member(raw, len, "accountKey");
    char *bucket = json_string_member(raw, len, "bucket");
    double allocation = 0;
    const char *boards = NULL;
    size_t boards_len = 0;
    struct board_list list = {v, o};
    size_t count = 0;
    bool ok = same_text(o->account_key, key) && v->over_bucket < v->buckets_len &&
              same_text(v->buckets[v->over_bucket].label, bucket) &&
              member_double(raw, len, "allocation", &allocation) && allocation == o->allocation &&
              json_raw_member(raw, len, "boards", &boards, &boards_len) &&
              json_each_element(boards, boards_len, check_over_board, &list);
    /* As many boards as the JSON lists. */
    for (const char *p = boards; ok && p < boards + boards_len; p++) count += *p == '"';
    ok = ok && count / 2 == o->boards_len;
    CHECKF(ok, "%s: over-allocation %zu differs from the JSON's", v->name, index);
    v->over_bucket++;
    v->over_next++;
    free(key);
    free(bucket);
    return ok;
}

static bool check_warning(void *ctx, size_t index, const char *raw, size_t len) {
    struct views *v = ctx;
    const ct_warning *warnings = NULL;
    size_t count = ct_multi_report_warnings(v->report, &warnings);
    char *code = json_string_member(raw, len, "code");
    char *message = json_string_member(raw, len, "message");
    bool ok = CHECKF(index < count && same_text(warnings[index].code, code) &&
                         (strchr(message, '\\') != NULL || same_text(warnings[index].message, message)),
                     "%s: warning %zu differs from the JSON's", v->name, index);
    free(code);
    free(message);
    return ok;
}

/* Checks every array of `report` against `json`, its own JSON. */
static void check_views(const char *name, const ct_multi_report *report, const char *json,
                        size_t len) {
    struct views v = {name, report, NULL, 0, NULL, 0, NULL, 0, NULL, NULL, 0, 0, NULL, 0, 0, 0, NULL};
    v.buckets_len = ct_multi_report_buckets(report, &v.buckets);
    v.boards_len = ct_multi_report_boards(report, &v.boards);
    v.rows_len = ct_multi_report_rows(report, &v.rows);
    size_t cells_len = ct_multi_report_cells(report, &v.cells);
    size_t totals_len = ct_multi_report_totals(report, &v.totals);
    v.over_len = ct_multi_report_over_allocations(report, &v.over);
    if (v.over_len > 0) v.over_bucket = v.over[0].first_bucket;
    CHECKF(cells_len == v.rows_len * v.buckets_len && totals_len == v.buckets_len,
           "%s: %zu cells and %zu totals for %zu rows of %zu buckets", name, cells_len, totals_len,
           v.rows_len, v.buckets_len);
    const char *raw = NULL;
    size_t raw_len = 0;
    CHECKF(json_raw_member(json, len, "buckets", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_bucket, &v),
           "%s: the buckets differ", name);
    CHECKF(json_raw_member(json, len, "boards", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_board, &v),
           "%s: the boards differ", name);
    CHECKF(json_raw_member(json, len, "rows", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_row, &v) && v.row == v.rows_len,
           "%s: the rows differ", name);
    CHECKF(json_raw_member(json, len, "totals", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_total, &v),
           "%s: the totals differ", name);
    CHECKF(json_raw_member(json, len, "overAllocations", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_over, &v) &&
               (v.over_len == 0 || (v.over_run == v.over_len - 1 &&
                                    v.over_bucket == v.over[v.over_len - 1].last_bucket + 1)),
           "%s: the over-allocations differ", name);
    CHECKF(json_raw_member(json, len, "warnings", &raw, &raw_len) &&
               json_each_element(raw, raw_len, check_warning, &v),
           "%s: the warnings differ", name);
    char *unit = json_string_member(json, len, "unit");
    char *grouping = json_string_member(json, len, "grouping");
    uint32_t u = ct_multi_report_unit(report), g = ct_multi_report_grouping(report);
    CHECKF(unit && grouping &&
               strcmp(unit, u == CT_UNIT_HOURS ? "hours" : "storyPoints") == 0 &&
               strcmp(grouping, g == CT_GROUPING_PERSON ? "person"
                                : g == CT_GROUPING_ROLE ? "role" : "board") == 0,
           "%s: unit %u or grouping %u differ from the JSON's", name, u, g);
    free(unit);
    free(grouping);
}

/* ---- every vector through the bulk entries ---- */

/* An expected error about the JSON items themselves: the arrays name those fields their own
 * way (items[0].remaining_seconds), or cannot carry them at all. */
static bool item_error(const char *expected, size_t len) {
    const char *error = NULL;
    size_t error_len = 0;
    if (!json_raw_member(expected, len, "error", &error, &error_len)) return false;
    char *field = json_string_member(error, error_len, "field");
    bool items = field != NULL && (strncmp(field, "items", 5) == 0 || strstr(field, ".items") != NULL);
    free(field);
    return items;
}

static void run_vector(const char *dir, const char *name) {
    size_t request_len = 0, multi_len = 0, expected_len = 0;
    char *request = vector_file(dir, name, "request.json", &request_len);
    char *multi = vector_file(dir, name, "multi-request.json", &multi_len);
    char *expected = vector_file(dir, name, "expected.json", &expected_len);
    char *board_id = request ? json_string_member(request, request_len, "boardId") : NULL;
    struct arrays a = {0};
    struct text bare = {0};
    bool split = expected != NULL &&
                 (request ? split_request(request, request_len, &bare, &a)
                          : multi && split_multi_request(multi, multi_len, &bare, &a));
    size_t member_len = 0;
    char *member = vector_file(dir, name, "member.json", &member_len);
    bool member_query = member != NULL;
    free(member);
    if (member_query) {
        printf("skip %s (the member query takes no arrays)\n", name);
    } else if (!split || a.unsupported || item_error(expected, expected_len)) {
        printf("skip %s (its items are not for arrays)\n", name);
    } else {
        t_begin(name);
        mem_store store;
        mem_init(&store);
        ct_engine *engine = new_engine(&store);
        if (vector_setup(engine, dir, name, board_id)) {
            ct_buffer *out = NULL;
            ct_multi_report *report = NULL;
            ct_error *err =
                request ? ct_engine_iteration_report_bulk(engine, bare.data, bare.len, a.people,
                                                          a.people_len, a.items, a.items_len, &out)
                        : ct_engine_multi_project_report_bulk(engine, bare.data, bare.len, a.people,
                                                              a.people_len, a.multi_items,
                                                              a.items_len, &report);
            if (err == NULL && report != NULL) CHECK_OK(ct_multi_report_to_json(report, &out));
            size_t actual_len = 0;
            char *actual = err ? error_document(err, &actual_len)
                               : json_compact(ct_buffer_data(out), ct_buffer_len(out), &actual_len);
            if (check_same_json(name, expected, expected_len, actual, actual_len) && report)
                check_views(name, report, actual, actual_len);
            free(actual);
            ct_error_free(err);
            ct_buffer_free(out);
            ct_multi_report_free(report);
        }
        ct_engine_free(engine);
        mem_destroy(&store);
        t_end();
    }
    arrays_free(&a);
    free(bare.data);
    free(board_id);
    free(request);
    free(multi);
    free(expected);
}

/* ---- generated requests through both entries ---- */

static uint64_t rng_state = 88172645463325252ULL;

static uint32_t below(uint32_t n) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state % n);
}

static void appendf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void appendf(struct text *t, const char *fmt, ...) {
    char chunk[1024];
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(chunk, sizeof chunk, fmt, args);
    va_end(args);
    if (n < 0 || (size_t)n >= sizeof chunk) abort();
    append(t, chunk, (size_t)n);
}

static const char *const POLICIES[] = {"subtasks", "parents", "all"};
static const char *const SOURCES[] = {"remaining", "original", "custom"};

/* Stores boards G0..G3, each with some of the people p0..p11, by varied rules. */
static void store_generated_boards(const ct_engine *engine) {
    for (int b = 0; b < 4; b++) {
        struct text doc = {0};
        const char *source = SOURCES[(b + 1) % 3];
        appendf(&doc, "{\"revision\":0,\"subtaskPolicy\":\"%s\",\"estimateSource\":\"%s\",%s"
                      "\"members\":[",
                POLICIES[b % 3], source,
                strcmp(source, "custom") == 0 ? "\"customField\":\"customfield_1\"," : "");
        for (int m = 0, n = 0; m < 12; m++) {
            if (below(3) == 0) continue;
            appendf(&doc, "%s{\"accountKey\":\"p%d\",\"role\":\"%s\",\"dailyCapacity\":%d,"
                          "\"allocation\":%d%s}",
                    n++ ? "," : "", m, m % 2 ? "QA" : "Dev", 4 + (m % 3) * 2, 40 + 20 * (int)below(4),
                    below(5) == 0 ? ",\"activeFrom\":\"2026-03-20\"" : "");
        }
        append_str(&doc, "]}");
        char id[16];
        snprintf(id, sizeof id, "G%d", b);
        ct_buffer *out = NULL;
        CHECK_OK(ct_engine_put_board_settings(engine, id, strlen(id), doc.data, doc.len, &out));
        ct_buffer_free(out);
        free(doc.data);
    }
}

/* Items of one iteration, as JSON into `json` and as arrays into `a`. */
static void generate_items(struct text *json, struct arrays *a, const char *prefix,
                           uint32_t board, uint32_t iteration, uint32_t count) {
    append_str(json, "[");
    for (uint32_t n = 0; n < count; n++) {
        char key[32];
        snprintf(key, sizeof key, "%s-%u", prefix, n);
        ct_work_item item = {NULL, 0, CT_NO_INDEX, CT_NO_INDEX, 0, 0, 0, 0, 0.0, 0.0};
        appendf(json, "%s{\"key\":\"%s\"", n ? "," : "", key);
        uint32_t who = below(16);
        if (who < 14) {
            char person[16];
            snprintf(person, sizeof person, "p%u", who);
            item.assignee = person_index(a, raw_copy(person, strlen(person)));
            appendf(json, ",\"assignee\":\"%s\"", person);
        }
        if (below(4) == 0) {
            item.flags |= CT_ITEM_DONE;
            append_str(json, ",\"statusCategory\":\"done\"");
        }
        if (below(5)) {
            item.flags |= CT_ITEM_HAS_REMAINING;
            item.remaining_seconds = (int64_t)below(40) * 900 + below(3) * 7;
            appendf(json, ",\"remainingSeconds\":%lld", (long long)item.remaining_seconds);
        }
        if (below(2)) {
            item.flags |= CT_ITEM_HAS_ORIGINAL;
            item.original_seconds = (int64_t)below(40) * 1800;
            appendf(json, ",\"originalSeconds\":%lld", (long long)item.original_seconds);
        }
        if (below(3) == 0) {
            item.flags |= CT_ITEM_HAS_CUSTOM_ESTIMATE;
            item.custom_estimate = below(30) * 0.25;
            appendf(json, ",\"customEstimate\":%g", item.custom_estimate);
        }
        size_t scope = a->items_len - a->scope_start;
        if (scope > 0 && below(2)) {
            uint32_t parent = (uint32_t)(a->scope_start + below((uint32_t)scope));
            item.parent = parent;
            item.flags |= CT_ITEM_SUBTASK;
            appendf(json, ",\"parent\":\"%s\",\"subtask\":true", a->keys[parent]);
        }
        append_str(json, "}");
        char *kept = keep(&a->strings, raw_copy(key, strlen(key)));
        item.key = kept;
        item.key_len = strlen(kept);
        if (a->items_len == a->items_cap) {
            a->items_cap = a->items_cap ? a->items_cap * 2 : 64;
            a->items = realloc(a->items, a->items_cap * sizeof *a->items);
            a->multi_items = realloc(a->multi_items, a->items_cap * sizeof *a->multi_items);
            a->keys = realloc(a->keys, a->items_cap * sizeof *a->keys);
            a->parents = realloc(a->parents, a->items_cap * sizeof *a->parents);
            if (!a->items || !a->multi_items || !a->keys || !a->parents) abort();
        }
        a->items[a->items_len] = item;
        a->multi_items[a->items_len] = (ct_multi_item){board, iteration, item.assignee, item.parent,
                                                       item.flags, 0, item.remaining_seconds,
                                                       item.original_seconds, item.story_points,
                                                       item.custom_estimate};
        a->keys[a->items_len] = kept;
        a->parents[a->items_len] = NULL;
        a->items_len++;
    }
    append_str(json, "]");
    a->scope_start = a->items_len;
}

static void compare_entries(const char *name, const char *json, size_t json_len,
                            const char *bulk, size_t bulk_len) {
    size_t a_len = 0, b_len = 0;
    char *a = json_compact(json, json_len, &a_len);
    char *b = json_compact(bulk, bulk_len, &b_len);
    if (!CHECKF(a_len == b_len && memcmp(a, b, a_len) == 0,
                "%s: the bulk entry's report differs from the JSON entry's", name))
        show_difference(a, a_len, b, b_len);
    free(a);
    free(b);
}

static void test_generated_multi_project(const char *bucket, const char *grouping) {
    char name[64];
    snprintf(name, sizeof name, "generated multi-project report by %s in %ss", grouping, bucket);
    t_begin(name);
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    store_generated_boards(engine);
    struct arrays a = {0};
    struct text full = {0}, bare = {0};
    const char *definition_fmt =
        "{\"definition\":{\"name\":\"Generated\",\"boardIds\":[\"G1\",\"G9\"],\"period\":"
        "{\"start\":\"2026-03-02\",\"end\":\"2026-05-31\"},\"bucket\":\"%s\",\"grouping\":\"%s\"},"
        "\"boards\":[";
    appendf(&full, definition_fmt, bucket, grouping);
    appendf(&bare, definition_fmt, bucket, grouping);
    for (uint32_t b = 0; b < 4; b++) {
        appendf(&full, "%s{\"boardId\":\"G%u\",\"iterations\":[", b ? "," : "", b);
        appendf(&bare, "%s{\"boardId\":\"G%u\",\"iterations\":[", b ? "," : "", b);
        for (uint32_t s = 0; s < 4; s++) {
            /* Two-week sprints from 2026-02-23, some crossing the period's ends. */
            int start = 23 + 14 * (int)s + 7 * (int)(b % 2);
            int month = 2, day = start;
            const int lengths[] = {28, 31, 30, 31};
            while (day > lengths[month - 2]) day -= lengths[month++ - 2];
            char iteration[160];
            snprintf(iteration, sizeof iteration, "{\"id\":\"%u\",\"start\":\"2026-%02d-%02d\","
                     "\"end\":\"2026-%02d-%02d\"", s, month, day, month + (day + 11 > lengths[month - 2]),
                     day + 11 > lengths[month - 2] ? day + 11 - lengths[month - 2] : day + 11);
            appendf(&full, "%s%s,\"items\":", s ? "," : "", iteration);
            appendf(&bare, "%s%s}", s ? "," : "", iteration);
            char prefix[16];
            snprintf(prefix, sizeof prefix, "G%u-%u", b, s);
            generate_items(&full, &a, prefix, b, s, below(30));
            append_str(&full, "}");
        }
        append_str(&full, "]}");
        append_str(&bare, "]}");
    }
    append_str(&full, "]}");
    append_str(&bare, "]}");

    ct_buffer *by_json = NULL, *by_bulk = NULL;
    ct_multi_report *report = NULL;
    if (CHECK_OK(ct_engine_multi_project_report(engine, full.data, full.len, &by_json)) &&
        CHECK_OK(ct_engine_multi_project_report_bulk(engine, bare.data, bare.len, a.people,
                                                     a.people_len, a.multi_items, a.items_len,
                                                     &report)) &&
        CHECK_OK(ct_multi_report_to_json(report, &by_bulk))) {
        compare_entries(name, ct_buffer_data(by_json), ct_buffer_len(by_json),
                        ct_buffer_data(by_bulk), ct_buffer_len(by_bulk));
        check_views(name, report, ct_buffer_data(by_bulk), ct_buffer_len(by_bulk));
    }
    ct_buffer_free(by_json);
    ct_buffer_free(by_bulk);
    ct_multi_report_free(report);
    arrays_free(&a);
    free(full.data);
    free(bare.data);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

/* A report over enough items to be computed on two threads: the same as on one. Items
 * are plain structs only; sub-tasks point back at an earlier item of their iteration. */
static void test_two_threads(void) {
    t_begin("multi-project report on two threads equals one thread");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    store_generated_boards(engine);
    const char *request =
        "{\"definition\":{\"name\":\"Threads\",\"boardIds\":[\"G1\",\"G1\"],\"period\":"
        "{\"start\":\"2026-03-02\",\"end\":\"2026-05-31\"},\"bucket\":\"week\",\"grouping\":"
        "\"person\"},\"boards\":[{\"boardId\":\"G0\",\"iterations\":[{\"start\":\"2026-03-02\","
        "\"end\":\"2026-03-13\"},{\"start\":\"2026-03-16\",\"end\":\"2026-03-27\"}]},"
        "{\"boardId\":\"G1\",\"iterations\":[{\"start\":\"2026-03-09\",\"end\":\"2026-03-20\"}]},"
        "{\"boardId\":\"G2\",\"iterations\":[{\"start\":\"2026-02-23\",\"end\":\"2026-04-03\"}]}]}";
    const uint32_t iterations[] = {2, 1, 1};
    char keys[14][16];
    ct_person people[14];
    for (int p = 0; p < 14; p++) {
        snprintf(keys[p], sizeof keys[p], "p%d", p);
        people[p] = (ct_person){keys[p], strlen(keys[p])};
    }
    const size_t count = 60000;
    ct_multi_item *items = calloc(count, sizeof *items);
    if (!items) abort();
    for (size_t i = 0; i < count; i++) {
        uint32_t board = below(3);
        ct_multi_item *it = &items[i];
        *it = (ct_multi_item){board, below(iterations[board]), below(16), CT_NO_INDEX,
                              CT_ITEM_HAS_REMAINING, 0, (int64_t)below(40) * 900, 0, 0.0, 0.0};
        if (it->assignee >= 14) it->assignee = CT_NO_INDEX;
        if (below(4) == 0) it->flags |= CT_ITEM_DONE;
        /* A sub-task of an item far back (often in the other half of the array). */
        size_t back = 1 + below(40000);
        if (i >= back && below(3) == 0 && items[i - back].board == board &&
            items[i - back].iteration == it->iteration) {
            it->parent = (uint32_t)(i - back);
            it->flags |= CT_ITEM_SUBTASK;
        }
    }
    ct_multi_report *one = NULL, *two = NULL;
    ct_buffer *one_json = NULL, *two_json = NULL;
    if (CHECK_OK(ct_engine_set_threads(engine, 1)) &&
        CHECK_OK(ct_engine_multi_project_report_bulk(engine, request, strlen(request), people, 14,
                                                     items, count, &one)) &&
        CHECK_OK(ct_engine_set_threads(engine, 2)) &&
        CHECK_OK(ct_engine_multi_project_report_bulk(engine, request, strlen(request), people, 14,
                                                     items, count, &two)) &&
        CHECK_OK(ct_multi_report_to_json(one, &one_json)) &&
        CHECK_OK(ct_multi_report_to_json(two, &two_json))) {
        compare_entries("two threads", ct_buffer_data(one_json), ct_buffer_len(one_json),
                        ct_buffer_data(two_json), ct_buffer_len(two_json));
        const ct_multi_cell *cells = NULL;
        size_t n = ct_multi_report_cells(one, &cells);
        int64_t workload = 0;
        for (size_t c = 0; c < n; c++) workload += cells[c].workload;
        CHECKF(workload > 0, "the report counts the items' workload");
    }
    CHECK_ERROR(ct_engine_set_threads(engine, 0), CT_ERROR_INVALID_ARGUMENT, "threads must be 1 or 2");
    CHECK_ERROR(ct_engine_set_threads(engine, 3), CT_ERROR_INVALID_ARGUMENT, "threads must be 1 or 2");
    CHECK_ERROR(ct_engine_set_threads(NULL, 1), CT_ERROR_INVALID_ARGUMENT, "engine");
    ct_buffer_free(one_json);
    ct_buffer_free(two_json);
    ct_multi_report_free(one);
    ct_multi_report_free(two);
    free(items);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_generated_iteration(void) {
    t_begin("generated iteration report");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    store_generated_boards(engine);
    for (int round = 0; round < 4; round++) {
        struct arrays a = {0};
        struct text full = {0};
        const char *request = "{\"boardId\":\"G2\",\"iteration\":{\"id\":\"7\",\"start\":"
                              "\"2026-03-02T09:00:00+01:00\",\"end\":\"2026-03-13\"}";
        appendf(&full, "%s,\"items\":", request);
        generate_items(&full, &a, "IT", 0, 0, 40 + below(200));
        append_str(&full, "}");
        char bare[256];
        snprintf(bare, sizeof bare, "%s}", request);
        ct_buffer *by_json = NULL, *by_bulk = NULL;
        if (CHECK_OK(ct_engine_iteration_report(engine, full.data, full.len, &by_json)) &&
            CHECK_OK(ct_engine_iteration_report_bulk(engine, bare, strlen(bare), a.people,
                                                     a.people_len, a.items, a.items_len, &by_bulk)))
            compare_entries("generated iteration report", ct_buffer_data(by_json),
                            ct_buffer_len(by_json), ct_buffer_data(by_bulk), ct_buffer_len(by_bulk));
        ct_buffer_free(by_json);
        ct_buffer_free(by_bulk);
        arrays_free(&a);
        free(full.data);
    }
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

/* ---- argument and validation errors ---- */

static const char ITERATION[] =
    "{\"boardId\":\"E\",\"iteration\":{\"start\":\"2026-03-02\",\"end\":\"2026-03-13\"}}";

static ct_engine *error_engine(mem_store *store) {
    mem_init(store);
    ct_engine *engine = new_engine(store);
    const char *board = "{\"revision\":0,\"members\":[{\"accountKey\":\"ann\",\"role\":\"Dev\","
                        "\"dailyCapacity\":6},{\"accountKey\":\"bob\",\"role\":\"QA\",\"dailyCapacity\":8}]}";
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_put_board_settings(engine, "E", 1, board, strlen(board), &out));
    ct_buffer_free(out);
    return engine;
}

static void reset_items(ct_person people[2], ct_work_item items[3]) {
    people[0] = (ct_person){"ann", 3};
    people[1] = (ct_person){"bob", 3};
    items[0] = (ct_work_item){"E-1", 3, 0, CT_NO_INDEX, CT_ITEM_HAS_REMAINING, 0, 7200, 0, 0, 0};
    items[1] = (ct_work_item){"E-2", 3, 1, 0, CT_ITEM_SUBTASK | CT_ITEM_HAS_REMAINING, 0, 3600, 0, 0, 0};
    items[2] = (ct_work_item){"E-3", 3, CT_NO_INDEX, CT_NO_INDEX, CT_ITEM_HAS_STORY_POINTS, 0, 0, 0, 2.5, 0};
}

/* Calls the iteration bulk entry with `items`; checks the error and that `out` is untouched. */
static void expect_iteration_error(const ct_engine *engine, const ct_person *people,
                                   size_t people_len, const ct_work_item *items, size_t items_len,
                                   uint32_t code, const char *prefix, const char *field) {
    ct_buffer *sentinel = (ct_buffer *)&rng_state;
    ct_buffer *out = sentinel;
    ct_error *err = ct_engine_iteration_report_bulk(engine, ITERATION, strlen(ITERATION), people,
                                                    people_len, items, items_len, &out);
    size_t field_len = 0;
    const char *got_field = ct_error_field(err, &field_len);
    if (field != NULL)
        CHECKF(got_field != NULL && field_len == strlen(field) && memcmp(got_field, field, field_len) == 0,
               "expected field %s, got %.*s", field, (int)field_len, got_field ? got_field : "none");
    CHECK_ERROR(err, code, prefix);
    CHECKF(out == sentinel, "the output was written on failure (%s)", prefix);
}

static void test_iteration_errors(void) {
    t_begin("iteration bulk: argument and validation errors");
    mem_store store;
    ct_engine *engine = error_engine(&store);
    ct_person people[2];
    ct_work_item items[3];
    ct_buffer *out = NULL;
    const size_t len = strlen(ITERATION);

    reset_items(people, items);
    CHECK_ERROR(ct_engine_iteration_report_bulk(NULL, ITERATION, len, people, 2, items, 3, &out),
                CT_ERROR_INVALID_ARGUMENT, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_iteration_report_bulk(engine, NULL, len, people, 2, items, 3, &out),
                CT_ERROR_INVALID_ARGUMENT, "request_json: must not be NULL");
    CHECK_ERROR(ct_engine_iteration_report_bulk(engine, ITERATION, len, people, 2, items, 3, NULL),
                CT_ERROR_INVALID_ARGUMENT, "out: must not be NULL");
    CHECK_ERROR(ct_engine_iteration_report_bulk(engine, "{\"boardId\":\xff}", 13, people, 2, items, 3, &out),
                CT_ERROR_INVALID_ARGUMENT, "request_json: is not valid UTF-8");
    CHECK_ERROR(ct_engine_iteration_report_bulk(engine, "{", 1, people, 2, items, 3, &out),
                CT_ERROR_VALIDATION, "body: malformed JSON");
    CHECK(out == NULL);
    expect_iteration_error(engine, NULL, 2, items, 3, CT_ERROR_INVALID_ARGUMENT, "people: must not be NULL", NULL);
    expect_iteration_error(engine, people, 2, NULL, 3, CT_ERROR_INVALID_ARGUMENT, "items: must not be NULL", NULL);
    expect_iteration_error(engine, people, 2, items, SIZE_MAX / 2, CT_ERROR_INVALID_ARGUMENT,
                           "items: length", NULL);

    items[1].key = NULL;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_INVALID_ARGUMENT, "items[1].key: must not be NULL", NULL);
    reset_items(people, items);
    items[0].key = "E-\xc3(";
    items[0].key_len = 4;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_INVALID_ARGUMENT,
                           "items[0].key: is not valid UTF-8 (invalid byte at offset 2)", NULL);
    reset_items(people, items);
    people[1] = (ct_person){"b\xffo", 3};
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_INVALID_ARGUMENT,
                           "people[1].account_key: is not valid UTF-8", NULL);

    reset_items(people, items);
    items[1].assignee = 2;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[1].assignee: person index 2 is outside the 2 people given", "items[1].assignee");
    reset_items(people, items);
    items[0].parent = 0;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[0].parent", "items[0].parent");
    reset_items(people, items);
    items[2].parent = 3;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[2].parent", "items[2].parent");
    reset_items(people, items);
    items[0].flags |= 1u << 9;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[0].flags: has undefined bits 0x200", "items[0].flags");
    reset_items(people, items);
    items[2].reserved = 1;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[2].reserved", "items[2].reserved");
    reset_items(people, items);
    items[0].remaining_seconds = -1;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[0].remaining_seconds: must be between 0 and 315360000", "items[0].remaining_seconds");
    reset_items(people, items);
    items[1].original_seconds = 315360001;
    items[1].flags |= CT_ITEM_HAS_ORIGINAL;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[1].original_seconds", "items[1].original_seconds");
    reset_items(people, items);
    items[2].story_points = NAN;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[2].story_points: must be a finite number", "items[2].story_points");
    reset_items(people, items);
    items[2].custom_estimate = 1e9;
    items[2].flags |= CT_ITEM_HAS_CUSTOM_ESTIMATE;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[2].custom_estimate: must be between 0 and 100000", "items[2].custom_estimate");
    reset_items(people, items);
    items[2].key = "E-1";
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[2].key: \"E-1\" appears more than once", "items[2].key");
    reset_items(people, items);
    items[1].key_len = 0;
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "items[1].key: must be 1 to 255 characters", "items[1].key");
    reset_items(people, items);
    people[1] = (ct_person){"ann", 3};
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "people[1]: \"ann\" appears more than once", "people[1]");
    reset_items(people, items);
    people[0] = (ct_person){NULL, 0};
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_VALIDATION, "people[0]: must be an account key", "people[0]");

    /* An estimate whose flag is not set is not read, whatever it holds. */
    reset_items(people, items);
    ct_buffer *clean = NULL;
    CHECK_OK(ct_engine_iteration_report_bulk(engine, ITERATION, len, people, 2, items, 3, &clean));
    items[2].remaining_seconds = -5;
    items[2].original_seconds = INT64_MIN;
    items[2].custom_estimate = NAN;
    out = NULL;
    if (CHECK_OK(ct_engine_iteration_report_bulk(engine, ITERATION, len, people, 2, items, 3, &out)) && clean)
        CHECK(ct_buffer_len(out) == ct_buffer_len(clean) &&
              memcmp(ct_buffer_data(out), ct_buffer_data(clean), ct_buffer_len(out)) == 0);
    ct_buffer_free(out);
    ct_buffer_free(clean);
    /* Empty arrays may be NULL. */
    out = NULL;
    if (CHECK_OK(ct_engine_iteration_report_bulk(engine, ITERATION, len, NULL, 0, NULL, 0, &out)))
        CHECK(strstr(ct_buffer_data(out), "\"workload\":0") != NULL);
    ct_buffer_free(out);

    /* The request's own items belong in the arrays. */
    const char *with_items = "{\"boardId\":\"E\",\"iteration\":{\"start\":\"2026-03-02\",\"end\":"
                             "\"2026-03-13\"},\"items\":[{\"key\":\"X-1\"}]}";
    out = NULL;
    ct_error *err = ct_engine_iteration_report_bulk(engine, with_items, strlen(with_items), people,
                                                    2, items, 3, &out);
    size_t field_len = 0;
    const char *field = ct_error_field(err, &field_len);
    CHECK(field != NULL && field_len == 5 && memcmp(field, "items", 5) == 0);
    CHECK_ERROR(err, CT_ERROR_VALIDATION, "items: must be empty");

    /* A failing storage callback is a storage error, as for the JSON entry. */
    store.mode = MEM_FAIL_GET;
    store.fail_message = "disk on fire";
    expect_iteration_error(engine, people, 2, items, 3, CT_ERROR_STORAGE, "storage: disk on fire", NULL);
    store.mode = MEM_NORMAL;
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static const char MULTI[] =
    "{\"definition\":{\"name\":\"E\",\"boardIds\":[\"E\"],\"period\":{\"start\":\"2026-03-02\","
    "\"end\":\"2026-03-22\"},\"bucket\":\"week\",\"grouping\":\"person\"},\"boards\":[{\"boardId\":"
    "\"E\",\"iterations\":[{\"start\":\"2026-03-02\",\"end\":\"2026-03-13\"},{\"start\":"
    "\"2026-03-16\",\"end\":\"2026-03-27\"}]}]}";

static void reset_multi(ct_multi_item items[3]) {
    items[0] = (ct_multi_item){0, 0, 0, CT_NO_INDEX, CT_ITEM_HAS_REMAINING, 0, 7200, 0, 0, 0};
    items[1] = (ct_multi_item){0, 0, 1, 0, CT_ITEM_SUBTASK | CT_ITEM_HAS_REMAINING, 0, 3600, 0, 0, 0};
    items[2] = (ct_multi_item){0, 1, 1, CT_NO_INDEX, CT_ITEM_HAS_REMAINING, 0, 36000, 0, 0, 0};
}

static void expect_multi_error(const ct_engine *engine, const char *request, const ct_person *people,
                               size_t people_len, const ct_multi_item *items, size_t items_len,
                               uint32_t code, const char *prefix) {
    ct_multi_report *sentinel = (ct_multi_report *)&rng_state;
    ct_multi_report *out = sentinel;
    CHECK_ERROR(ct_engine_multi_project_report_bulk(engine, request, strlen(request), people,
                                                    people_len, items, items_len, &out),
                code, prefix);
    CHECKF(out == sentinel, "the output was written on failure (%s)", prefix);
}

static void test_multi_errors(void) {
    t_begin("multi-project bulk: argument and validation errors");
    mem_store store;
    ct_engine *engine = error_engine(&store);
    ct_person people[2] = {{"ann", 3}, {"bob", 3}};
    ct_multi_item items[3];
    ct_multi_report *report = NULL;

    reset_multi(items);
    CHECK_ERROR(ct_engine_multi_project_report_bulk(NULL, MULTI, strlen(MULTI), people, 2, items, 3, &report),
                CT_ERROR_INVALID_ARGUMENT, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_multi_project_report_bulk(engine, MULTI, strlen(MULTI), people, 2, items, 3, NULL),
                CT_ERROR_INVALID_ARGUMENT, "out: must not be NULL");
    expect_multi_error(engine, MULTI, people, 2, NULL, 3, CT_ERROR_INVALID_ARGUMENT, "items: must not be NULL");
    items[1].board = 1;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION,
                       "items[1].board: board index 1 is outside the 1 boards of the request");
    reset_multi(items);
    items[2].iteration = 2;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION,
                       "items[2].iteration: iteration index 2 is outside the 2 iterations of board E");
    reset_multi(items);
    items[2].parent = 0;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION,
                       "items[2].parent: a parent must be in the same board and iteration");
    reset_multi(items);
    items[0].assignee = 7;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION, "items[0].assignee");
    reset_multi(items);
    items[0].flags = 1u << 31;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION, "items[0].flags");
    reset_multi(items);
    items[1].story_points = -INFINITY;
    items[1].flags |= CT_ITEM_HAS_STORY_POINTS;
    expect_multi_error(engine, MULTI, people, 2, items, 3, CT_ERROR_VALIDATION,
                       "items[1].story_points: must be a finite number");
    reset_multi(items);
    const char *with_items = "{\"reportId\":\"none\",\"boards\":[{\"boardId\":\"E\",\"iterations\":"
                             "[{\"start\":\"2026-03-02\",\"end\":\"2026-03-13\",\"items\":[{\"key\":\"X\"}]}]}]}";
    expect_multi_error(engine, with_items, people, 2, items, 0, CT_ERROR_VALIDATION,
                       "boards[0].iterations[0].items: must be empty");
    const char *reversed = "{\"definition\":{\"name\":\"E\",\"boardIds\":[\"E\"],\"period\":{\"start\":"
                           "\"2026-03-22\",\"end\":\"2026-03-02\"},\"bucket\":\"week\",\"grouping\":\"person\"}}";
    expect_multi_error(engine, reversed, people, 2, items, 0, CT_ERROR_VALIDATION, "definition.period.end");

    /* What succeeds: ann and bob in three weeks; bob's later sprint spills out of the period. */
    if (CHECK_OK(ct_engine_multi_project_report_bulk(engine, MULTI, strlen(MULTI), people, 2, items, 3, &report))) {
        const ct_multi_row *rows = NULL;
        const ct_multi_cell *cells = NULL;
        const ct_multi_bucket *buckets = NULL;
        CHECK(ct_multi_report_rows(report, &rows) == 2);
        CHECK(ct_multi_report_buckets(report, &buckets) == 3);
        CHECK(ct_multi_report_cells(report, &cells) == 6);
        CHECK(ct_multi_report_cells(report, NULL) == 6);
        CHECK(same_text(rows[0].key, "ann") && same_text(rows[1].key, "bob"));
        CHECK(same_text(buckets[0].label, "2026-W10") && buckets[0].first.year == 2026 &&
              buckets[0].first.month == 3 && buckets[0].first.day == 2 && buckets[2].last.day == 22);
        /* ann: 6 h a day for 15 working days; her parent item does not count, its sub-task
         * being estimated. bob: 8 h a day; 1 h in the first sprint, spread over its two
         * weeks, and half of the second's 10 h (its other half falls after the period). */
        CHECK(rows[0].total.capacity == 15 * 360 && rows[0].total.workload == 0);
        CHECK(rows[1].total.capacity == 15 * 480 && rows[1].total.workload == 60 + 300);
        CHECK(cells[3].workload == 30 && cells[4].workload == 30 && cells[5].workload == 300);
        CHECK(cells[0].capacity + cells[1].capacity + cells[2].capacity == rows[0].total.capacity);
        double utilisation = -1;
        CHECK(ct_multi_report_status(report, rows[1].total, &utilisation) == CT_STATUS_UNDER &&
              utilisation == 5.0);
        ct_multi_cell empty = {0, 5};
        utilisation = -1;
        CHECK(ct_multi_report_status(report, empty, &utilisation) == CT_STATUS_NO_CAPACITY &&
              utilisation == -1);
        CHECK(ct_multi_report_status(report, (ct_multi_cell){100, 101}, NULL) == CT_STATUS_OVER);
        CHECK(ct_multi_report_status(report, (ct_multi_cell){1000, 800}, NULL) == CT_STATUS_OK);
        CHECK(ct_multi_report_unit(report) == CT_UNIT_HOURS);
        CHECK(ct_multi_report_grouping(report) == CT_GROUPING_PERSON);
        CHECK(ct_multi_report_over_allocations(report, NULL) == 0);
        CHECK_ERROR(ct_multi_report_to_json(report, NULL), CT_ERROR_INVALID_ARGUMENT, "out: must not be NULL");
    }
    ct_multi_report_free(report);

    /* NULL reports: nothing, safely. */
    const ct_multi_row *rows = (const ct_multi_row *)&rng_state;
    CHECK(ct_multi_report_rows(NULL, &rows) == 0 && rows == NULL);
    CHECK(ct_multi_report_cells(NULL, NULL) == 0);
    CHECK(ct_multi_report_boards(NULL, NULL) == 0 && ct_multi_report_totals(NULL, NULL) == 0 &&
          ct_multi_report_buckets(NULL, NULL) == 0 && ct_multi_report_warnings(NULL, NULL) == 0 &&
          ct_multi_report_over_allocations(NULL, NULL) == 0);
    CHECK(ct_multi_report_unit(NULL) == CT_UNIT_HOURS && ct_multi_report_grouping(NULL) == CT_GROUPING_PERSON);
    CHECK(ct_multi_report_status(NULL, (ct_multi_cell){10, 1}, NULL) == CT_STATUS_NO_CAPACITY);
    ct_buffer *out = NULL;
    CHECK_ERROR(ct_multi_report_to_json(NULL, &out), CT_ERROR_INVALID_ARGUMENT, "report: must not be NULL");
    CHECK(out == NULL);
    ct_multi_report_free(NULL);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s <vectors directory>\n", argv[0]);
        return 2;
    }
    char **names = NULL;
    int count = vector_names(argv[1], &names);
    if (count < 0) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 0; i < count; i++) {
        run_vector(argv[1], names[i]);
        free(names[i]);
    }
    free(names);
    test_generated_iteration();
    const char *buckets[] = {"week", "month", "quarter"};
    const char *groupings[] = {"person", "role", "board"};
    for (int g = 0; g < 3; g++) test_generated_multi_project(buckets[g], groupings[g]);
    test_generated_multi_project("week", "role");
    test_two_threads();
    test_iteration_errors();
    test_multi_errors();
    return t_report("bulk");
}
