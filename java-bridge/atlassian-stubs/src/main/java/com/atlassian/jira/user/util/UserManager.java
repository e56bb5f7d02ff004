package com.atlassian.jira.user.util;

import com.atlassian.jira.user.ApplicationUser;

/** Signature of Jira 10.3 {@code com.atlassian.jira.user.util.UserManager}, members used only (see STUB-SOURCES.md). */
public interface UserManager {
    ApplicationUser getUserByKey(String userKey);
}
