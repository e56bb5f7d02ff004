package com.atlassian.sal.api.user;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.user.UserRole} (see STUB-SOURCES.md). */
public enum UserRole {
    USER,
    ADMIN,
    SYSADMIN
}
