package com.atlassian.sal.api.message;

import java.io.Serializable;

/** An unresolved message: an i18n key and its arguments. */
public interface Message extends Serializable {
    String getKey();

    Serializable[] getArguments();
}
