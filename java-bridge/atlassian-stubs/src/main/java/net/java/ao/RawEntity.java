package net.java.ao;

import java.beans.PropertyChangeListener;

/** The members of Active Objects' {@code net.java.ao.RawEntity} the host implements (see STUB-SOURCES.md). */
public interface RawEntity<T> {
    void init();

    void save();

    <X extends RawEntity<T>> Class<X> getEntityType();

    void addPropertyChangeListener(PropertyChangeListener listener);

    void removePropertyChangeListener(PropertyChangeListener listener);
}
