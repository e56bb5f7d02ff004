package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.List;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.message.MessageCollection} (see STUB-SOURCES.md). */
public interface MessageCollection {
    void addMessage(String key, Serializable... arguments);

    void addMessage(Message message);

    void addAll(List<Message> messages);

    boolean isEmpty();

    List<Message> getMessages();
}
