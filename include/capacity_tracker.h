/*
 * capacity_tracker.h: the C ABI of Capacity Tracker, team capacity planning for Jira.
 *
 * The engine computes iteration capacity reports and stores board settings and days off
 * through the host's storage callbacks; it makes no network call and writes no file. All
 * documents are the JSON of docs/json-api.md.
 *
 * Conventions (the same for every function):
 * - Every type is opaque, created by a `_new` or returned through an output parameter,
 *   and released by its `_free`; `_free(NULL)` does nothing.
 * - Every fallible function returns `ct_error *`: NULL on success, otherwise an error the
 *   caller owns and releases with `ct_error_free` (see `ct_error_code`, `ct_error_message`,
 *   `ct_error_field`, `ct_error_current_revision`).
 * - Pointer arguments are checked first: NULL gives CT_ERROR_INVALID_ARGUMENT with a message
 *   naming the parameter. Strings are UTF-8 with an explicit length (no NUL needed); invalid
 *   UTF-8 also gives CT_ERROR_INVALID_ARGUMENT.
 * - Output parameters come last and are written only on success.
 * - A fault inside the library is caught at the boundary and returned as CT_ERROR_PANIC; it
 *   never unwinds into the caller.
 *
 * Threads: one `ct_engine` may be used by several threads at once; its storage callbacks
 * then run concurrently on those threads and must be thread-safe. `ct_error` and
 * `ct_buffer` objects are immutable and may be read anywhere and freed on any thread.
 * A multi-project report over 50,000 items or more also computes on one helper thread of
 * the library's own, which never calls the storage callbacks; `ct_engine_set_threads`
 * turns it off.
 *
 * Example:
 *
 *     ct_storage storage = { &my_store, my_get, my_put, my_remove, my_lock, my_unlock };
 *     ct_engine *engine = NULL;
 *     ct_buffer *report = NULL;
 *     ct_error *err = ct_engine_new(&storage, &engine);
 *     if (err == NULL)
 *         err = ct_engine_iteration_report(engine, request, strlen(request), &report);
 *     if (err != NULL) {
 *         size_t len;
 *         const char *msg = ct_error_message(err, &len);
 *         fprintf(stderr, "error %u: %.*s\n", ct_error_code(err), (int)len, msg);
 *     } else {
 *         printf("%.*s\n", (int)ct_buffer_len(report), ct_buffer_data(report));
 *     }
 *     ct_buffer_free(report);
 *     ct_error_free(err);
 *     ct_engine_free(engine);
 */

#ifndef CAPACITY_TRACKER_H
#define CAPACITY_TRACKER_H

/*
 * Generated from ffi/src by cbindgen (version pinned in ffi/header.sh) with ffi/cbindgen.toml.
 * Do not edit: change the Rust doc comments and run ffi/header.sh --write.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * `ct_work_item.assignee`, `ct_multi_item.assignee`: the item is unassigned.
 * `ct_work_item.parent`, `ct_multi_item.parent`: the item has no parent among the items.
 */
#define CT_NO_INDEX UINT32_MAX

/**
 * Item flag: the item's status category is done (it counts toward no workload).
 */
#define CT_ITEM_DONE 1

/**
 * Item flag: the item is a sub-task.
 */
#define CT_ITEM_SUBTASK (1 << 1)

/**
 * Item flag: `remaining_seconds` holds an estimate (without it the item has none).
 */
#define CT_ITEM_HAS_REMAINING (1 << 2)

/**
 * Item flag: `original_seconds` holds an estimate.
 */
#define CT_ITEM_HAS_ORIGINAL (1 << 3)

/**
 * Item flag: `story_points` holds an estimate.
 */
#define CT_ITEM_HAS_STORY_POINTS (1 << 4)

/**
 * Item flag: `custom_estimate` holds an estimate.
 */
#define CT_ITEM_HAS_CUSTOM_ESTIMATE (1 << 5)

/**
 * `ct_multi_report_unit`: capacity and workload are in minutes.
 */
#define CT_UNIT_HOURS 0

/**
 * `ct_multi_report_unit`: capacity and workload are in hundredths of a story point.
 */
#define CT_UNIT_STORY_POINTS 1

/**
 * `ct_multi_report_grouping`: a row per person.
 */
#define CT_GROUPING_PERSON 0

/**
 * `ct_multi_report_grouping`: a row per role (by name).
 */
#define CT_GROUPING_ROLE 1

/**
 * `ct_multi_report_grouping`: a row per board.
 */
#define CT_GROUPING_BOARD 2

/**
 * `ct_multi_report_status`: the cell has no capacity (and no utilisation).
 */
#define CT_STATUS_NO_CAPACITY 0

/**
 * `ct_multi_report_status`: utilisation below 80 %.
 */
#define CT_STATUS_UNDER 1

/**
 * `ct_multi_report_status`: utilisation from 80 % to 100 %.
 */
#define CT_STATUS_OK 2

/**
 * `ct_multi_report_status`: utilisation above 100 %.
 */
#define CT_STATUS_OVER 3

/**
 * Success. Never carried by a `ct_error`; `ct_error_code(NULL)` returns it.
 */
#define CT_ERROR_OK 0

/**
 * Bad input in a JSON document or identifier; `ct_error_field` names the field.
 */
#define CT_ERROR_VALIDATION 1

/**
 * A write was based on a stale revision; `ct_error_current_revision` gives the stored one.
 * Nothing was written.
 */
#define CT_ERROR_CONFLICT 2

/**
 * A storage callback failed; the message carries the host's message. Nothing stored was
 * lost or half-written.
 */
#define CT_ERROR_STORAGE 3

/**
 * A document exceeds what the host storage can hold; `ct_error_field` names it.
 */
#define CT_ERROR_TOO_LARGE 4

/**
 * An internal fault was caught at the boundary instead of crashing the host.
 */
#define CT_ERROR_PANIC 5

/**
 * A NULL pointer, an invalid length or invalid UTF-8 was passed; the message starts with
 * the parameter's name (`board_id: must not be NULL`).
 */
#define CT_ERROR_INVALID_ARGUMENT 6

/**
 * A well-formed id names no stored document (an unknown template, holiday calendar or
 * report definition); `ct_error_field` names the field that holds the id (`templateId`).
 */
#define CT_ERROR_NOT_FOUND 7

/**
 * Storage callback status: the operation succeeded.
 */
#define CT_STORAGE_OK 0

/**
 * Storage callback status: `get` found no value under the key (also accepted from `remove`
 * for an absent key).
 */
#define CT_STORAGE_NOT_FOUND 1

/**
 * Storage callback status: the operation failed; set a message with
 * `ct_storage_reply_set_error`. The engine call then fails with `CT_ERROR_STORAGE`.
 */
#define CT_STORAGE_ERROR 2

/**
 * Output text owned by the caller: a JSON document in UTF-8. Released with
 * `ct_buffer_free`. Immutable: it may be read from several threads and freed on any thread.
 */
typedef struct ct_buffer ct_buffer;

/**
 * The capacity engine bound to the host's storage callbacks.
 *
 * Created by `ct_engine_new`, released by `ct_engine_free`. Thread-safe: any number of
 * threads may call `ct_engine_*` functions on one engine at the same time. The storage
 * callbacks must then be thread-safe too, and concurrent writes of one document are kept
 * apart only by the `lock` / `unlock` callbacks (see `ct_storage`).
 * `ct_engine_free` must not run while another call on the same engine is in progress.
 */
typedef struct ct_engine ct_engine;

/**
 * An error returned by a `ct_` function: a numeric code (`CT_ERROR_*`), a UTF-8 message,
 * optionally the JSON field path at fault and, for conflicts, the stored revision.
 *
 * Owned by the caller, who releases it with `ct_error_free`. Immutable: it may be read
 * from several threads at once and freed on any thread.
 */
typedef struct ct_error ct_error;

/**
 * A multi-project report in compact form, from `ct_engine_multi_project_report_bulk`:
 * arrays of plain structs over its buckets, rows and cells, and the documented JSON on
 * request (`ct_multi_report_to_json`). An instance-wide report has a million cells; their
 * JSON would be some hundred megabytes.
 *
 * Released with `ct_multi_report_free`. Immutable: it may be read from several threads at
 * once and freed on any thread. Every pointer it gives is valid until it is freed.
 */
typedef struct ct_multi_report ct_multi_report;

/**
 * What a storage callback hands back besides its status: `get`'s value and any callback's
 * error message. Owned by the library; valid only during the callback it was passed to.
 */
typedef struct ct_storage_reply ct_storage_reply;

/**
 * A person work items are assigned to: their account key, UTF-8, `account_key_len` bytes,
 * no NUL needed. Items name people by their position in the array of people.
 */
typedef struct ct_person {
    const char *account_key;
    size_t account_key_len;
} ct_person;

/**
 * A work item of an iteration report (a Jira issue or sub-task), as the JSON request's
 * `items[]` describe it (docs/json-api.md).
 *
 * An estimate counts only when its `CT_ITEM_HAS_*` flag is set; otherwise its field is
 * ignored (set it to 0). Estimates are checked as in JSON: seconds 0 to 315360000, points
 * and custom values 0 to 100000 and finite.
 */
typedef struct ct_work_item {
    /**
     * The item's key (`DEMO-12`), UTF-8, `key_len` bytes: 1 to 255 characters, unique.
     */
    const char *key;
    size_t key_len;
    /**
     * Index into the people, or `CT_NO_INDEX` when unassigned.
     */
    uint32_t assignee;
    /**
     * Index of the parent item, or `CT_NO_INDEX`.
     */
    uint32_t parent;
    /**
     * `CT_ITEM_*` bits; the others must be 0.
     */
    uint32_t flags;
    /**
     * Must be 0.
     */
    uint32_t reserved;
    int64_t remaining_seconds;
    int64_t original_seconds;
    double story_points;
    /**
     * The board's custom estimate field, in the board's unit.
     */
    double custom_estimate;
} ct_work_item;

/**
 * A work item of a multi-project report: its board and iteration by position in the
 * request's `boards` and that board's `iterations`. It has no key (the report lists none).
 * Fields otherwise as `ct_work_item`; a parent must be in the same board and iteration.
 */
typedef struct ct_multi_item {
    uint32_t board;
    uint32_t iteration;
    /**
     * Index into the people, or `CT_NO_INDEX` when unassigned.
     */
    uint32_t assignee;
    /**
     * Index of the parent item, or `CT_NO_INDEX`.
     */
    uint32_t parent;
    /**
     * `CT_ITEM_*` bits; the others must be 0.
     */
    uint32_t flags;
    /**
     * Must be 0.
     */
    uint32_t reserved;
    int64_t remaining_seconds;
    int64_t original_seconds;
    double story_points;
    double custom_estimate;
} ct_multi_item;

/**
 * Text held by a `ct_multi_report`: UTF-8, `len` bytes, NOT NUL-terminated; valid until
 * the report is freed.
 */
typedef struct ct_text {
    const char *data;
    size_t len;
} ct_text;

/**
 * A calendar date.
 */
typedef struct ct_date {
    int32_t year;
    /**
     * 1 to 12.
     */
    uint32_t month;
    /**
     * 1 to 31.
     */
    uint32_t day;
} ct_date;

/**
 * A bucket of the report's period: its label (`2026-W05`, `2026-02`, `2026-Q1`) and its
 * first and last date within the period.
 */
typedef struct ct_multi_bucket {
    struct ct_text label;
    struct ct_date first;
    struct ct_date last;
} ct_multi_bucket;

/**
 * A cell's numbers in base units (`ct_multi_report_unit`): free capacity is
 * `capacity - workload`; `ct_multi_report_status` gives utilisation and status.
 */
typedef struct ct_multi_cell {
    int64_t capacity;
    int64_t workload;
} ct_multi_cell;

/**
 * A row: its key (account key, role name or board id, by the report's grouping) and its
 * total over the period. Its cells are `ct_multi_report_cells`' row `r`.
 */
typedef struct ct_multi_row {
    struct ct_text key;
    struct ct_multi_cell total;
} ct_multi_row;

/**
 * A person allocated above 100 % across boards in each bucket from `first_bucket` to
 * `last_bucket` (indices into the buckets): `allocation` percent at most (the highest sum
 * of their allocations on a day of each), on the boards `boards[0..boards_len]` (indices
 * into `ct_multi_report_boards`).
 */
typedef struct ct_over_allocation {
    struct ct_text account_key;
    uint32_t first_bucket;
    uint32_t last_bucket;
    double allocation;
    const uint32_t *boards;
    size_t boards_len;
} ct_over_allocation;

/**
 * A warning of the report: its code (`boardWithoutTeam`, `holidayCalendarMissing`,
 * `overAllocated`) and message, as in the JSON.
 */
typedef struct ct_warning {
    struct ct_text code;
    struct ct_text message;
} ct_warning;

/**
 * Reads the value stored under a key.
 *
 * `key` is UTF-8, `key_len` bytes long and NOT NUL-terminated. On success call
 * `ct_storage_reply_set_value(reply, value, value_len)` (the value is copied) and return
 * `CT_STORAGE_OK`; return `CT_STORAGE_NOT_FOUND` when nothing is stored under the key;
 * on failure return `CT_STORAGE_ERROR`, ideally after `ct_storage_reply_set_error`.
 * `key` and `reply` are valid only until the callback returns.
 */
typedef uint32_t (*ct_storage_get_fn)(void *userdata,
                                      const char *key,
                                      size_t key_len,
                                      struct ct_storage_reply *reply);

/**
 * Stores a value under a key, replacing any previous value, and returns `CT_STORAGE_OK`,
 * or `CT_STORAGE_ERROR` (with `ct_storage_reply_set_error`) leaving the old value in place.
 *
 * `key` and `value` are UTF-8, NOT NUL-terminated, and valid only until the callback
 * returns: copy them. Keys are at most 100 characters and values at most 99,000 characters
 * (Jira's `PluginSettings` limits); the engine splits larger documents itself.
 */
typedef uint32_t (*ct_storage_put_fn)(void *userdata,
                                      const char *key,
                                      size_t key_len,
                                      const char *value,
                                      size_t value_len,
                                      struct ct_storage_reply *reply);

/**
 * Removes the value under a key. Returns `CT_STORAGE_OK` (or `CT_STORAGE_NOT_FOUND`: removing
 * an absent key is not an error), or `CT_STORAGE_ERROR` with `ct_storage_reply_set_error`.
 * `key` is UTF-8, NOT NUL-terminated, valid only until the callback returns.
 */
typedef uint32_t (*ct_storage_remove_fn)(void *userdata,
                                         const char *key,
                                         size_t key_len,
                                         struct ct_storage_reply *reply);

/**
 * Takes (`ct_storage.lock`) or releases (`ct_storage.unlock`) the named lock `name`
 * (UTF-8, `name_len` bytes, NOT NUL-terminated, valid only during the call).
 *
 * The engine takes a lock around each read-check-write of a document, so two writers of
 * the same document (two threads, or two nodes of a Jira Data Center cluster) cannot both
 * succeed from the same revision. `lock` waits until the lock is held by the calling
 * thread and returns `CT_STORAGE_OK`, or returns `CT_STORAGE_ERROR` (nothing is then
 * written). `unlock` is always called on the same thread after a successful `lock` of the
 * same name, also when the engine call fails; if `unlock` fails, the call reports
 * `CT_ERROR_STORAGE` even though the write it protected may have completed. Locks of
 * different names nest (a document's key, then the index's key); one call never takes a
 * name it already holds, so the host's locks need not be re-entrant.
 */
typedef uint32_t (*ct_storage_lock_fn)(void *userdata,
                                       const char *name,
                                       size_t name_len,
                                       struct ct_storage_reply *reply);

/**
 * The host's key-value store, as callbacks. The engine keeps nothing itself: every
 * document is read and written through these, keys prefixed `org.capacitytracker:`.
 *
 * Callback rules:
 * - `get`, `put` and `remove` are required. `lock` and `unlock` are optional but go
 *   together: leave both NULL only if one writer at a time can reach the storage (one
 *   thread, one node). Each callback receives `userdata` first, unchanged.
 * - They are called synchronously, on the thread that called the `ct_engine_*` function,
 *   only while that call runs; never afterwards, never from a thread of the library's own.
 * - When several threads call one engine at once, the callbacks run concurrently on those
 *   threads, so they (and whatever `userdata` points to) must be thread-safe.
 * - They must return normally: no C++ exception, `longjmp` or thread cancellation may
 *   leave them. They must not call `ct_engine_*` functions (no re-entrancy).
 * - A status other than the `CT_STORAGE_*` constants is treated as a failure.
 *
 * `ct_engine_new` copies this struct, so it may be discarded afterwards, but `userdata`
 * must stay valid until `ct_engine_free`.
 */
typedef struct ct_storage {
    /**
     * Passed unchanged as the first argument of every callback; may be NULL.
     */
    void *userdata;
    /**
     * Reads a value (required).
     */
    ct_storage_get_fn get;
    /**
     * Writes a value (required).
     */
    ct_storage_put_fn put;
    /**
     * Removes a value (required).
     */
    ct_storage_remove_fn remove;
    /**
     * Takes a named lock (optional, with `unlock`).
     */
    ct_storage_lock_fn lock;
    /**
     * Releases a named lock (optional, with `lock`).
     */
    ct_storage_lock_fn unlock;
} ct_storage;

/**
 * One member's figures, as `ct_engine_member_capacity` gives them. Capacity, remaining
 * capacity, workload and daily capacity are in base units (`unit`); dates are days since
 * 1970-01-01 in the board's time zone.
 */
typedef struct ct_member_capacity {
    /**
     * `CT_UNIT_HOURS` (minutes) or `CT_UNIT_STORY_POINTS` (hundredths of a point).
     */
    uint32_t unit;
    /**
     * Working days of the member in the iteration.
     */
    uint32_t working_days;
    int64_t capacity;
    /**
     * Whether the request had an `asOf` date, and so `remaining_capacity` is set.
     */
    bool has_remaining_capacity;
    /**
     * Capacity from `asOf` on; 0 when `has_remaining_capacity` is false.
     */
    int64_t remaining_capacity;
    /**
     * The request's items assigned to the member (0 when none were passed).
     */
    int64_t workload;
    int64_t daily_capacity;
    /**
     * Allocation in ten-thousandths (10000 = 100 %).
     */
    int64_t allocation;
    /**
     * Days off on working days, in ten-thousandths of a day.
     */
    int64_t days_off;
    int32_t first_date;
    int32_t last_date;
    /**
     * Whether `as_of` is set.
     */
    bool has_as_of;
    int32_t as_of;
} ct_member_capacity;

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * The buffer's bytes: UTF-8 JSON, `ct_buffer_len(buffer)` bytes long and followed by a NUL
 * (JSON text never contains a raw NUL, so it is also a C string). Valid until
 * `ct_buffer_free(buffer)`. NULL for a NULL `buffer`.
 *
 * ```c
 * printf("%.*s\n", (int)ct_buffer_len(out), ct_buffer_data(out));
 * ```
 *
 * # Safety
 * `buffer` must be NULL or a live `ct_buffer`.
 */
const char *ct_buffer_data(const struct ct_buffer *buffer);

/**
 * The buffer's length in bytes, without the terminating NUL; 0 for a NULL `buffer`.
 *
 * # Safety
 * `buffer` must be NULL or a live `ct_buffer`.
 */
size_t ct_buffer_len(const struct ct_buffer *buffer);

/**
 * Releases a buffer. `ct_buffer_free(NULL)` does nothing.
 *
 * # Safety
 * `buffer` must be NULL or a `ct_buffer` returned by this library and not yet freed.
 */
void ct_buffer_free(struct ct_buffer *buffer);

/**
 * Computes an iteration report over work items given as arrays, with the same result as
 * `ct_engine_iteration_report` on the same data: the document (docs/json-api.md,
 * "Iteration report") in a new buffer in `*out`.
 *
 * `request_json` is an iteration report request without items (`"items"` absent or
 * empty). `people[0..people_len]` are the assignees, each named once; `items[0..items_len]`
 * name them by index. Either array may be NULL when its length is 0.
 *
 * Errors: NULL pointers, invalid UTF-8 and impossible lengths are `CT_ERROR_INVALID_ARGUMENT`
 * naming the parameter or element (`items[3].key: is not valid UTF-8 ...`); bad values are
 * `CT_ERROR_VALIDATION` naming the field: `items[3].assignee` (index out of range),
 * `items[3].parent`, `items[3].remaining_seconds` (out of range), `items[3].flags`
 * (undefined bits), `items[3].key` (empty or repeated), `people[2]` (repeated), `items`
 * (items in the request). On failure `*out` is untouched.
 *
 * ```c
 * ct_person people[] = {{"alice", 5}, {"bob", 3}};
 * ct_work_item items[] = {
 *     {"DEMO-1", 6, 0, CT_NO_INDEX, CT_ITEM_HAS_REMAINING, 0, 7200, 0, 0, 0},
 *     {"DEMO-2", 6, 1, 0, CT_ITEM_SUBTASK | CT_ITEM_HAS_REMAINING, 0, 3600, 0, 0, 0},
 * };
 * const char *request = "{\"boardId\":\"1\",\"iteration\":{\"start\":\"2026-11-30\",\"end\":\"2026-12-11\"}}";
 * ct_buffer *report = NULL;
 * ct_error *err = ct_engine_iteration_report_bulk(engine, request, strlen(request), people, 2, items, 2, &report);
 * ```
 *
 * # Safety
 * `engine` must be NULL or a live engine; `request_json` NULL or readable for its length;
 * `people` NULL or `people_len` readable `ct_person` whose keys are readable for their
 * lengths; `items` likewise; `out` NULL or writable. Nothing is kept after the call returns.
 */
struct ct_error *ct_engine_iteration_report_bulk(const struct ct_engine *engine,
                                                 const char *request_json,
                                                 size_t request_json_len,
                                                 const struct ct_person *people,
                                                 size_t people_len,
                                                 const struct ct_work_item *items,
                                                 size_t items_len,
                                                 struct ct_buffer **out);

/**
 * Computes a multi-project report over work items given as arrays: a new
 * `ct_multi_report` in `*out`, whose JSON (`ct_multi_report_to_json`) is what
 * `ct_engine_multi_project_report` gives on the same data.
 *
 * `request_json` is a multi-project request (`reportId` or `definition`, and `boards` with
 * their `iterations`) whose iterations carry no items. `items[i].board` and
 * `items[i].iteration` place each item in one of them, by position. The items are read in
 * place, not copied. Errors as for `ct_engine_iteration_report_bulk`, and
 * `items[3].board`, `items[3].iteration` out of range, `items[3].parent` in another board
 * or iteration, `boards[0].iterations[1].items` (items in the request).
 *
 * ```c
 * ct_multi_report *report = NULL;
 * ct_error *err = ct_engine_multi_project_report_bulk(engine, request, request_len,
 *                                                     people, people_len, items, items_len, &report);
 * if (err == NULL) {
 *     const ct_multi_row *rows;
 *     const ct_multi_cell *cells;
 *     size_t row_count = ct_multi_report_rows(report, &rows);
 *     size_t buckets = ct_multi_report_buckets(report, NULL);
 *     ct_multi_report_cells(report, &cells);
 *     for (size_t r = 0; r < row_count; r++)
 *         printf("%.*s: %lld in the first bucket\n", (int)rows[r].key.len, rows[r].key.data,
 *                (long long)cells[r * buckets].capacity);
 *     ct_multi_report_free(report);
 * }
 * ```
 *
 * # Safety
 * `engine` must be NULL or a live engine; `request_json` NULL or readable for its length;
 * `people` NULL or `people_len` readable `ct_person` whose keys are readable for their
 * lengths; `items` NULL or `items_len` readable `ct_multi_item`; `out` NULL or writable.
 * Nothing is kept after the call returns.
 */
struct ct_error *ct_engine_multi_project_report_bulk(const struct ct_engine *engine,
                                                     const char *request_json,
                                                     size_t request_json_len,
                                                     const struct ct_person *people,
                                                     size_t people_len,
                                                     const struct ct_multi_item *items,
                                                     size_t items_len,
                                                     struct ct_multi_report **out);

/**
 * The report's boards, as ids: the definition's, then the request's others. Stores the
 * array in `*boards_out` (unless NULL) and returns its length.
 *
 * # Safety
 * `report` must be NULL or a live report; `boards_out` NULL or writable.
 */
size_t ct_multi_report_boards(const struct ct_multi_report *report,
                              const struct ct_text **boards_out);

/**
 * The buckets of the period, in order. Stores the array in `*buckets_out` (unless NULL)
 * and returns its length.
 *
 * # Safety
 * `report` must be NULL or a live report; `buckets_out` NULL or writable.
 */
size_t ct_multi_report_buckets(const struct ct_multi_report *report,
                               const struct ct_multi_bucket **buckets_out);

/**
 * The rows, in report order (sorted by key, or the boards' order). Stores the array in
 * `*rows_out` (unless NULL) and returns its length.
 *
 * # Safety
 * `report` must be NULL or a live report; `rows_out` NULL or writable.
 */
size_t ct_multi_report_rows(const struct ct_multi_report *report,
                            const struct ct_multi_row **rows_out);

/**
 * Every cell, row after row: row `r`'s cell in bucket `b` is at `r * buckets + b`. Stores
 * the array in `*cells_out` (unless NULL) and returns its length (rows × buckets).
 *
 * # Safety
 * `report` must be NULL or a live report; `cells_out` NULL or writable.
 */
size_t ct_multi_report_cells(const struct ct_multi_report *report,
                             const struct ct_multi_cell **cells_out);

/**
 * Each bucket over every row. Stores the array in `*totals_out` (unless NULL) and
 * returns its length (the number of buckets).
 *
 * # Safety
 * `report` must be NULL or a live report; `totals_out` NULL or writable.
 */
size_t ct_multi_report_totals(const struct ct_multi_report *report,
                              const struct ct_multi_cell **totals_out);

/**
 * The over-allocations, by person (sorted), then bucket; each covers a run of buckets
 * where it is the same (the JSON lists it once per bucket). Stores the array in
 * `*over_allocations_out` (unless NULL) and returns its length.
 *
 * # Safety
 * `report` must be NULL or a live report; `over_allocations_out` NULL or writable.
 */
size_t ct_multi_report_over_allocations(const struct ct_multi_report *report,
                                        const struct ct_over_allocation **over_allocations_out);

/**
 * The warnings. Stores the array in `*warnings_out` (unless NULL) and returns its length.
 *
 * # Safety
 * `report` must be NULL or a live report; `warnings_out` NULL or writable.
 */
size_t ct_multi_report_warnings(const struct ct_multi_report *report,
                                const struct ct_warning **warnings_out);

/**
 * The unit of every number: `CT_UNIT_HOURS` (base unit: minutes) or
 * `CT_UNIT_STORY_POINTS` (hundredths); `CT_UNIT_HOURS` for NULL.
 *
 * # Safety
 * `report` must be NULL or a live report.
 */
uint32_t ct_multi_report_unit(const struct ct_multi_report *report);

/**
 * What the rows are: `CT_GROUPING_PERSON`, `CT_GROUPING_ROLE` or `CT_GROUPING_BOARD`;
 * `CT_GROUPING_PERSON` for NULL.
 *
 * # Safety
 * `report` must be NULL or a live report.
 */
uint32_t ct_multi_report_grouping(const struct ct_multi_report *report);

/**
 * The status of a cell (`CT_STATUS_*`) as the report judges it, and its utilisation in
 * percent with one decimal in `*utilisation_out` (unless NULL); with no capacity the
 * status is `CT_STATUS_NO_CAPACITY` and `*utilisation_out` is left untouched (the JSON
 * has null). `CT_STATUS_NO_CAPACITY` for a NULL `report`.
 *
 * # Safety
 * `report` must be NULL or a live report; `utilisation_out` NULL or writable.
 */
uint32_t ct_multi_report_status(const struct ct_multi_report *report,
                                struct ct_multi_cell cell,
                                double *utilisation_out);

/**
 * The report as the JSON document `ct_engine_multi_project_report` gives (docs/json-api.md),
 * in a new buffer in `*out`. Beware its size for an instance-wide report.
 *
 * # Safety
 * `report` must be NULL or a live report; `out` NULL or writable.
 */
struct ct_error *ct_multi_report_to_json(const struct ct_multi_report *report,
                                         struct ct_buffer **out);

/**
 * Releases a report. `ct_multi_report_free(NULL)` does nothing.
 *
 * # Safety
 * `report` must be NULL or a report returned by this library and not yet freed.
 */
void ct_multi_report_free(struct ct_multi_report *report);

/**
 * Creates an engine over the host's storage callbacks.
 *
 * `storage` is copied; its `userdata` must stay valid until `ct_engine_free`. On success
 * stores the new engine in `*engine_out` and returns NULL; on failure (NULL `storage`,
 * NULL callback, NULL `engine_out`: `CT_ERROR_INVALID_ARGUMENT`) leaves `*engine_out`
 * untouched and returns the error.
 *
 * ```c
 * ct_storage storage = { &my_store, my_get, my_put, my_remove, my_lock, my_unlock };
 * ct_engine *engine = NULL;
 * ct_error *err = ct_engine_new(&storage, &engine);
 * if (err != NULL) {
 *     size_t len;
 *     const char *msg = ct_error_message(err, &len);
 *     fprintf(stderr, "capacity tracker: %.*s\n", (int)len, msg);
 *     ct_error_free(err);
 *     return;
 * }
 * ... ct_engine_get_board_settings(engine, "42", 2, &out) ...
 * ct_engine_free(engine);
 * ```
 *
 * # Safety
 * `storage` must be NULL or a valid `ct_storage` whose callbacks follow its rules;
 * `engine_out` must be NULL or writable.
 */
struct ct_error *ct_engine_new(const struct ct_storage *storage, struct ct_engine **engine_out);

/**
 * Releases an engine. `ct_engine_free(NULL)` does nothing. No callback runs after it
 * returns; the host may then release `userdata`.
 *
 * # Safety
 * `engine` must be NULL or an engine from `ct_engine_new`, not yet freed, with no call on
 * it in progress.
 */
void ct_engine_free(struct ct_engine *engine);

/**
 * Sets how many threads the engine's reports may compute on, the caller's included:
 * 1 keeps every computation on the caller's thread; 2 (the default) lets a multi-project
 * report over 50,000 items or more check and count them on one helper thread as well,
 * with the same result. Storage callbacks are always called on the caller's thread.
 * Other values, or a NULL `engine`, are `CT_ERROR_INVALID_ARGUMENT`. Safe to call while
 * other threads use the engine; reports already running keep the setting they began with.
 *
 * ```c
 * ct_error *err = ct_engine_set_threads(engine, 1);
 * ```
 *
 * # Safety
 * `engine` must be NULL or a live engine.
 */
struct ct_error *ct_engine_set_threads(const struct ct_engine *engine, size_t threads);

/**
 * The library's version (`"0.1.0"`): a static NUL-terminated string, never freed.
 *
 * ```c
 * printf("capacity tracker %s\n", ct_version());
 * ```
 */
const char *ct_version(void);

/**
 * The error's code, one of the `CT_ERROR_*` constants.
 *
 * `ct_error_code(NULL)` is `CT_ERROR_OK`, so the result of any call can be tested directly:
 *
 * ```c
 * ct_error *err = ct_engine_get_days_off(engine, "alice", 5, &out);
 * if (ct_error_code(err) == CT_ERROR_CONFLICT) { ... }
 * ct_error_free(err);
 * ```
 *
 * # Safety
 * `error` must be NULL or a live `ct_error`.
 */
uint32_t ct_error_code(const struct ct_error *error);

/**
 * The error's message: UTF-8, starting with the field path or parameter name when there is
 * one (`members[3].dailyCapacity: must be between 0 and 24 hours, got 25`).
 *
 * Stores the length in bytes, without the terminating NUL, in `*len_out` unless `len_out`
 * is NULL. The text is also NUL-terminated, but it holds an embedded NUL if the input it
 * quotes did (a JSON `\u0000`), so prefer the length. Valid until `ct_error_free(error)`.
 * For a NULL `error`, gives the empty string.
 *
 * # Safety
 * `error` must be NULL or a live `ct_error`; `len_out` must be NULL or writable.
 */
const char *ct_error_message(const struct ct_error *error, size_t *len_out);

/**
 * The JSON field path at fault (`members[3].dailyCapacity`), NUL-terminated, or NULL when
 * the error names no field (conflicts, storage errors, invalid arguments, NULL `error`).
 *
 * Stores the length in bytes, without the NUL, in `*len_out` unless `len_out` is NULL
 * (0 when there is no field). Valid until `ct_error_free(error)`.
 *
 * # Safety
 * `error` must be NULL or a live `ct_error`; `len_out` must be NULL or writable.
 */
const char *ct_error_field(const struct ct_error *error, size_t *len_out);

/**
 * For a `CT_ERROR_CONFLICT` error: returns true and stores the revision currently stored
 * in `*revision_out` (unless `revision_out` is NULL). Read the document again at that
 * revision before retrying the write. Returns false, writing nothing, for any other error
 * and for NULL.
 *
 * # Safety
 * `error` must be NULL or a live `ct_error`; `revision_out` must be NULL or writable.
 */
bool ct_error_current_revision(const struct ct_error *error, uint64_t *revision_out);

/**
 * Releases an error. `ct_error_free(NULL)` does nothing.
 *
 * # Safety
 * `error` must be NULL or a `ct_error` returned by this library and not yet freed.
 */
void ct_error_free(struct ct_error *error);

/**
 * Reads a board's settings (docs/json-api.md, "Board settings"). `board_id`: 1–40
 * characters of `A-Z a-z 0-9 _ -`. A board never stored gives its defaults at revision 0.
 *
 * ```c
 * ct_buffer *settings = NULL;
 * ct_error *err = ct_engine_get_board_settings(engine, "42", 2, &settings);
 * if (err == NULL) {
 *     use_json(ct_buffer_data(settings), ct_buffer_len(settings));
 *     ct_buffer_free(settings);
 * }
 * ct_error_free(err);
 * ```
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_board_settings(const struct ct_engine *engine,
                                              const char *board_id,
                                              size_t board_id_len,
                                              struct ct_buffer **out);

/**
 * Writes a board's settings. `settings_json` carries the `revision` it was read at (0 for a
 * new board). Gives the stored document (normalised, revision + 1). A stale revision is
 * `CT_ERROR_CONFLICT` (see `ct_error_current_revision`) and writes nothing; a bad document
 * is `CT_ERROR_VALIDATION` naming the field; a failing callback is `CT_ERROR_STORAGE` and
 * leaves the stored document as it was.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_board_settings(const struct ct_engine *engine,
                                              const char *board_id,
                                              size_t board_id_len,
                                              const char *settings_json,
                                              size_t settings_json_len,
                                              struct ct_buffer **out);

/**
 * Reads a Kanban board's saved date ranges (docs/json-api.md, "Kanban boards"): named
 * periods the board plans against. None stored gives an empty list at revision 0.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_board_ranges(const struct ct_engine *engine,
                                            const char *board_id,
                                            size_t board_id_len,
                                            struct ct_buffer **out);

/**
 * Writes a board's date ranges (the whole list), sent with the `revision` read. A stale
 * revision is `CT_ERROR_CONFLICT` and writes nothing; a bad range is `CT_ERROR_VALIDATION`
 * naming the field (`ranges[1].end`).
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_board_ranges(const struct ct_engine *engine,
                                            const char *board_id,
                                            size_t board_id_len,
                                            const char *ranges_json,
                                            size_t ranges_json_len,
                                            struct ct_buffer **out);

/**
 * Reads a person's days off (shared by every board; docs/json-api.md, "Days off").
 * `account_key`: the person's account key. None stored gives an empty document at
 * revision 0.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_days_off(const struct ct_engine *engine,
                                        const char *account_key,
                                        size_t account_key_len,
                                        struct ct_buffer **out);

/**
 * Writes a person's days off against the revision read; gives the stored document.
 * Errors as for `ct_engine_put_board_settings`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_days_off(const struct ct_engine *engine,
                                        const char *account_key,
                                        size_t account_key_len,
                                        const char *days_off_json,
                                        size_t days_off_json_len,
                                        struct ct_buffer **out);

/**
 * Computes an iteration's capacity report from `request_json` (board id, iteration, work
 * items; docs/json-api.md, "Iteration report request"). Reads the board's settings, its
 * members' days off and the iteration's team changes; writes nothing.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_iteration_report(const struct ct_engine *engine,
                                            const char *request_json,
                                            size_t request_json_len,
                                            struct ct_buffer **out);

/**
 * Reads one iteration's team changes (members added, removed or changed for that iteration
 * only). None stored gives an empty document at revision 0.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_iteration_team(const struct ct_engine *engine,
                                              const char *board_id,
                                              size_t board_id_len,
                                              const char *iteration_id,
                                              size_t iteration_id_len,
                                              struct ct_buffer **out);

/**
 * Writes one iteration's team changes against the revision read; gives the stored
 * document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_iteration_team(const struct ct_engine *engine,
                                              const char *board_id,
                                              size_t board_id_len,
                                              const char *iteration_id,
                                              size_t iteration_id_len,
                                              const char *team_json,
                                              size_t team_json_len,
                                              struct ct_buffer **out);

/**
 * Copies one iteration's team changes to another ("same team as last sprint"):
 * `{"boardId", "fromIterationId", "toIterationId", "revision"}` with the target's revision
 * read. Gives the target's stored document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_copy_iteration_team(const struct ct_engine *engine,
                                               const char *request_json,
                                               size_t request_json_len,
                                               struct ct_buffer **out);

/**
 * Reads a team template; an unknown id is `CT_ERROR_NOT_FOUND` naming `templateId` (a
 * malformed one `CT_ERROR_VALIDATION`).
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_template(const struct ct_engine *engine,
                                        const char *template_id,
                                        size_t template_id_len,
                                        struct ct_buffer **out);

/**
 * Writes a team template against the revision read; gives the stored document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_template(const struct ct_engine *engine,
                                        const char *template_id,
                                        size_t template_id_len,
                                        const char *template_json,
                                        size_t template_json_len,
                                        struct ct_buffer **out);

/**
 * Removes a team template. Returns NULL on success (also when there was none).
 *
 * # Safety
 * `engine` must be NULL or a live engine and each string NULL or readable for its length
 * (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_remove_template(const struct ct_engine *engine,
                                           const char *template_id,
                                           size_t template_id_len);

/**
 * Lists every template: `[{"id", "name"}]`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_list_templates(const struct ct_engine *engine, struct ct_buffer **out);

/**
 * Applies a template to a board's team, or to one iteration's team:
 * `{"templateId", "boardId", "iterationId"?, "revision"}`. Gives
 * `{"added", "changed", "unchanged", "leftAlone", "document"}` with the stored document.
 * An unknown template is `CT_ERROR_NOT_FOUND` naming `templateId`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_apply_template(const struct ct_engine *engine,
                                          const char *request_json,
                                          size_t request_json_len,
                                          struct ct_buffer **out);

/**
 * Reads a shared holiday calendar; an unknown id is `CT_ERROR_NOT_FOUND` naming
 * `calendarId`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_calendar(const struct ct_engine *engine,
                                        const char *calendar_id,
                                        size_t calendar_id_len,
                                        struct ct_buffer **out);

/**
 * Writes a shared holiday calendar against the revision read; gives the stored document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_calendar(const struct ct_engine *engine,
                                        const char *calendar_id,
                                        size_t calendar_id_len,
                                        const char *calendar_json,
                                        size_t calendar_json_len,
                                        struct ct_buffer **out);

/**
 * Removes a shared holiday calendar. Returns NULL on success.
 *
 * # Safety
 * `engine` must be NULL or a live engine and each string NULL or readable for its length
 * (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_remove_calendar(const struct ct_engine *engine,
                                           const char *calendar_id,
                                           size_t calendar_id_len);

/**
 * Lists every holiday calendar: `[{"id", "name"}]`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_list_calendars(const struct ct_engine *engine, struct ct_buffer **out);

/**
 * Reads a saved multi-project report definition; an unknown id is `CT_ERROR_NOT_FOUND`
 * naming `reportId`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_report_definition(const struct ct_engine *engine,
                                                 const char *report_id,
                                                 size_t report_id_len,
                                                 struct ct_buffer **out);

/**
 * Writes a multi-project report definition against the revision read; gives the stored
 * document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_report_definition(const struct ct_engine *engine,
                                                 const char *report_id,
                                                 size_t report_id_len,
                                                 const char *definition_json,
                                                 size_t definition_json_len,
                                                 struct ct_buffer **out);

/**
 * Removes a multi-project report definition. Returns NULL on success.
 *
 * # Safety
 * `engine` must be NULL or a live engine and each string NULL or readable for its length
 * (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_remove_report_definition(const struct ct_engine *engine,
                                                    const char *report_id,
                                                    size_t report_id_len);

/**
 * Lists every multi-project report definition: `[{"id", "name"}]`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_list_report_definitions(const struct ct_engine *engine,
                                                   struct ct_buffer **out);

/**
 * Computes a multi-project report: `{"reportId"}` or `{"definition"}`, plus each board's
 * iterations with their items (docs/json-api.md, "Multi-project report definitions").
 * Writes nothing.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_multi_project_report(const struct ct_engine *engine,
                                                const char *request_json,
                                                size_t request_json_len,
                                                struct ct_buffer **out);

/**
 * Reads the permissions document (disabled, at revision 0, until one is stored).
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_get_permissions(const struct ct_engine *engine, struct ct_buffer **out);

/**
 * Writes the permissions document against the revision read; gives the stored document.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_put_permissions(const struct ct_engine *engine,
                                           const char *permissions_json,
                                           size_t permissions_json_len,
                                           struct ct_buffer **out);

/**
 * Answers an access question against the stored permissions:
 * `{"user", "groups", "admin", "action", "boardId", "accountKey"}` gives
 * `{"allowed", "reason"}`. The actions `readDaysOff` and `writeDaysOff` take the person's
 * `accountKey`: their own days off are always theirs; anyone else's only for a board
 * (`boardId`) they are a member of, as reading or writing that board allows.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_check_access(const struct ct_engine *engine,
                                        const char *query_json,
                                        size_t query_json_len,
                                        struct ct_buffer **out);

/**
 * Everything stored about one person, as one JSON document (privacy: right of access).
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_export_user(const struct ct_engine *engine,
                                       const char *account_key,
                                       size_t account_key_len,
                                       struct ct_buffer **out);

/**
 * Removes one person from every board, iteration team, template, days-off entry and
 * permission list; gives what was removed. Running it again removes nothing more.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_forget_user(const struct ct_engine *engine,
                                       const char *account_key,
                                       size_t account_key_len,
                                       struct ct_buffer **out);

/**
 * What categories of personal data are stored, and where.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_data_inventory(const struct ct_engine *engine, struct ct_buffer **out);

/**
 * Every stored document as one JSON export (backup, or moving between instances).
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_export_all(const struct ct_engine *engine, struct ct_buffer **out);

/**
 * Imports an export: `{"mode": "empty" | "merge", "export": {...}}`. Every document is
 * validated before anything is written; `empty` refuses storage that already holds
 * documents; `merge` writes what is missing and lists what differs under `conflicts`
 * without overwriting it. Gives `{"written", "unchanged", "conflicts"}`.
 *
 * On success stores the result in a new buffer in `*out` and returns NULL; on failure
 * leaves `*out` untouched and returns the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable (see the conventions at the top of the header).
 */
struct ct_error *ct_engine_import_all(const struct ct_engine *engine,
                                      const char *request_json,
                                      size_t request_json_len,
                                      struct ct_buffer **out);

/**
 * One member's figures over one iteration: `request_json` is an iteration report request
 * (docs/json-api.md, "Iteration report"; `items` may be empty), `account_key` the member.
 * The numbers are that member's row of the report. A key not on the iteration's team is
 * `CT_ERROR_NOT_FOUND` naming `accountKey`.
 *
 * ```c
 * ct_member_capacity figures;
 * ct_error *err = ct_engine_member_capacity(engine, req, req_len, "alice", 5, &figures);
 * ```
 *
 * On success fills `*out` and returns NULL; on failure leaves `*out` untouched and returns
 * the error.
 *
 * # Safety
 * `engine` must be NULL or a live engine, each string NULL or readable for its length,
 * and `out` NULL or writable.
 */
struct ct_error *ct_engine_member_capacity(const struct ct_engine *engine,
                                           const char *request_json,
                                           size_t request_json_len,
                                           const char *account_key,
                                           size_t account_key_len,
                                           struct ct_member_capacity *out);

/**
 * Delivers the value found by a `get` callback (copied; UTF-8, `value_len` bytes, no NUL
 * needed). Call it at most once per reply; a second call replaces the first value.
 *
 * Returns NULL on success, or a `CT_ERROR_INVALID_ARGUMENT` error (to free with
 * `ct_error_free`) when `reply` or `value` is NULL or `value` is not valid UTF-8; the
 * engine call then fails with `CT_ERROR_STORAGE` even if the callback returns
 * `CT_STORAGE_OK`.
 *
 * ```c
 * static uint32_t my_get(void *userdata, const char *key, size_t key_len, ct_storage_reply *reply) {
 *     const struct entry *e = lookup(userdata, key, key_len);
 *     if (e == NULL) return CT_STORAGE_NOT_FOUND;
 *     ct_error_free(ct_storage_reply_set_value(reply, e->value, e->value_len));
 *     return CT_STORAGE_OK;
 * }
 * ```
 *
 * # Safety
 * `reply` must be NULL or the reply passed to the running callback; `value` must be NULL or
 * point to `value_len` readable bytes.
 */
struct ct_error *ct_storage_reply_set_value(struct ct_storage_reply *reply,
                                            const char *value,
                                            size_t value_len);

/**
 * Sets the message explaining why a callback returns `CT_STORAGE_ERROR` (copied; UTF-8,
 * `message_len` bytes, no NUL needed). The engine call's `CT_ERROR_STORAGE` error then
 * carries it: `storage: <message>`.
 *
 * Returns NULL on success, or a `CT_ERROR_INVALID_ARGUMENT` error (to free with
 * `ct_error_free`) when `reply` or `message` is NULL or `message` is not valid UTF-8.
 *
 * # Safety
 * `reply` must be NULL or the reply passed to the running callback; `message` must be NULL
 * or point to `message_len` readable bytes.
 */
struct ct_error *ct_storage_reply_set_error(struct ct_storage_reply *reply,
                                            const char *message,
                                            size_t message_len);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* CAPACITY_TRACKER_H */
