package com.atlassian.beehive;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** Signature of Beehive 6.0 {@code com.atlassian.beehive.ClusterLock} (see STUB-SOURCES.md). */
public interface ClusterLock extends Lock {
    boolean isHeldByCurrentThread();

    @Override
    Condition newCondition();

    @Override
    void lockInterruptibly() throws InterruptedException;
}
