/* The conformance vectors for the C programs: see vectors.h. */
#define _DEFAULT_SOURCE

#include "vectors.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "support.h"

struct vector {
    const char *name;
    const ct_engine *engine;
};

char *vector_file(const char *dir, const char *name, const char *file, size_t *len) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s", dir, name, file);
    return read_file(path, len);
}

/* Checks a setup call's result, naming the vector and the step; frees both. */
static bool step_ok(const struct vector *vector, const char *what, ct_error *err, ct_buffer *out) {
    ct_buffer_free(out);
    if (err == NULL) return true;
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    CHECKF(false, "%s: %s failed: error %u: %.*s", vector->name, what, ct_error_code(err),
           (int)len, message);
    ct_error_free(err);
    return false;
}

static bool put_days_off(void *ctx, const char *key, size_t key_len, const char *value,
                         size_t value_len) {
    const struct vector *vector = ctx;
    ct_buffer *out = NULL;
    ct_error *err = ct_engine_put_days_off(vector->engine, key, key_len, value, value_len, &out);
    return step_ok(vector, "days-off.json", err, out);
}

/* A string member of a setup step, or a failed check. */
static char *step_string(const struct vector *vector, size_t index, const char *step, size_t len,
                         const char *name) {
    char *value = json_string_member(step, len, name);
    CHECKF(value != NULL, "%s: setup step %zu needs the string %s", vector->name, index, name);
    return value;
}

static bool setup_step(void *ctx, size_t index, const char *step, size_t len) {
    const struct vector *vector = ctx;
    const ct_engine *engine = vector->engine;
    char *op = json_string_member(step, len, "op");
    const char *doc = NULL, *request = NULL;
    size_t doc_len = 0, request_len = 0;
    json_raw_member(step, len, "document", &doc, &doc_len);
    json_raw_member(step, len, "request", &request, &request_len);
    char *a = NULL, *b = NULL;
    ct_buffer *out = NULL;
    ct_error *err = NULL;
    bool known = true, args = true;
    if (op == NULL) {
        known = false;
    } else if (strcmp(op, "putBoardSettings") == 0) {
        args = (a = step_string(vector, index, step, len, "boardId")) && doc;
        if (args) err = ct_engine_put_board_settings(engine, a, strlen(a), doc, doc_len, &out);
    } else if (strcmp(op, "putDaysOff") == 0) {
        args = (a = step_string(vector, index, step, len, "accountKey")) && doc;
        if (args) err = ct_engine_put_days_off(engine, a, strlen(a), doc, doc_len, &out);
    } else if (strcmp(op, "putIterationTeam") == 0) {
        args = (a = step_string(vector, index, step, len, "boardId")) &&
               (b = step_string(vector, index, step, len, "iterationId")) && doc;
        if (args)
            err = ct_engine_put_iteration_team(engine, a, strlen(a), b, strlen(b), doc, doc_len, &out);
    } else if (strcmp(op, "copyIterationTeam") == 0) {
        args = request != NULL;
        if (args) err = ct_engine_copy_iteration_team(engine, request, request_len, &out);
    } else if (strcmp(op, "putTemplate") == 0) {
        args = (a = step_string(vector, index, step, len, "id")) && doc;
        if (args) err = ct_engine_put_template(engine, a, strlen(a), doc, doc_len, &out);
    } else if (strcmp(op, "applyTemplate") == 0) {
        args = request != NULL;
        if (args) err = ct_engine_apply_template(engine, request, request_len, &out);
    } else if (strcmp(op, "putCalendar") == 0) {
        args = (a = step_string(vector, index, step, len, "id")) && doc;
        if (args) err = ct_engine_put_calendar(engine, a, strlen(a), doc, doc_len, &out);
    } else if (strcmp(op, "putReportDefinition") == 0) {
        args = (a = step_string(vector, index, step, len, "id")) && doc;
        if (args) err = ct_engine_put_report_definition(engine, a, strlen(a), doc, doc_len, &out);
    } else {
        known = false;
    }
    char what[64];
    snprintf(what, sizeof what, "setup step %zu (%s)", index, op ? op : "no op");
    bool ok = CHECKF(known, "%s: %s is not a known operation", vector->name, what) &&
              CHECKF(args, "%s: %s lacks its document, request or ids", vector->name, what) &&
              step_ok(vector, what, err, out);
    if (!ok) {
        ct_buffer_free(out);
        ct_error_free(err);
    }
    free(op);
    free(a);
    free(b);
    return ok;
}

/* {"error":{"code":N,"field":"..."|null}}, as the Rust runner renders an error. */
char *error_document(const ct_error *err, size_t *len_out) {
    size_t field_len = 0;
    const char *field = ct_error_field(err, &field_len);
    char *doc = malloc(64 + 2 * field_len);
    if (doc == NULL) abort();
    size_t n = (size_t)sprintf(doc, "{\"error\":{\"code\":%u,\"field\":", ct_error_code(err));
    if (field == NULL) {
        n += (size_t)sprintf(doc + n, "null");
    } else {
        doc[n++] = '"';
        for (size_t i = 0; i < field_len; i++) {
            if (field[i] == '"' || field[i] == '\\') doc[n++] = '\\';
            doc[n++] = field[i];
        }
        doc[n++] = '"';
    }
    n += (size_t)sprintf(doc + n, "}}");
    *len_out = n;
    return doc;
}

/* Reports where two compacted documents first differ, with some context. */
void show_difference(const char *expected, size_t expected_len, const char *actual,
                     size_t actual_len) {
    size_t i = 0;
    while (i < expected_len && i < actual_len && expected[i] == actual[i]) i++;
    size_t from = i > 80 ? i - 80 : 0;
    int expected_shown = (int)(expected_len - from > 160 ? 160 : expected_len - from);
    int actual_shown = (int)(actual_len - from > 160 ? 160 : actual_len - from);
    fprintf(stderr, "  first difference at byte %zu of the compacted documents\n", i);
    fprintf(stderr, "  expected: ...%.*s...\n", expected_shown, expected + from);
    fprintf(stderr, "  actual:   ...%.*s...\n", actual_shown, actual + from);
}

bool vector_setup(const ct_engine *engine, const char *dir, const char *name, const char *board_id) {
    size_t board_len = 0, days_off_len = 0, setup_len = 0;
    char *board = vector_file(dir, name, "board.json", &board_len);
    char *days_off = vector_file(dir, name, "days-off.json", &days_off_len);
    char *setup = vector_file(dir, name, "setup.json", &setup_len);
    struct vector vector = {name, engine};
    bool ok = CHECKF(board == NULL || board_id != NULL,
                     "%s: board.json needs a string boardId in the request", name);
    if (ok && board != NULL) {
        ct_buffer *out = NULL;
        ct_error *err = ct_engine_put_board_settings(engine, board_id, strlen(board_id), board,
                                                     board_len, &out);
        ok = step_ok(&vector, "board.json", err, out);
    }
    if (ok && days_off != NULL)
        ok = json_each_member(days_off, days_off_len, put_days_off, &vector) ||
             CHECKF(false, "%s: days-off.json must map account keys to days-off documents", name);
    if (ok && setup != NULL)
        ok = json_each_element(setup, setup_len, setup_step, &vector) ||
             CHECKF(false, "%s: setup.json must be an array of steps that succeed", name);
    free(board);
    free(days_off);
    free(setup);
    return ok;
}

bool check_same_json(const char *name, const char *expected, size_t expected_len,
                     const char *actual, size_t actual_len) {
    size_t want_len = 0, got_len = 0;
    char *want = json_compact(expected, expected_len, &want_len);
    char *got = json_compact(actual, actual_len, &got_len);
    bool same = CHECKF(want_len == got_len && memcmp(want, got, want_len) == 0,
                       "%s: the result differs from expected.json", name);
    if (!same) show_difference(want, want_len, got, got_len);
    free(want);
    free(got);
    return same;
}

/* Every directory is a vector; files beside them (the README) are not. */
static int is_vector(const char *dir, const char *name) {
    char path[4096];
    struct stat info;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return name[0] != '.' && stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* opendir/readdir and qsort rather than scandir: the same programs also run on Windows
   (mingw, under Wine in tests/platforms), whose C library has no scandir. */
int vector_names(const char *dir, char ***names_out) {
    DIR *listing = opendir(dir);
    if (listing == NULL) return -1;
    int count = 0;
    size_t capacity = 16;
    char **names = malloc(sizeof *names * capacity);
    if (names == NULL) abort();
    for (struct dirent *entry; (entry = readdir(listing)) != NULL;) {
        if (!is_vector(dir, entry->d_name)) continue;
        if ((size_t)count == capacity) {
            capacity *= 2;
            names = realloc(names, sizeof *names * capacity);
            if (names == NULL) abort();
        }
        names[count] = strdup(entry->d_name);
        if (names[count] == NULL) abort();
        count++;
    }
    closedir(listing);
    qsort(names, (size_t)count, sizeof *names, by_name);
    *names_out = names;
    return count;
}
