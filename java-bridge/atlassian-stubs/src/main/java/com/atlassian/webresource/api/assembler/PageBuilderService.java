package com.atlassian.webresource.api.assembler;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.PageBuilderService} (see STUB-SOURCES.md). */
public interface PageBuilderService {
    WebResourceAssembler assembler();

    void seed(WebResourceAssembler assembler);
}
