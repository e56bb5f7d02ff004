package com.atlassian.beehive;

/**
 * Named cluster-wide locks (Jira Data Center: held across all nodes). Locks are not meant
 * to be re-entrant; names are up to 255 characters.
 */
public interface ClusterLockService {
    /** The lock for {@code lockName}; getting it does not acquire it. */
    ClusterLock getLockForName(String lockName);
}
