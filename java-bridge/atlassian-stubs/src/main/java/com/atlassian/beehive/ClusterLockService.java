package com.atlassian.beehive;

/** Signature of Beehive 6.0 {@code com.atlassian.beehive.ClusterLockService} (see STUB-SOURCES.md). */
public interface ClusterLockService {
    ClusterLock getLockForName(String lockName);
}
