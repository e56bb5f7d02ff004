package org.capacitytracker.host.db;

/** A database failure, unchecked so that it can cross SAL interfaces that declare none. */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
