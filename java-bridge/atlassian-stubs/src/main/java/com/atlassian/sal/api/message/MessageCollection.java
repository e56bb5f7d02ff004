package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.List;

/** Messages not resolved yet. */
public interface MessageCollection {
    void addMessage(String key, Serializable... arguments);

    void addMessage(Message message);

    void addAll(List<Message> messages);

    boolean isEmpty();

    List<Message> getMessages();
}
