package com.atlassian.activeobjects.external;

import com.atlassian.sal.api.transaction.TransactionCallback;
import java.util.Map;
import net.java.ao.Query;
import net.java.ao.RawEntity;

/**
 * The members of Active Objects' {@code com.atlassian.activeobjects.external.ActiveObjects}
 * the plugin uses, with their exact signatures (see STUB-SOURCES.md for the members left out).
 */
public interface ActiveObjects {
    @SuppressWarnings("unchecked")
    void migrate(Class<? extends RawEntity<?>>... entities);

    <T extends RawEntity<K>, K> T get(Class<T> type, K key);

    <T extends RawEntity<K>, K> T create(Class<T> type, Map<String, Object> params);

    void delete(RawEntity<?>... entities);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, Query query);

    <T extends RawEntity<K>, K> T[] find(Class<T> type, String criteria, Object... parameters);

    <K> int count(Class<? extends RawEntity<K>> type, Query query);

    <T> T executeInTransaction(TransactionCallback<T> callback);
}
