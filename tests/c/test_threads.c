/*
 * Several C threads share one engine (and one thread-safe host storage with named locks):
 * 1. each computes the same iteration report and reads the same board settings, compared
 *    byte for byte with a single-threaded reference, while writing and re-reading its own
 *    person's days off through successive revisions, and hitting conflicts and argument
 *    errors; errors made on a worker thread are inspected and freed on the main thread;
 * 2. all update one board at once, re-reading on conflict: with the host's lock callbacks
 *    every successful write gets its own revision and no update is lost.
 *
 * Usage: test_threads [--without-locks]  (the option drops the lock callbacks, to show that
 * the second case then catches lost updates; it is not part of the test run)
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define THREADS 8
#define ROUNDS 25
#define UPDATES 12
#define S(literal) literal, (sizeof literal - 1)

static const char BOARD[] =
    "{\"revision\":0,\"timeZone\":\"America/New_York\",\"members\":["
    "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
    "{\"accountKey\":\"bob\",\"role\":\"Developer\",\"dailyCapacity\":8,\"allocation\":50},"
    "{\"accountKey\":\"carol\",\"role\":\"QA\",\"dailyCapacity\":4}]}";
static const char ALICE_OFF[] =
    "{\"revision\":0,\"ranges\":[{\"start\":\"2026-12-07\",\"end\":\"2026-12-08\"}]}";
static const char REQUEST[] =
    "{\"boardId\":\"team-a\",\"iteration\":{\"id\":\"7\",\"name\":\"Sprint 7\","
    "\"start\":\"2026-11-30\",\"end\":\"2026-12-11\"},\"items\":["
    "{\"key\":\"A-1\",\"assignee\":\"alice\",\"statusCategory\":\"new\",\"remainingSeconds\":36000},"
    "{\"key\":\"A-2\",\"assignee\":\"bob\",\"statusCategory\":\"indeterminate\",\"remainingSeconds\":7200},"
    "{\"key\":\"A-3\",\"assignee\":null,\"statusCategory\":\"new\",\"remainingSeconds\":3600},"
    "{\"key\":\"A-4\",\"assignee\":\"carol\",\"statusCategory\":\"done\",\"remainingSeconds\":3600}]}";

struct shared {
    const ct_engine *engine;
    const char *report;
    const char *settings;
    pthread_barrier_t start;
};

struct worker {
    struct shared *shared;
    int index;
    int rounds_done;
    long long last_revision;
    ct_error *conflict; /* freed by the main thread */
};

static bool call_ok(ct_error *err, const char *what, int index) {
    if (err == NULL) return true;
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    CHECKF(false, "thread %d: %s failed: %u %.*s", index, what, ct_error_code(err), (int)len, message);
    ct_error_free(err);
    return false;
}

static bool same_text(ct_buffer *out, const char *expected) {
    bool same = ct_buffer_len(out) == strlen(expected) &&
                memcmp(ct_buffer_data(out), expected, ct_buffer_len(out)) == 0;
    ct_buffer_free(out);
    return same;
}

static void *work(void *arg) {
    struct worker *worker = arg;
    const ct_engine *engine = worker->shared->engine;
    char account[32];
    int account_len = snprintf(account, sizeof account, "writer-%d", worker->index);
    pthread_barrier_wait(&worker->shared->start);
    for (int round = 0; round < ROUNDS; round++) {
        ct_buffer *out = NULL;
        if (!call_ok(ct_engine_iteration_report(engine, S(REQUEST), &out), "report", worker->index)) break;
        if (!CHECKF(same_text(out, worker->shared->report), "thread %d round %d: report differs",
                    worker->index, round)) break;

        out = NULL;
        if (!call_ok(ct_engine_get_board_settings(engine, S("team-a"), &out), "get settings", worker->index)) break;
        if (!CHECKF(same_text(out, worker->shared->settings), "thread %d: settings differ", worker->index)) break;

        char doc[256];
        int doc_len = snprintf(doc, sizeof doc,
                               "{\"revision\":%d,\"ranges\":[{\"start\":\"2026-12-%02d\","
                               "\"end\":\"2026-12-%02d\",\"fraction\":0.5}]}",
                               round, round % 28 + 1, round % 28 + 1);
        out = NULL;
        if (!call_ok(ct_engine_put_days_off(engine, account, (size_t)account_len, doc, (size_t)doc_len, &out),
                     "put days off", worker->index))
            break;
        char *written = take_buffer(out);
        long long revision = json_revision(written, strlen(written));
        out = NULL;
        bool read_ok = call_ok(ct_engine_get_days_off(engine, account, (size_t)account_len, &out),
                               "get days off", worker->index);
        char *read = read_ok ? take_buffer(out) : NULL;
        bool same = read && strcmp(read, written) == 0;
        free(read);
        free(written);
        if (!CHECKF(revision == round + 1 && same, "thread %d round %d: revision %lld, read back %s",
                    worker->index, round, revision, same ? "same" : "different"))
            break;
        worker->last_revision = revision;

        /* Errors are per call, never shared state: they must not leak between threads. */
        ct_buffer *untouched = NULL;
        ct_error *err = ct_engine_get_days_off(engine, NULL, 0, &untouched);
        if (!CHECKF(ct_error_code(err) == CT_ERROR_INVALID_ARGUMENT && untouched == NULL,
                    "thread %d: NULL account_key gave %u", worker->index, ct_error_code(err))) {
            ct_error_free(err);
            break;
        }
        ct_error_free(err);
        worker->rounds_done++;
    }
    /* A stale write, whose error the main thread reads and frees. */
    ct_buffer *out = NULL;
    char stale[] = "{\"revision\":0,\"ranges\":[]}";
    worker->conflict = ct_engine_put_days_off(engine, account, (size_t)account_len, S(stale), &out);
    ct_buffer_free(out);
    return NULL;
}

static void test_shared_readers_and_own_writers(void) {
    t_begin("8 threads share one engine: identical reports, own days off through 25 revisions");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_put_board_settings(engine, S("team-a"), S(BOARD), &out));
    char *settings = out ? take_buffer(out) : NULL;
    out = NULL;
    CHECK_OK(ct_engine_put_days_off(engine, S("alice"), S(ALICE_OFF), &out));
    ct_buffer_free(out);
    out = NULL;
    CHECK_OK(ct_engine_iteration_report(engine, S(REQUEST), &out));
    char *report = out ? take_buffer(out) : NULL;

    if (settings && report) {
        struct shared shared = {.engine = engine, .report = report, .settings = settings};
        pthread_barrier_init(&shared.start, NULL, THREADS);
        pthread_t threads[THREADS];
        struct worker workers[THREADS];
        for (int i = 0; i < THREADS; i++) {
            workers[i] = (struct worker){&shared, i, 0, 0, NULL};
            if (pthread_create(&threads[i], NULL, work, &workers[i]) != 0) abort();
        }
        for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
        pthread_barrier_destroy(&shared.start);

        for (int i = 0; i < THREADS; i++) {
            CHECKF(workers[i].rounds_done == ROUNDS, "thread %d finished %d of %d rounds", i,
                   workers[i].rounds_done, ROUNDS);
            uint64_t revision = 0;
            CHECKF(ct_error_code(workers[i].conflict) == CT_ERROR_CONFLICT &&
                       ct_error_current_revision(workers[i].conflict, &revision) &&
                       revision == (uint64_t)workers[i].last_revision,
                   "thread %d: expected a conflict at revision %lld", i, workers[i].last_revision);
            ct_error_free(workers[i].conflict);
            char key[64];
            snprintf(key, sizeof key, "org.capacitytracker:daysoff:writer-%d", i);
            char *stored = mem_get_copy(&store, key);
            CHECKF(stored && json_revision(stored, strlen(stored)) == ROUNDS,
                   "thread %d: stored days off not at revision %d", i, ROUNDS);
            free(stored);
        }
        /* Every call went through the host's callbacks on the calling threads. */
        CHECKF(store.puts >= THREADS * ROUNDS, "puts: %lu", store.puts);
        CHECK(store.contract_violations == 0 && store.lock_count == 0);
    }
    free(settings);
    free(report);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

struct updater {
    const ct_engine *engine;
    pthread_barrier_t *start;
    int index;
    unsigned long long revisions[UPDATES]; /* the revision each successful write returned */
    int updates;
    int conflicts;
};

/* Read, change, write; on a conflict read again, as a host's retry loop does. */
static void *update(void *arg) {
    struct updater *updater = arg;
    pthread_barrier_wait(updater->start);
    while (updater->updates < UPDATES && updater->conflicts < 10000) {
        ct_buffer *out = NULL;
        if (!call_ok(ct_engine_get_board_settings(updater->engine, S("shared"), &out), "get", updater->index)) return NULL;
        long long revision = json_revision(ct_buffer_data(out), ct_buffer_len(out));
        ct_buffer_free(out);
        char doc[128];
        int len = snprintf(doc, sizeof doc, "{\"revision\":%lld,\"focusFactor\":%d}", revision,
                           50 + updater->index);
        out = NULL;
        ct_error *err = ct_engine_put_board_settings(updater->engine, S("shared"), doc, (size_t)len, &out);
        if (err == NULL) {
            updater->revisions[updater->updates++] =
                (unsigned long long)json_revision(ct_buffer_data(out), ct_buffer_len(out));
            ct_buffer_free(out);
        } else if (ct_error_code(err) == CT_ERROR_CONFLICT) {
            updater->conflicts++;
            ct_error_free(err);
        } else if (!call_ok(err, "put", updater->index)) {
            return NULL;
        }
    }
    return NULL;
}

static void test_concurrent_writers_lose_nothing(bool with_locks) {
    t_begin("8 threads update one board at once: every write gets its own revision, none is lost");
    mem_store store;
    mem_init(&store);
    store.yield = true;
    ct_storage storage = with_locks ? mem_callbacks(&store) : mem_callbacks_unlocked(&store);
    ct_engine *engine = NULL;
    CHECK_OK(ct_engine_new(&storage, &engine));
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, THREADS);
    pthread_t threads[THREADS];
    struct updater updaters[THREADS];
    for (int i = 0; i < THREADS; i++) {
        updaters[i] = (struct updater){.engine = engine, .start = &start, .index = i};
        if (pthread_create(&threads[i], NULL, update, &updaters[i]) != 0) abort();
    }
    for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
    pthread_barrier_destroy(&start);

    /* Each revision 1..THREADS*UPDATES was returned to exactly one writer. */
    int seen[THREADS * UPDATES + 1] = {0};
    int conflicts = 0;
    for (int i = 0; i < THREADS; i++) {
        CHECKF(updaters[i].updates == UPDATES, "thread %d made %d of %d updates", i,
               updaters[i].updates, UPDATES);
        conflicts += updaters[i].conflicts;
        for (int u = 0; u < updaters[i].updates; u++) {
            unsigned long long revision = updaters[i].revisions[u];
            if (CHECKF(revision >= 1 && revision <= THREADS * UPDATES, "revision %llu", revision))
                seen[revision]++;
        }
    }
    for (int r = 1; r <= THREADS * UPDATES; r++)
        CHECKF(seen[r] == 1, "revision %d was returned to %d writers", r, seen[r]);
    char *stored = mem_get_copy(&store, "org.capacitytracker:board:shared");
    CHECKF(stored && json_revision(stored, strlen(stored)) == THREADS * UPDATES,
           "stored revision %lld, expected %d", stored ? json_revision(stored, strlen(stored)) : -1,
           THREADS * UPDATES);
    free(stored);
    CHECK(store.contract_violations == 0 && store.lock_count == 0);
    printf("     (%d conflicts retried)\n", conflicts);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--without-locks") == 0) {
        test_concurrent_writers_lose_nothing(false);
        return t_report("threads");
    }
    test_shared_readers_and_own_writers();
    test_concurrent_writers_lose_nothing(true);
    return t_report("threads");
}
