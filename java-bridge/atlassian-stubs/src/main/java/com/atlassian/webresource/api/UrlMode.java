package com.atlassian.webresource.api;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.UrlMode} (see STUB-SOURCES.md). */
public enum UrlMode {
    ABSOLUTE,
    RELATIVE,
    AUTO
}
