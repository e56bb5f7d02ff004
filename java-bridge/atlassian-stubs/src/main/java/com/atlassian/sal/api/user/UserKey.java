package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

/** Stable identifier of a user; unlike the username it never changes on rename. */
public final class UserKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String userkey;

    public UserKey(String userkey) {
        this.userkey = Objects.requireNonNull(userkey, "userkey");
    }

    public static UserKey fromLong(long userkey) {
        return new UserKey(String.valueOf(userkey));
    }

    public String getStringValue() {
        return userkey;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof UserKey && userkey.equals(((UserKey) o).userkey));
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }

    @Override
    public String toString() {
        return userkey;
    }
}
