/*
 * Runs every conformance vector in tests/vectors/<name>/ through the C ABI, each against a
 * fresh in-memory host storage, as tests/vectors/README.md describes: store board.json for
 * the request's board, each entry of days-off.json, then the setup.json steps in order;
 * compute request.json (an iteration report) or multi-request.json (a multi-project report);
 * compare with expected.json after removing JSON whitespace outside strings. A vector may
 * pin down an error instead: expected.json is then {"error": {"code": N, "field": ...}}.
 * With member.json ({"accountKey"}), the request goes to ct_engine_member_capacity and the
 * struct is written as expected.json's {"member": {...}}.
 *
 * Usage: test_vectors <vectors directory>
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "support.h"
#include "vectors.h"

/* A day count since 1970-01-01 as YYYY-MM-DD. */
static void epoch_date(int32_t days, char out[11]) {
    time_t t = (time_t)days * 86400;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* The member query's struct as the compact JSON expected.json holds. */
static char *member_document(const ct_member_capacity *f, size_t *len_out) {
    char first[11], last[11], as_of[13] = "null";
    epoch_date(f->first_date, first);
    epoch_date(f->last_date, last);
    if (f->has_as_of) {
        char d[11];
        epoch_date(f->as_of, d);
        snprintf(as_of, sizeof as_of, "\"%s\"", d);
    }
    char remaining[24] = "null";
    if (f->has_remaining_capacity) snprintf(remaining, sizeof remaining, "%lld", (long long)f->remaining_capacity);
    char *out = malloc(512);
    if (!out) abort();
    int n = snprintf(out, 512,
                     "{\"member\":{\"unit\":\"%s\",\"capacity\":%lld,\"remainingCapacity\":%s,\"workload\":%lld,"
                     "\"dailyCapacity\":%lld,\"allocation\":%lld,\"workingDays\":%u,\"daysOff\":%lld,"
                     "\"firstDate\":\"%s\",\"lastDate\":\"%s\",\"asOf\":%s}}",
                     f->unit == CT_UNIT_STORY_POINTS ? "storyPoints" : "hours", (long long)f->capacity, remaining,
                     (long long)f->workload, (long long)f->daily_capacity, (long long)f->allocation,
                     (unsigned)f->working_days, (long long)f->days_off, first, last, as_of);
    *len_out = (size_t)n;
    return out;
}

static void run_vector(const char *dir, const char *name) {
    t_begin(name);
    size_t request_len = 0, multi_len = 0, expected_len = 0;
    char *request = vector_file(dir, name, "request.json", &request_len);
    char *multi = vector_file(dir, name, "multi-request.json", &multi_len);
    char *expected = vector_file(dir, name, "expected.json", &expected_len);
    char *board_id = request ? json_string_member(request, request_len, "boardId") : NULL;

    bool ok = CHECKF(expected != NULL, "%s: expected.json is missing", name) &&
              CHECKF((request != NULL) != (multi != NULL),
                     "%s: needs request.json or multi-request.json (one of them)", name);
    if (ok) {
        mem_store store;
        mem_init(&store);
        ct_engine *engine = new_engine(&store);
        if (vector_setup(engine, dir, name, board_id)) {
            ct_buffer *out = NULL;
            size_t member_len = 0;
            char *member = vector_file(dir, name, "member.json", &member_len);
            char *account_key = member ? json_string_member(member, member_len, "accountKey") : NULL;
            ct_member_capacity figures;
            ct_error *err = account_key && request
                                ? ct_engine_member_capacity(engine, request, request_len, account_key,
                                                            strlen(account_key), &figures)
                            : request ? ct_engine_iteration_report(engine, request, request_len, &out)
                                      : ct_engine_multi_project_report(engine, multi, multi_len, &out);
            size_t actual_len = 0;
            char *actual = err            ? error_document(err, &actual_len)
                           : account_key ? member_document(&figures, &actual_len)
                                         : json_compact(ct_buffer_data(out), ct_buffer_len(out), &actual_len);
            free(member);
            free(account_key);
            check_same_json(name, expected, expected_len, actual, actual_len);
            free(actual);
            ct_error_free(err);
            ct_buffer_free(out);
        }
        CHECKF(store.contract_violations == 0,
               "%s: %lu keys, values or unlocks broke the storage contract", name,
               store.contract_violations);
        CHECKF(store.lock_count == 0, "%s: %zu locks left held", name, store.lock_count);
        ct_engine_free(engine);
        mem_destroy(&store);
    }
    free(board_id);
    free(request);
    free(multi);
    free(expected);
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
    if (count == 0) fprintf(stderr, "no vectors in %s\n", argv[1]);
    return t_report("vectors");
}
