/*
 * Shared pieces of the C ABI tests: a tiny test harness, a thread-safe in-memory host
 * storage with failure injection, file reading, and the few JSON scans the tests need
 * (the tests carry JSON through unchanged, as a real host does, so no JSON library).
 */
#ifndef CT_TEST_SUPPORT_H
#define CT_TEST_SUPPORT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capacity_tracker.h"

/* ---- harness: a test case passes when none of its checks fail ---- */

void t_begin(const char *name);
void t_end(void);
/* Thread-safe: may be called from several threads inside one case. */
bool t_check(bool ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints "<suite>: N passed, M failed" and returns the process exit status. */
int t_report(const char *suite);

#define CHECK(cond) t_check((cond), __FILE__, __LINE__, "%s", #cond)
#define CHECKF(cond, ...) t_check((cond), __FILE__, __LINE__, __VA_ARGS__)

/* Checks that `err` has `code` and that its message starts with `prefix`; frees it. */
#define CHECK_ERROR(err, code, prefix) check_error((err), (code), (prefix), __FILE__, __LINE__)
bool check_error(ct_error *err, uint32_t code, const char *prefix, const char *file, int line);
/* Checks that `err` is NULL, printing it otherwise; frees it. */
#define CHECK_OK(err) check_ok((err), __FILE__, __LINE__)
bool check_ok(ct_error *err, const char *file, int line);

/* ---- in-memory host storage ---- */

/* Failure injection, set only while no other thread uses the store. */
enum mem_mode {
    MEM_NORMAL,
    MEM_FAIL_GET,            /* get: CT_STORAGE_ERROR with `fail_message` */
    MEM_FAIL_PUT,            /* put: CT_STORAGE_ERROR with `fail_message` (NULL: no message) */
    MEM_GET_OK_WITHOUT_VALUE,/* get: CT_STORAGE_OK without ct_storage_reply_set_value */
    MEM_GET_INVALID_UTF8,    /* get: offers "\xff" as the value, then CT_STORAGE_OK */
    MEM_GET_UNKNOWN_STATUS,  /* get: returns 42 */
    MEM_REPLY_MISUSE,        /* get: calls the reply functions with bad arguments first */
    MEM_FAIL_LOCK,           /* lock: CT_STORAGE_ERROR with `fail_message` */
    MEM_FAIL_NTH_PUT         /* put number `fail_at` (0-based, counted from now) fails */
};

/* A named lock held by one thread, taken by the lock callback. */
typedef struct mem_lock {
    char name[128];
    pthread_t owner;
    int depth;
} mem_lock;

typedef struct mem_entry {
    char *key;
    size_t key_len;
    char *value;
    size_t value_len;
} mem_entry;

typedef struct mem_store {
    pthread_mutex_t lock;
    mem_entry *entries;
    size_t count;
    size_t capacity;
    pthread_cond_t released;
    mem_lock locks[32];
    size_t lock_count;
    unsigned long locks_taken;
    enum mem_mode mode;
    const char *fail_message;
    unsigned long fail_at;
    /* Yield the processor before each get and put, so that concurrent calls interleave
     * at every storage access even on a machine with few cores. */
    bool yield;
    unsigned long gets, puts, removes;
    /* Keys without the org.capacitytracker: prefix, values over the host limit, unlocks of
     * locks not held by the caller. */
    unsigned long contract_violations;
    /* Codes returned by the reply functions in MEM_GET_INVALID_UTF8 / MEM_REPLY_MISUSE. */
    uint32_t reply_codes[4];
    char reply_messages[4][160];
} mem_store;

void mem_init(mem_store *store);
void mem_destroy(mem_store *store);
/* Callbacks with lock and unlock; mem_callbacks_unlocked leaves both NULL. */
ct_storage mem_callbacks(mem_store *store);
ct_storage mem_callbacks_unlocked(mem_store *store);
/* Every key and value, sorted, as one string; free() it. */
char *mem_snapshot(mem_store *store);
/* Stores directly, as if another node wrote it. */
void mem_set(mem_store *store, const char *key, const char *value);
/* A copy of the value under `key` (NUL-terminated), or NULL; free() it. */
char *mem_get_copy(mem_store *store, const char *key);

/* A new engine over `store`; aborts the program if that fails. */
ct_engine *new_engine(mem_store *store);

/* ---- files and JSON ---- */

/* The whole file, NUL-terminated, or NULL if it cannot be read; free() it. */
char *read_file(const char *path, size_t *len_out);

/* `json` without whitespace outside strings, NUL-terminated; free() it. */
char *json_compact(const char *json, size_t len, size_t *len_out);

/* Calls `member` for each member of the top-level object: raw key (without quotes,
 * escapes not supported) and raw value text. Returns false on malformed input or when
 * `member` returns false. */
typedef bool (*json_member_fn)(void *ctx, const char *key, size_t key_len,
                               const char *value, size_t value_len);
bool json_each_member(const char *json, size_t len, json_member_fn member, void *ctx);

/* Calls `element` for each element of a top-level array, with its raw text. */
typedef bool (*json_element_fn)(void *ctx, size_t index, const char *value, size_t value_len);
bool json_each_element(const char *json, size_t len, json_element_fn element, void *ctx);

/* The raw text of a top-level member (an object stays an object), or false. */
bool json_raw_member(const char *json, size_t len, const char *name, const char **value,
                     size_t *value_len);

/* The raw text (without quotes) of a top-level string member, as a new NUL-terminated
 * string, or NULL; free() it. */
char *json_string_member(const char *json, size_t len, const char *name);

/* The integer value of the top-level "revision" member, or -1. */
long long json_revision(const char *json, size_t len);

/* The buffer's text as a new NUL-terminated string; frees the buffer. */
char *take_buffer(ct_buffer *buffer);

#endif
