package com.atlassian.webresource.api.assembler;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.AssembledResources} (see STUB-SOURCES.md). */
public interface AssembledResources {
    WebResourceSet drainIncludedResources();

    WebResourceSet pollIncludedResources();

    WebResourceSet peek();

    @Deprecated
    default WebResourceSet drainIncludedSyncResources() {
        throw new UnsupportedOperationException("stub: AssembledResources.drainIncludedSyncResources()");
    }
}
