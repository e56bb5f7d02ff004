package com.atlassian.sal.api.transaction;

/** Signature of SAL 6 {@code com.atlassian.sal.api.transaction.TransactionCallback} (see STUB-SOURCES.md). */
public interface TransactionCallback<T> {
    T doInTransaction();
}
