package com.atlassian.sal.api.user;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.user.UserResolutionException} (see STUB-SOURCES.md). */
public class UserResolutionException extends RuntimeException {
    public UserResolutionException(String message, Throwable cause) {
        super(message, cause);
    }

    public UserResolutionException(Throwable cause) {
        super(cause);
    }

    public UserResolutionException(String message) {
        super(message);
    }
}
