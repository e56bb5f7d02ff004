package com.atlassian.webresource.api.assembler;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.WebResourceAssembler} (see STUB-SOURCES.md). */
public interface WebResourceAssembler {
    AssembledResources assembled();

    RequiredResources resources();

    RequiredData data();

    WebResourceAssembler copy();
}
