package com.atlassian.webresource.api.assembler;

import com.atlassian.webresource.api.assembler.resource.ResourcePhase;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.WebResource} (see STUB-SOURCES.md). */
public interface WebResource {
    default ResourcePhase getResourcePhase() {
        throw new UnsupportedOperationException("stub: WebResource.getResourcePhase()");
    }
}
