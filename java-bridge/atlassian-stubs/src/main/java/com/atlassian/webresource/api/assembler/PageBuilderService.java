package com.atlassian.webresource.api.assembler;

/** Collects the web resources the current page needs; the decorator writes their tags. */
public interface PageBuilderService {
    WebResourceAssembler assembler();
}
