/*
 * The conformance vectors of tests/vectors (see its README) for the C programs that run
 * them: reading a vector's files, storing its documents through the C ABI, and comparing
 * a result with expected.json.
 */
#ifndef CT_TEST_VECTORS_H
#define CT_TEST_VECTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "capacity_tracker.h"

/* The file `file` of vector `name` in `dir`, NUL-terminated, or NULL; free() it. */
char *vector_file(const char *dir, const char *name, const char *file, size_t *len);

/* Stores the vector's documents through `engine`: board.json under `board_id` (when the
 * vector has one), each entry of days-off.json, then the setup.json steps in order. Every
 * failure is a failed check naming the vector; returns whether everything was stored. */
bool vector_setup(const ct_engine *engine, const char *dir, const char *name, const char *board_id);

/* {"error":{"code":N,"field":"..."|null}}, as the Rust runner renders an error; free() it. */
char *error_document(const ct_error *err, size_t *len_out);

/* Reports where two compacted documents first differ, with some context. */
void show_difference(const char *expected, size_t expected_len, const char *actual,
                     size_t actual_len);

/* Checks that `actual` equals `expected` after removing JSON whitespace outside strings,
 * showing the first difference otherwise. */
bool check_same_json(const char *name, const char *expected, size_t expected_len,
                     const char *actual, size_t actual_len);

/* The names of the vector directories in `dir`, sorted: returns their number (or -1 with
 * errno set) and the array in `*names_out`; free each name and the array. */
int vector_names(const char *dir, char ***names_out);

#endif
