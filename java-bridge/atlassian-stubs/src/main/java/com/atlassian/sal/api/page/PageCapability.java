package com.atlassian.sal.api.page;

/** Signature of SAL 6.0 {@code com.atlassian.sal.api.page.PageCapability} (see STUB-SOURCES.md). */
public enum PageCapability {
    IFRAME
}
