package com.atlassian.webresource.api.assembler.resource;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.resource.ResourcePhase} (see STUB-SOURCES.md). */
public enum ResourcePhase {
    INLINE,
    REQUIRE,
    INTERACTION;

    public static ResourcePhase defaultPhase() {
        throw new UnsupportedOperationException("stub: ResourcePhase.defaultPhase()");
    }
}
