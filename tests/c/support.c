#define _POSIX_C_SOURCE 200809L

#include "support.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- harness ---- */

static pthread_mutex_t t_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *t_current;
static int t_case_failures;
static int t_passed;
static int t_failed;

void t_begin(const char *name) {
    t_current = name;
    t_case_failures = 0;
}

void t_end(void) {
    if (t_case_failures == 0) {
        t_passed++;
        printf("ok   %s\n", t_current);
    } else {
        t_failed++;
        printf("FAIL %s (%d failed checks)\n", t_current, t_case_failures);
    }
    fflush(stdout);
    t_current = NULL;
}

bool t_check(bool ok, const char *file, int line, const char *fmt, ...) {
    if (ok) return true;
    pthread_mutex_lock(&t_lock);
    t_case_failures++;
    fprintf(stderr, "%s:%d: check failed in %s: ", file, line, t_current ? t_current : "?");
    va_list args;
    va_start(args, fmt);
    vfprintf(stderr, fmt, args);
    va_end(args);
    fputc('\n', stderr);
    pthread_mutex_unlock(&t_lock);
    return false;
}

int t_report(const char *suite) {
    printf("%s: %d passed, %d failed\n", suite, t_passed, t_failed);
    return t_failed == 0 && t_passed > 0 ? 0 : 1;
}

bool check_error(ct_error *err, uint32_t code, const char *prefix, const char *file, int line) {
    bool ok = t_check(err != NULL, file, line, "expected error %u (%s...), got success", code, prefix);
    if (ok) {
        size_t len = 0;
        const char *message = ct_error_message(err, &len);
        ok = t_check(ct_error_code(err) == code, file, line, "expected error %u, got %u: %.*s",
                     code, ct_error_code(err), (int)len, message);
        ok = t_check(len >= strlen(prefix) && memcmp(message, prefix, strlen(prefix)) == 0, file,
                     line, "expected a message starting with \"%s\", got \"%.*s\"", prefix, (int)len,
                     message) && ok;
        ok = t_check(strlen(message) == len, file, line, "message length %zu is not its C length",
                     len) && ok;
    }
    ct_error_free(err);
    return ok;
}

bool check_ok(ct_error *err, const char *file, int line) {
    if (err == NULL) return true;
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    t_check(false, file, line, "unexpected error %u: %.*s", ct_error_code(err), (int)len, message);
    ct_error_free(err);
    return false;
}

/* ---- in-memory storage ---- */

static const char KEY_PREFIX[] = "org.capacitytracker:";

/* Jira's limit counts UTF-16 code units, as Java's String.length() does. */
static size_t utf16_units(const char *s, size_t len) {
    size_t units = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;
    }
    return units;
}

static void check_key(mem_store *store, const char *key, size_t key_len) {
    if (key_len < sizeof KEY_PREFIX - 1 || memcmp(key, KEY_PREFIX, sizeof KEY_PREFIX - 1) != 0 ||
        utf16_units(key, key_len) > 100 || memchr(key, '\0', key_len) != NULL)
        store->contract_violations++;
}

static mem_entry *find(mem_store *store, const char *key, size_t key_len) {
    for (size_t i = 0; i < store->count; i++)
        if (store->entries[i].key_len == key_len && memcmp(store->entries[i].key, key, key_len) == 0)
            return &store->entries[i];
    return NULL;
}

static char *copy_bytes(const char *bytes, size_t len) {
    char *copy = malloc(len + 1);
    if (copy == NULL) abort();
    memcpy(copy, bytes, len);
    copy[len] = '\0';
    return copy;
}

static void put_locked(mem_store *store, const char *key, size_t key_len, const char *value,
                       size_t value_len) {
    mem_entry *entry = find(store, key, key_len);
    if (entry == NULL) {
        if (store->count == store->capacity) {
            store->capacity = store->capacity ? store->capacity * 2 : 16;
            store->entries = realloc(store->entries, store->capacity * sizeof *store->entries);
            if (store->entries == NULL) abort();
        }
        entry = &store->entries[store->count++];
        entry->key = copy_bytes(key, key_len);
        entry->key_len = key_len;
    } else {
        free(entry->value);
    }
    entry->value = copy_bytes(value, value_len);
    entry->value_len = value_len;
}

static void record_reply(mem_store *store, int slot, ct_error *err) {
    size_t len = 0;
    const char *message = ct_error_message(err, &len);
    store->reply_codes[slot] = ct_error_code(err);
    snprintf(store->reply_messages[slot], sizeof store->reply_messages[slot], "%.*s", (int)len,
             message);
    ct_error_free(err);
}

static void set_error(ct_storage_reply *reply, const char *message) {
    if (message != NULL) ct_error_free(ct_storage_reply_set_error(reply, message, strlen(message)));
}

static uint32_t mem_get(void *userdata, const char *key, size_t key_len, ct_storage_reply *reply) {
    mem_store *store = userdata;
    uint32_t status = CT_STORAGE_OK;
    if (store->yield) sched_yield();
    pthread_mutex_lock(&store->lock);
    store->gets++;
    check_key(store, key, key_len);
    switch (store->mode) {
    case MEM_FAIL_GET:
        set_error(reply, store->fail_message);
        status = CT_STORAGE_ERROR;
        break;
    case MEM_GET_OK_WITHOUT_VALUE:
        break;
    case MEM_GET_INVALID_UTF8:
        record_reply(store, 0, ct_storage_reply_set_value(reply, "ok\xff", 3));
        break;
    case MEM_GET_UNKNOWN_STATUS:
        status = 42;
        break;
    case MEM_REPLY_MISUSE:
        record_reply(store, 0, ct_storage_reply_set_value(NULL, "x", 1));
        record_reply(store, 1, ct_storage_reply_set_value(reply, NULL, 0));
        record_reply(store, 2, ct_storage_reply_set_error(reply, NULL, 0));
        record_reply(store, 3, ct_storage_reply_set_error(reply, "\xc3(", 2));
        /* After the misuse the reply must still work normally. */
        /* fall through */
    case MEM_NORMAL:
    case MEM_FAIL_PUT:
    case MEM_FAIL_LOCK:
    case MEM_FAIL_NTH_PUT: {
        const mem_entry *entry = find(store, key, key_len);
        if (entry == NULL) {
            status = CT_STORAGE_NOT_FOUND;
        } else {
            ct_error *err = ct_storage_reply_set_value(reply, entry->value, entry->value_len);
            if (err != NULL) {
                status = CT_STORAGE_ERROR;
                ct_error_free(err);
            }
        }
        break;
    }
    }
    pthread_mutex_unlock(&store->lock);
    return status;
}

static uint32_t mem_put(void *userdata, const char *key, size_t key_len, const char *value,
                        size_t value_len, ct_storage_reply *reply) {
    mem_store *store = userdata;
    uint32_t status = CT_STORAGE_OK;
    if (store->yield) sched_yield();
    pthread_mutex_lock(&store->lock);
    store->puts++;
    check_key(store, key, key_len);
    if (utf16_units(value, value_len) > 99000) store->contract_violations++;
    bool fail = store->mode == MEM_FAIL_PUT;
    if (store->mode == MEM_FAIL_NTH_PUT) fail = store->fail_at-- == 0;
    if (fail) {
        set_error(reply, store->fail_message);
        status = CT_STORAGE_ERROR;
    } else {
        put_locked(store, key, key_len, value, value_len);
    }
    pthread_mutex_unlock(&store->lock);
    return status;
}

static uint32_t mem_remove(void *userdata, const char *key, size_t key_len,
                           ct_storage_reply *reply) {
    mem_store *store = userdata;
    (void)reply;
    pthread_mutex_lock(&store->lock);
    store->removes++;
    check_key(store, key, key_len);
    mem_entry *entry = find(store, key, key_len);
    uint32_t status = CT_STORAGE_NOT_FOUND;
    if (entry != NULL) {
        free(entry->key);
        free(entry->value);
        *entry = store->entries[--store->count];
        status = CT_STORAGE_OK;
    }
    pthread_mutex_unlock(&store->lock);
    return status;
}

static mem_lock *find_lock(mem_store *store, const char *name, size_t name_len) {
    for (size_t i = 0; i < store->lock_count; i++)
        if (strlen(store->locks[i].name) == name_len && memcmp(store->locks[i].name, name, name_len) == 0)
            return &store->locks[i];
    return NULL;
}

/* Named locks as a cluster lock service keeps them: waits while another thread holds it. */
static uint32_t mem_lock_cb(void *userdata, const char *name, size_t name_len,
                            ct_storage_reply *reply) {
    mem_store *store = userdata;
    pthread_mutex_lock(&store->lock);
    if (store->mode == MEM_FAIL_LOCK) {
        set_error(reply, store->fail_message);
        pthread_mutex_unlock(&store->lock);
        return CT_STORAGE_ERROR;
    }
    if (name_len >= sizeof store->locks[0].name) store->contract_violations++;
    mem_lock *held;
    while ((held = find_lock(store, name, name_len)) != NULL &&
           !pthread_equal(held->owner, pthread_self()))
        pthread_cond_wait(&store->released, &store->lock);
    if (held == NULL) {
        if (store->lock_count == sizeof store->locks / sizeof store->locks[0]) abort();
        held = &store->locks[store->lock_count++];
        snprintf(held->name, sizeof held->name, "%.*s", (int)name_len, name);
        held->owner = pthread_self();
        held->depth = 0;
    }
    held->depth++;
    store->locks_taken++;
    pthread_mutex_unlock(&store->lock);
    return CT_STORAGE_OK;
}

static uint32_t mem_unlock_cb(void *userdata, const char *name, size_t name_len,
                              ct_storage_reply *reply) {
    mem_store *store = userdata;
    (void)reply;
    pthread_mutex_lock(&store->lock);
    mem_lock *held = find_lock(store, name, name_len);
    if (held == NULL || !pthread_equal(held->owner, pthread_self())) {
        store->contract_violations++;
    } else if (--held->depth == 0) {
        *held = store->locks[--store->lock_count];
        pthread_cond_broadcast(&store->released);
    }
    pthread_mutex_unlock(&store->lock);
    return CT_STORAGE_OK;
}

void mem_init(mem_store *store) {
    memset(store, 0, sizeof *store);
    pthread_mutex_init(&store->lock, NULL);
    pthread_cond_init(&store->released, NULL);
}

void mem_destroy(mem_store *store) {
    for (size_t i = 0; i < store->count; i++) {
        free(store->entries[i].key);
        free(store->entries[i].value);
    }
    free(store->entries);
    pthread_cond_destroy(&store->released);
    pthread_mutex_destroy(&store->lock);
}

ct_storage mem_callbacks(mem_store *store) {
    ct_storage storage = {store, mem_get, mem_put, mem_remove, mem_lock_cb, mem_unlock_cb};
    return storage;
}

ct_storage mem_callbacks_unlocked(mem_store *store) {
    ct_storage storage = {store, mem_get, mem_put, mem_remove, NULL, NULL};
    return storage;
}

static int compare_entries(const void *a, const void *b) {
    const mem_entry *x = a, *y = b;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int c = memcmp(x->key, y->key, n);
    return c != 0 ? c : (x->key_len > y->key_len) - (x->key_len < y->key_len);
}

char *mem_snapshot(mem_store *store) {
    pthread_mutex_lock(&store->lock);
    qsort(store->entries, store->count, sizeof *store->entries, compare_entries);
    size_t len = 1;
    for (size_t i = 0; i < store->count; i++)
        len += store->entries[i].key_len + store->entries[i].value_len + 2;
    char *text = malloc(len), *p = text;
    if (text == NULL) abort();
    for (size_t i = 0; i < store->count; i++) {
        const mem_entry *e = &store->entries[i];
        memcpy(p, e->key, e->key_len);
        p += e->key_len;
        *p++ = '=';
        memcpy(p, e->value, e->value_len);
        p += e->value_len;
        *p++ = '\n';
    }
    *p = '\0';
    pthread_mutex_unlock(&store->lock);
    return text;
}

void mem_set(mem_store *store, const char *key, const char *value) {
    pthread_mutex_lock(&store->lock);
    put_locked(store, key, strlen(key), value, strlen(value));
    pthread_mutex_unlock(&store->lock);
}

char *mem_get_copy(mem_store *store, const char *key) {
    pthread_mutex_lock(&store->lock);
    const mem_entry *entry = find(store, key, strlen(key));
    char *copy = entry ? copy_bytes(entry->value, entry->value_len) : NULL;
    pthread_mutex_unlock(&store->lock);
    return copy;
}

ct_engine *new_engine(mem_store *store) {
    ct_storage storage = mem_callbacks(store);
    ct_engine *engine = NULL;
    ct_error *err = ct_engine_new(&storage, &engine);
    if (err != NULL || engine == NULL) {
        fprintf(stderr, "ct_engine_new failed: %s\n", ct_error_message(err, NULL));
        abort();
    }
    return engine;
}

/* ---- files and JSON ---- */

char *read_file(const char *path, size_t *len_out) {
    FILE *file = fopen(path, "rb");
    if (file == NULL) return NULL;
    size_t capacity = 4096, len = 0;
    char *text = malloc(capacity);
    if (text == NULL) abort();
    for (;;) {
        if (len + 1 >= capacity) {
            capacity *= 2;
            text = realloc(text, capacity);
            if (text == NULL) abort();
        }
        size_t n = fread(text + len, 1, capacity - len - 1, file);
        if (n == 0) break;
        len += n;
    }
    bool failed = ferror(file);
    fclose(file);
    if (failed) {
        free(text);
        return NULL;
    }
    text[len] = '\0';
    if (len_out) *len_out = len;
    return text;
}

char *json_compact(const char *json, size_t len, size_t *len_out) {
    char *out = malloc(len + 1);
    if (out == NULL) abort();
    size_t n = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < len; i++) {
        char c = json[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            continue;
        } else if (c == '"') {
            in_string = true;
        }
        out[n++] = c;
    }
    out[n] = '\0';
    if (len_out) *len_out = n;
    return out;
}

static const char *skip_ws(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    return p;
}

/* `p` at an opening quote; returns the position after the closing quote, or NULL. */
static const char *skip_string(const char *p, const char *end) {
    for (p++; p < end; p++) {
        if (*p == '\\') p++;
        else if (*p == '"') return p + 1;
    }
    return NULL;
}

/* `p` at the start of a value; returns the position after it, or NULL. */
static const char *skip_value(const char *p, const char *end) {
    if (p >= end) return NULL;
    if (*p == '"') return skip_string(p, end);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (p < end) {
            if (*p == '"') {
                p = skip_string(p, end);
                if (p == NULL) return NULL;
                continue;
            }
            if (*p == '{' || *p == '[') depth++;
            else if (*p == '}' || *p == ']') {
                if (--depth == 0) return p + 1;
            }
            p++;
        }
        return NULL;
    }
    const char *start = p;
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' &&
           *p != '\r' && *p != '\t')
        p++;
    return p > start ? p : NULL;
}

bool json_each_member(const char *json, size_t len, json_member_fn member, void *ctx) {
    const char *end = json + len;
    const char *p = skip_ws(json, end);
    if (p >= end || *p != '{') return false;
    p = skip_ws(p + 1, end);
    if (p < end && *p == '}') return true;
    for (;;) {
        if (p >= end || *p != '"') return false;
        const char *key = p + 1;
        const char *key_end = skip_string(p, end);
        if (key_end == NULL || memchr(key, '\\', (size_t)(key_end - 1 - key)) != NULL) return false;
        p = skip_ws(key_end, end);
        if (p >= end || *p != ':') return false;
        const char *value = skip_ws(p + 1, end);
        const char *value_end = skip_value(value, end);
        if (value_end == NULL) return false;
        if (!member(ctx, key, (size_t)(key_end - 1 - key), value, (size_t)(value_end - value)))
            return false;
        p = skip_ws(value_end, end);
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            continue;
        }
        return p < end && *p == '}';
    }
}

struct find_ctx {
    const char *name;
    const char *value;
    size_t value_len;
};

static bool find_member(void *ctx, const char *key, size_t key_len, const char *value,
                        size_t value_len) {
    struct find_ctx *find_ctx = ctx;
    if (strlen(find_ctx->name) == key_len && memcmp(find_ctx->name, key, key_len) == 0) {
        find_ctx->value = value;
        find_ctx->value_len = value_len;
    }
    return true;
}

bool json_each_element(const char *json, size_t len, json_element_fn element, void *ctx) {
    const char *end = json + len;
    const char *p = skip_ws(json, end);
    if (p >= end || *p != '[') return false;
    p = skip_ws(p + 1, end);
    if (p < end && *p == ']') return true;
    for (size_t index = 0;; index++) {
        const char *value_end = skip_value(p, end);
        if (value_end == NULL || !element(ctx, index, p, (size_t)(value_end - p))) return false;
        p = skip_ws(value_end, end);
        if (p < end && *p == ',') {
            p = skip_ws(p + 1, end);
            continue;
        }
        return p < end && *p == ']';
    }
}

bool json_raw_member(const char *json, size_t len, const char *name, const char **value,
                     size_t *value_len) {
    struct find_ctx ctx = {name, NULL, 0};
    if (!json_each_member(json, len, find_member, &ctx) || ctx.value == NULL) return false;
    *value = ctx.value;
    *value_len = ctx.value_len;
    return true;
}

char *json_string_member(const char *json, size_t len, const char *name) {
    struct find_ctx ctx = {name, NULL, 0};
    if (!json_each_member(json, len, find_member, &ctx) || ctx.value == NULL ||
        ctx.value_len < 2 || ctx.value[0] != '"')
        return NULL;
    return copy_bytes(ctx.value + 1, ctx.value_len - 2);
}

long long json_revision(const char *json, size_t len) {
    struct find_ctx ctx = {"revision", NULL, 0};
    if (!json_each_member(json, len, find_member, &ctx) || ctx.value == NULL) return -1;
    char *text = copy_bytes(ctx.value, ctx.value_len);
    char *end = NULL;
    long long revision = strtoll(text, &end, 10);
    bool whole = end != text && *end == '\0';
    free(text);
    return whole ? revision : -1;
}

char *take_buffer(ct_buffer *buffer) {
    char *text = copy_bytes(ct_buffer_data(buffer), ct_buffer_len(buffer));
    ct_buffer_free(buffer);
    return text;
}
