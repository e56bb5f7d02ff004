package com.atlassian.beehive;

import java.util.concurrent.locks.Lock;

/** A named lock from {@link ClusterLockService}; {@code newCondition()} is not supported. */
public interface ClusterLock extends Lock {
}
