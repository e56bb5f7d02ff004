/*
 * Exercises every export of the C ABI, success and error paths: NULL arguments, invalid
 * UTF-8 and lengths, malformed documents, conflicts, failing or misbehaving storage
 * callbacks (with the stored value checked unchanged), oversized documents.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#ifndef EXPECTED_VERSION
#error "build with -DEXPECTED_VERSION=\"x.y.z\" (the workspace version)"
#endif

#define S(literal) literal, (sizeof literal - 1)

static const char BOARD_KEY[] = "org.capacitytracker:board:1";
static const char BOARD[] =
    "{\"revision\":0,\"timeZone\":\"Europe/Paris\",\"members\":["
    "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":6},"
    "{\"accountKey\":\"bob\",\"role\":\"QA\",\"dailyCapacity\":5,\"allocation\":50}]}";
static const char BOARD_REV1[] =
    "{\"revision\":1,\"timeZone\":\"Europe/Paris\",\"members\":["
    "{\"accountKey\":\"alice\",\"role\":\"Developer\",\"dailyCapacity\":7}]}";
static const char DAYS_OFF[] =
    "{\"revision\":0,\"ranges\":[{\"start\":\"2026-12-02\",\"end\":\"2026-12-03\","
    "\"reason\":\"Vacation\"}]}";
static const char REQUEST[] =
    "{\"boardId\":\"1\",\"iteration\":{\"id\":\"3\",\"name\":\"Sprint 3\","
    "\"start\":\"2026-11-30T09:00:00.000+01:00\",\"end\":\"2026-12-14T00:00:00.000+01:00\"},"
    "\"items\":[{\"key\":\"D-1\",\"assignee\":\"alice\",\"statusCategory\":\"new\","
    "\"remainingSeconds\":14400},{\"key\":\"D-2\",\"assignee\":\"carol\","
    "\"statusCategory\":\"indeterminate\",\"remainingSeconds\":3600}]}";

/* Output parameters must keep this value when a call fails. */
static char sentinel_object;
#define SENTINEL_BUFFER ((ct_buffer *)(void *)&sentinel_object)
#define SENTINEL_ENGINE ((ct_engine *)(void *)&sentinel_object)

static bool contains(const char *text, size_t len, const char *needle) {
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(text + i, needle, n) == 0) return true;
    return false;
}

/* Checks an error's code and that its message contains `needle`; frees it. */
#define CHECK_ERROR_CONTAINS(err, code, needle) \
    check_error_contains((err), (code), (needle), __FILE__, __LINE__)
static bool check_error_contains(ct_error *err, uint32_t code, const char *needle,
                                 const char *file, int line) {
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    bool ok = t_check(err != NULL && ct_error_code(err) == code, file, line,
                      "expected error %u, got %u: %.*s", code, ct_error_code(err), (int)len,
                      message);
    ok = t_check(contains(message, len, needle), file, line,
                 "expected a message containing \"%s\", got \"%.*s\"", needle, (int)len,
                 message) && ok;
    ct_error_free(err);
    return ok;
}

/* Puts BOARD for board "1" and returns the stored document (revision 1). */
static char *put_board(const ct_engine *engine) {
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_put_board_settings(engine, S("1"), S(BOARD), &out));
    return out ? take_buffer(out) : NULL;
}

static void test_version(void) {
    t_begin("ct_version is the workspace version, static");
    const char *version = ct_version();
    CHECKF(version != NULL && strcmp(version, EXPECTED_VERSION) == 0, "got %s",
           version ? version : "NULL");
    CHECK(ct_version() == version);
    t_end();
}

static void test_engine_new_checks_arguments(void) {
    t_begin("ct_engine_new rejects NULL arguments and callbacks, leaving engine_out alone");
    mem_store store;
    mem_init(&store);
    ct_storage storage = mem_callbacks(&store);
    ct_engine *engine = SENTINEL_ENGINE;
    CHECK_ERROR(ct_engine_new(NULL, &engine), CT_ERROR_INVALID_ARGUMENT, "storage: must not be NULL");
    CHECK_ERROR(ct_engine_new(&storage, NULL), CT_ERROR_INVALID_ARGUMENT, "engine_out: must not be NULL");
    CHECK_ERROR(ct_engine_new(NULL, NULL), CT_ERROR_INVALID_ARGUMENT, "storage:");
    ct_storage broken = storage;
    broken.get = NULL;
    CHECK_ERROR(ct_engine_new(&broken, &engine), CT_ERROR_INVALID_ARGUMENT, "storage->get: must not be NULL");
    broken = storage;
    broken.put = NULL;
    CHECK_ERROR(ct_engine_new(&broken, &engine), CT_ERROR_INVALID_ARGUMENT, "storage->put: must not be NULL");
    broken = storage;
    broken.remove = NULL;
    CHECK_ERROR(ct_engine_new(&broken, &engine), CT_ERROR_INVALID_ARGUMENT, "storage->remove: must not be NULL");
    broken = storage;
    broken.unlock = NULL;
    CHECK_ERROR(ct_engine_new(&broken, &engine), CT_ERROR_INVALID_ARGUMENT,
                "storage->unlock: must not be NULL when storage->lock is set");
    broken = storage;
    broken.lock = NULL;
    CHECK_ERROR(ct_engine_new(&broken, &engine), CT_ERROR_INVALID_ARGUMENT,
                "storage->lock: must not be NULL when storage->unlock is set");
    CHECK(engine == SENTINEL_ENGINE);
    /* userdata may be NULL: it is the host's, passed through unchanged. */
    broken = storage;
    broken.userdata = NULL;
    engine = NULL;
    CHECK_OK(ct_engine_new(&broken, &engine));
    CHECK(engine != NULL && engine != SENTINEL_ENGINE);
    ct_engine_free(engine);
    CHECK(store.gets + store.puts + store.removes == 0);
    /* Without lock callbacks: the host has a single writer. */
    ct_storage unlocked = mem_callbacks_unlocked(&store);
    engine = NULL;
    CHECK_OK(ct_engine_new(&unlocked, &engine));
    free(put_board(engine));
    CHECK(store.puts >= 1 && store.locks_taken == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_engine_copies_storage(void) {
    t_begin("ct_engine_new copies the storage struct; userdata reaches every callback");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = NULL;
    {
        ct_storage storage = mem_callbacks(&store);
        CHECK_OK(ct_engine_new(&storage, &engine));
        memset(&storage, 0, sizeof storage);
    }
    char *stored = put_board(engine);
    CHECK(stored != NULL);
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out));
    CHECK(store.gets >= 2 && store.puts >= 1 && store.locks_taken >= 1);
    CHECK(store.contract_violations == 0 && store.lock_count == 0);
    ct_buffer_free(out);
    free(stored);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_null_objects(void) {
    t_begin("_free(NULL) is a no-op; accessors of NULL objects give empty answers");
    ct_engine_free(NULL);
    ct_buffer_free(NULL);
    ct_error_free(NULL);
    CHECK(ct_buffer_data(NULL) == NULL);
    CHECK(ct_buffer_len(NULL) == 0);
    CHECK(ct_error_code(NULL) == CT_ERROR_OK);
    size_t len = 99;
    const char *message = ct_error_message(NULL, &len);
    CHECK(message != NULL && message[0] == '\0' && len == 0);
    CHECK(ct_error_message(NULL, NULL) != NULL);
    len = 99;
    CHECK(ct_error_field(NULL, &len) == NULL && len == 0);
    uint64_t revision = 77;
    CHECK(!ct_error_current_revision(NULL, &revision) && revision == 77);
    t_end();
}

static void test_defaults_and_buffers(void) {
    t_begin("a board never stored reads as defaults at revision 0; buffers are NUL-terminated");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = SENTINEL_BUFFER;
    if (CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out))) {
        const char *data = ct_buffer_data(out);
        size_t len = ct_buffer_len(out);
        CHECK(data != NULL && len > 0 && data[len] == '\0' && strlen(data) == len);
        CHECK(json_revision(data, len) == 0);
        CHECK(contains(data, len, "\"unit\":\"hours\""));
        ct_buffer_free(out);
    }
    out = NULL;
    if (CHECK_OK(ct_engine_get_days_off(engine, S("alice"), &out))) {
        CHECK(json_revision(ct_buffer_data(out), ct_buffer_len(out)) == 0);
        ct_buffer_free(out);
    }
    CHECK(store.puts == 0 && store.count == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_engine_calls_check_null_arguments(void) {
    t_begin("every engine call names its NULL argument and leaves out alone");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = SENTINEL_BUFFER;
    const int NUL = CT_ERROR_INVALID_ARGUMENT;

    CHECK_ERROR(ct_engine_get_board_settings(NULL, S("1"), &out), NUL, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_get_board_settings(engine, NULL, 1, &out), NUL, "board_id: must not be NULL");
    CHECK_ERROR(ct_engine_get_board_settings(engine, S("1"), NULL), NUL, "out: must not be NULL");
    CHECK_ERROR(ct_engine_get_board_settings(NULL, NULL, 0, NULL), NUL, "engine:");

    CHECK_ERROR(ct_engine_put_board_settings(NULL, S("1"), S(BOARD), &out), NUL, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_put_board_settings(engine, NULL, 1, S(BOARD), &out), NUL, "board_id: must not be NULL");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), NULL, 0, &out), NUL, "settings_json: must not be NULL");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(BOARD), NULL), NUL, "out: must not be NULL");

    CHECK_ERROR(ct_engine_get_days_off(NULL, S("alice"), &out), NUL, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_get_days_off(engine, NULL, 5, &out), NUL, "account_key: must not be NULL");
    CHECK_ERROR(ct_engine_get_days_off(engine, S("alice"), NULL), NUL, "out: must not be NULL");

    CHECK_ERROR(ct_engine_put_days_off(NULL, S("alice"), S(DAYS_OFF), &out), NUL, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_put_days_off(engine, NULL, 5, S(DAYS_OFF), &out), NUL, "account_key: must not be NULL");
    CHECK_ERROR(ct_engine_put_days_off(engine, S("alice"), NULL, 3, &out), NUL, "days_off_json: must not be NULL");
    CHECK_ERROR(ct_engine_put_days_off(engine, S("alice"), S(DAYS_OFF), NULL), NUL, "out: must not be NULL");

    CHECK_ERROR(ct_engine_iteration_report(NULL, S(REQUEST), &out), NUL, "engine: must not be NULL");
    CHECK_ERROR(ct_engine_iteration_report(engine, NULL, 0, &out), NUL, "request_json: must not be NULL");
    CHECK_ERROR(ct_engine_iteration_report(engine, S(REQUEST), NULL), NUL, "out: must not be NULL");

    CHECK(out == SENTINEL_BUFFER);
    /* Arguments are checked before the storage is touched. */
    CHECK(store.gets + store.puts + store.removes == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_engine_calls_check_utf8(void) {
    t_begin("every string argument must be valid UTF-8 of a valid length");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = SENTINEL_BUFFER;
    const int BAD = CT_ERROR_INVALID_ARGUMENT;
    const char bad[] = "{\"revision\":0,\"members\":[],\"x\":\"\xc3\x28\"}";

    CHECK_ERROR(ct_engine_get_board_settings(engine, S("b\xff"), &out), BAD,
                "board_id: is not valid UTF-8 (invalid byte at offset 1)");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("\x80"), S(BOARD), &out), BAD,
                "board_id: is not valid UTF-8 (invalid byte at offset 0)");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(bad), &out), BAD,
                "settings_json: is not valid UTF-8");
    CHECK_ERROR(ct_engine_get_days_off(engine, S("al\xe2\x82"), &out), BAD,
                "account_key: is not valid UTF-8 (invalid byte at offset 2)");
    CHECK_ERROR(ct_engine_put_days_off(engine, S("\xed\xa0\x80"), S(DAYS_OFF), &out), BAD,
                "account_key: is not valid UTF-8");
    CHECK_ERROR(ct_engine_put_days_off(engine, S("alice"), S(bad), &out), BAD,
                "days_off_json: is not valid UTF-8");
    CHECK_ERROR(ct_engine_iteration_report(engine, S(bad), &out), BAD,
                "request_json: is not valid UTF-8");
    /* A length no object can have is refused before anything is read. */
    CHECK_ERROR(ct_engine_get_board_settings(engine, "1", SIZE_MAX, &out), BAD,
                "board_id: length");
    CHECK_ERROR(ct_engine_iteration_report(engine, REQUEST, (size_t)-2, &out), BAD,
                "request_json: length");
    CHECK(out == SENTINEL_BUFFER);
    CHECK(store.gets + store.puts == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_explicit_lengths(void) {
    t_begin("strings are read by length, not up to a NUL");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    /* Only the first two bytes are the id. */
    CHECK_OK(ct_engine_put_board_settings(engine, "12xyz", 2, S(BOARD), &out));
    ct_buffer_free(out);
    char *stored = mem_get_copy(&store, "org.capacitytracker:board:12");
    CHECK(stored != NULL);
    free(stored);
    /* An embedded NUL is valid UTF-8 but not a valid board id: the engine says so. */
    ct_error *err = ct_engine_get_board_settings(engine, "1\0", 2, &out);
    size_t field_len = 0;
    const char *field = ct_error_field(err, &field_len);
    CHECK(field != NULL && strcmp(field, "boardId") == 0 && field_len == 7);
    CHECK_ERROR(err, CT_ERROR_VALIDATION, "boardId: ");
    /* A document need not be NUL-terminated. */
    char *copy = malloc(sizeof DAYS_OFF - 1);
    memcpy(copy, DAYS_OFF, sizeof DAYS_OFF - 1);
    out = NULL;
    CHECK_OK(ct_engine_put_days_off(engine, S("alice"), copy, sizeof DAYS_OFF - 1, &out));
    ct_buffer_free(out);
    free(copy);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_board_settings_round_trip_and_conflict(void) {
    t_begin("board settings: write, read back, stale write is a conflict that writes nothing");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    char *stored = put_board(engine);
    if (CHECK(stored != NULL)) {
        CHECK(json_revision(stored, strlen(stored)) == 1);
        ct_buffer *out = NULL;
        CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out));
        char *read = out ? take_buffer(out) : NULL;
        CHECK(read != NULL && strcmp(read, stored) == 0);
        free(read);

        char *before = mem_snapshot(&store);
        unsigned long puts = store.puts;
        out = SENTINEL_BUFFER;
        ct_error *err = ct_engine_put_board_settings(engine, S("1"), S(BOARD), &out);
        uint64_t revision = 0;
        CHECK(ct_error_current_revision(err, &revision) && revision == 1);
        CHECK(ct_error_current_revision(err, NULL));
        CHECK(ct_error_field(err, NULL) == NULL);
        CHECK_ERROR(err, CT_ERROR_CONFLICT, "revision: ");
        CHECK(out == SENTINEL_BUFFER);
        char *after = mem_snapshot(&store);
        CHECK(strcmp(before, after) == 0 && store.puts == puts && store.lock_count == 0);
        free(before);
        free(after);

        out = NULL;
        CHECK_OK(ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out));
        CHECK(out && json_revision(ct_buffer_data(out), ct_buffer_len(out)) == 2);
        CHECK(out && contains(ct_buffer_data(out), ct_buffer_len(out), "\"dailyCapacity\":7"));
        ct_buffer_free(out);
    }
    free(stored);
    CHECK(store.contract_violations == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_validation_errors(void) {
    t_begin("malformed or invalid documents are validation errors naming the field");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = SENTINEL_BUFFER;
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S("{"), &out), CT_ERROR_VALIDATION, "body: ");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(""), &out), CT_ERROR_VALIDATION, "body: ");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S("[1,2]"), &out), CT_ERROR_VALIDATION, "body: ");

    const char too_much[] = "{\"revision\":0,\"members\":[{\"accountKey\":\"alice\","
                            "\"role\":\"Developer\",\"dailyCapacity\":25}]}";
    ct_error *err = ct_engine_put_board_settings(engine, S("1"), S(too_much), &out);
    size_t len = 0;
    const char *field = ct_error_field(err, &len);
    CHECKF(field != NULL && strcmp(field, "members[0].dailyCapacity") == 0 && len == strlen(field),
           "field %s", field ? field : "NULL");
    CHECK(!ct_error_current_revision(err, NULL));
    CHECK_ERROR(err, CT_ERROR_VALIDATION, "members[0].dailyCapacity: ");

    const char unknown[] = "{\"revision\":0,\"colour\":\"red\"}";
    CHECK_ERROR_CONTAINS(ct_engine_put_board_settings(engine, S("1"), S(unknown), &out),
                         CT_ERROR_VALIDATION, "colour");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("no spaces allowed"), S(BOARD), &out),
                CT_ERROR_VALIDATION, "boardId: ");

    const char reversed[] = "{\"revision\":0,\"ranges\":[{\"start\":\"2026-12-03\",\"end\":\"2026-12-02\"}]}";
    CHECK_ERROR(ct_engine_put_days_off(engine, S("alice"), S(reversed), &out), CT_ERROR_VALIDATION, "ranges[0]");
    CHECK_ERROR(ct_engine_iteration_report(engine, S("{\"boardId\":\"1\"}"), &out), CT_ERROR_VALIDATION, "");
    CHECK_ERROR(ct_engine_iteration_report(engine, S("not json"), &out), CT_ERROR_VALIDATION, "");
    CHECK(out == SENTINEL_BUFFER);
    CHECK(store.puts == 0 && store.count == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_days_off_round_trip_and_conflict(void) {
    t_begin("days off: write, read back, stale write is a conflict");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    if (CHECK_OK(ct_engine_put_days_off(engine, S("alice"), S(DAYS_OFF), &out))) {
        char *stored = take_buffer(out);
        CHECK(json_revision(stored, strlen(stored)) == 1);
        CHECK(contains(stored, strlen(stored), "\"accountKey\":\"alice\""));
        out = NULL;
        CHECK_OK(ct_engine_get_days_off(engine, S("alice"), &out));
        char *read = out ? take_buffer(out) : NULL;
        CHECK(read && strcmp(read, stored) == 0);
        free(read);
        free(stored);
    }
    out = SENTINEL_BUFFER;
    ct_error *err = ct_engine_put_days_off(engine, S("alice"), S(DAYS_OFF), &out);
    uint64_t revision = 0;
    CHECK(ct_error_current_revision(err, &revision) && revision == 1);
    CHECK_ERROR(err, CT_ERROR_CONFLICT, "revision: ");
    CHECK(out == SENTINEL_BUFFER);
    char *kept = mem_get_copy(&store, "org.capacitytracker:daysoff:alice");
    CHECK(kept != NULL && json_revision(kept, strlen(kept)) == 1);
    free(kept);
    CHECK(store.contract_violations == 0 && store.lock_count == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_iteration_report(void) {
    t_begin("an iteration report reads the board and days off and writes nothing");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    free(put_board(engine));
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_put_days_off(engine, S("alice"), S(DAYS_OFF), &out));
    ct_buffer_free(out);
    unsigned long puts = store.puts;
    out = NULL;
    if (CHECK_OK(ct_engine_iteration_report(engine, S(REQUEST), &out))) {
        const char *report = ct_buffer_data(out);
        size_t len = ct_buffer_len(out);
        CHECK(report[len] == '\0' && strlen(report) == len);
        CHECK(contains(report, len, "\"boardId\":\"1\""));
        CHECK(contains(report, len, "\"accountKey\":\"alice\""));
        CHECK(contains(report, len, "\"assignee\":\"carol\""));
        ct_buffer_free(out);
    }
    CHECK(store.puts == puts);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_failing_put_keeps_stored_value(void) {
    t_begin("a failing put or lock callback gives a storage error with the host's message; nothing changes");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    char *stored = put_board(engine);
    char *before = mem_snapshot(&store);

    store.mode = MEM_FAIL_PUT;
    store.fail_message = "disk full on node 2";
    ct_buffer *out = SENTINEL_BUFFER;
    ct_error *err = ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out);
    CHECK(ct_error_field(err, NULL) == NULL && !ct_error_current_revision(err, NULL));
    CHECK_ERROR(err, CT_ERROR_STORAGE, "storage: disk full on node 2");
    store.fail_message = NULL;
    /* A board's write begins with its stamp (the read cache's check), so that put fails first. */
    CHECK_ERROR_CONTAINS(ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out),
                         CT_ERROR_STORAGE,
                         "put callback for key org.capacitytracker:board:1~stamp failed without a message");
    CHECK_ERROR(ct_engine_put_days_off(engine, S("alice"), S(DAYS_OFF), &out), CT_ERROR_STORAGE,
                "storage: ");
    CHECK(out == SENTINEL_BUFFER);

    store.mode = MEM_FAIL_LOCK;
    store.fail_message = "lock service unavailable";
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out), CT_ERROR_STORAGE,
                "storage: lock service unavailable");
    store.fail_message = NULL;
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out), CT_ERROR_STORAGE,
                "storage: the host's lock callback for lock org.capacitytracker:board:1 failed "
                "without a message");
    CHECK(out == SENTINEL_BUFFER);

    store.mode = MEM_NORMAL;
    char *after = mem_snapshot(&store);
    CHECK(strcmp(before, after) == 0 && store.lock_count == 0);
    out = NULL;
    CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out));
    char *read = out ? take_buffer(out) : NULL;
    CHECK(read && stored && strcmp(read, stored) == 0);
    free(read);
    free(after);
    free(before);
    free(stored);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_failing_get(void) {
    t_begin("a failing or misbehaving get callback is a storage error and nothing is written");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    free(put_board(engine));
    unsigned long puts = store.puts;
    ct_buffer *out = SENTINEL_BUFFER;

    store.mode = MEM_FAIL_GET;
    store.fail_message = "database is down";
    CHECK_ERROR(ct_engine_get_board_settings(engine, S("1"), &out), CT_ERROR_STORAGE, "storage: database is down");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(BOARD_REV1), &out), CT_ERROR_STORAGE, "storage: database is down");
    CHECK_ERROR(ct_engine_get_days_off(engine, S("alice"), &out), CT_ERROR_STORAGE, "storage: database is down");
    CHECK_ERROR(ct_engine_iteration_report(engine, S(REQUEST), &out), CT_ERROR_STORAGE, "storage: database is down");

    store.mode = MEM_GET_OK_WITHOUT_VALUE;
    /* A board's read begins with its stamp. */
    CHECK_ERROR(ct_engine_get_board_settings(engine, S("1"), &out), CT_ERROR_STORAGE,
                "storage: the host's get callback for key org.capacitytracker:board:1~stamp returned "
                "CT_STORAGE_OK without calling ct_storage_reply_set_value");

    store.mode = MEM_GET_INVALID_UTF8;
    CHECK_ERROR_CONTAINS(ct_engine_get_board_settings(engine, S("1"), &out), CT_ERROR_STORAGE,
                         "gave an unusable value (value: is not valid UTF-8");
    CHECK(store.reply_codes[0] == CT_ERROR_INVALID_ARGUMENT);
    CHECKF(strncmp(store.reply_messages[0], "value: is not valid UTF-8 (invalid byte at offset 2)", 60) == 0,
           "got %s", store.reply_messages[0]);

    store.mode = MEM_GET_UNKNOWN_STATUS;
    CHECK_ERROR_CONTAINS(ct_engine_get_days_off(engine, S("alice"), &out), CT_ERROR_STORAGE,
                         "returned the unknown status 42");

    CHECK(out == SENTINEL_BUFFER);
    CHECK(store.puts == puts && store.lock_count == 0);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_reply_misuse(void) {
    t_begin("ct_storage_reply_set_value/_set_error reject bad arguments; the reply still works");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    char *stored = put_board(engine);
    store.mode = MEM_REPLY_MISUSE;
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out));
    char *read = out ? take_buffer(out) : NULL;
    CHECK(read && stored && strcmp(read, stored) == 0);
    static const char *const expected[4] = {
        "reply: must not be NULL", "value: must not be NULL", "message: must not be NULL",
        "message: is not valid UTF-8 (invalid byte at offset 0)"};
    for (int i = 0; i < 4; i++)
        CHECKF(store.reply_codes[i] == CT_ERROR_INVALID_ARGUMENT &&
                   strcmp(store.reply_messages[i], expected[i]) == 0,
               "reply call %d: %u %s", i, store.reply_codes[i], store.reply_messages[i]);
    /* Outside any callback only the NULL checks can be reached. */
    CHECK_ERROR(ct_storage_reply_set_value(NULL, S("x")), CT_ERROR_INVALID_ARGUMENT, "reply: must not be NULL");
    CHECK_ERROR(ct_storage_reply_set_error(NULL, S("x")), CT_ERROR_INVALID_ARGUMENT, "reply: must not be NULL");
    free(read);
    free(stored);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_unreadable_stored_document(void) {
    t_begin("an unreadable stored document is a storage error and is never overwritten");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    mem_set(&store, BOARD_KEY, "{not json");
    ct_buffer *out = SENTINEL_BUFFER;
    CHECK_ERROR(ct_engine_get_board_settings(engine, S("1"), &out), CT_ERROR_STORAGE,
                "storage: the stored document org.capacitytracker:board:1 cannot be read");
    CHECK_ERROR(ct_engine_put_board_settings(engine, S("1"), S(BOARD), &out), CT_ERROR_STORAGE, "storage: ");
    CHECK_ERROR(ct_engine_iteration_report(engine, S(REQUEST), &out), CT_ERROR_STORAGE, "storage: ");
    char *after = mem_get_copy(&store, BOARD_KEY);
    CHECK(after && strcmp(after, "{not json") == 0);
    free(after);
    CHECK(out == SENTINEL_BUFFER);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

/* A days-off document of 1000 one-day ranges with long reasons: about 290,000 characters,
 * so the engine stores it in several values under the host's 99,000-character limit. */
static char *large_days_off(long long revision, char filler, size_t *len_out) {
    size_t capacity = 400000, len = 0;
    char *doc = malloc(capacity);
    char reason[201];
    memset(reason, filler, 200);
    reason[200] = '\0';
    len += (size_t)snprintf(doc + len, capacity - len, "{\"revision\":%lld,\"ranges\":[", revision);
    for (int i = 0; i < 1000; i++) {
        int year = 2026 + i / 336, month = (i % 336) / 28 + 1, day = i % 28 + 1;
        len += (size_t)snprintf(doc + len, capacity - len,
                                "%s{\"start\":\"%04d-%02d-%02d\",\"end\":\"%04d-%02d-%02d\",\"reason\":\"%s\"}",
                                i ? "," : "", year, month, day, year, month, day, reason);
    }
    len += (size_t)snprintf(doc + len, capacity - len, "]}");
    *len_out = len;
    return doc;
}

static void test_large_document_survives_failure_at_every_put(void) {
    t_begin("a document over one storage value is split within the host limit; a failure at any put keeps the old one");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    size_t len = 0;
    char *doc = large_days_off(0, 'r', &len);
    ct_buffer *out = NULL;
    char *stored = NULL;
    if (CHECK_OK(ct_engine_put_days_off(engine, S("alice"), doc, len, &out))) stored = take_buffer(out);
    free(doc);
    CHECK(stored != NULL && strlen(stored) > 250000);
    CHECK(store.contract_violations == 0);
    CHECK(store.count >= 4); /* the index, the document and its pieces */

    doc = large_days_off(1, 'q', &len);
    int attempts = 0;
    for (unsigned long fail_at = 0; stored != NULL && fail_at < 50; fail_at++) {
        attempts++;
        store.mode = MEM_FAIL_NTH_PUT;
        store.fail_at = fail_at;
        store.fail_message = "injected put failure";
        out = NULL;
        ct_error *err = ct_engine_put_days_off(engine, S("alice"), doc, len, &out);
        store.mode = MEM_NORMAL;
        if (err == NULL) {
            /* Past the last put nothing fails: the new document is complete. */
            char *written = take_buffer(out);
            ct_buffer *read = NULL;
            CHECK_OK(ct_engine_get_days_off(engine, S("alice"), &read));
            char *text = read ? take_buffer(read) : NULL;
            CHECKF(text && strcmp(text, written) == 0 && json_revision(text, strlen(text)) == 2,
                   "after %d attempts the new document does not read back", attempts);
            free(text);
            free(written);
            break;
        }
        CHECK_ERROR(err, CT_ERROR_STORAGE, "storage: injected put failure");
        ct_buffer *read = NULL;
        CHECK_OK(ct_engine_get_days_off(engine, S("alice"), &read));
        char *text = read ? take_buffer(read) : NULL;
        CHECKF(text && strcmp(text, stored) == 0, "a failure at put %lu changed the stored document",
               fail_at);
        free(text);
        CHECK(store.lock_count == 0);
    }
    CHECKF(attempts >= 4 && attempts < 50, "%d attempts", attempts);
    CHECK(store.contract_violations == 0);
    free(doc);
    free(stored);
    ct_engine_free(engine);
    mem_destroy(&store);
    t_end();
}

static void test_errors_and_buffers_outlive_engine(void) {
    t_begin("errors and buffers are independent of the engine that made them");
    mem_store store;
    mem_init(&store);
    ct_engine *engine = new_engine(&store);
    ct_buffer *out = NULL;
    CHECK_OK(ct_engine_get_board_settings(engine, S("1"), &out));
    ct_buffer *unused = SENTINEL_BUFFER;
    ct_error *err = ct_engine_get_board_settings(engine, S(""), &unused);
    ct_engine_free(engine);
    mem_destroy(&store);
    CHECK(out && json_revision(ct_buffer_data(out), ct_buffer_len(out)) == 0);
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    CHECK(ct_error_code(err) == CT_ERROR_VALIDATION && len > 0 && strlen(message) == len);
    ct_error_free(err);
    ct_buffer_free(out);
    t_end();
}

int main(void) {
    test_version();
    test_engine_new_checks_arguments();
    test_engine_copies_storage();
    test_null_objects();
    test_defaults_and_buffers();
    test_engine_calls_check_null_arguments();
    test_engine_calls_check_utf8();
    test_explicit_lengths();
    test_board_settings_round_trip_and_conflict();
    test_validation_errors();
    test_days_off_round_trip_and_conflict();
    test_iteration_report();
    test_failing_put_keeps_stored_value();
    test_failing_get();
    test_reply_misuse();
    test_unreadable_stored_document();
    test_large_document_survives_failure_at_every_put();
    test_errors_and_buffers_outlive_engine();
    return t_report("api");
}
