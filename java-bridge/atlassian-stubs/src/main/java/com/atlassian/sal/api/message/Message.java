package com.atlassian.sal.api.message;

import java.io.Serializable;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.message.Message} (see STUB-SOURCES.md). */
public interface Message extends Serializable {
    String getKey();

    Serializable[] getArguments();
}
