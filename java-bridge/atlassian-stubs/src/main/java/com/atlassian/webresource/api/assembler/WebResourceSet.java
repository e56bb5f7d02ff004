package com.atlassian.webresource.api.assembler;

import com.atlassian.webresource.api.UrlMode;
import java.io.Writer;
import java.util.function.Predicate;

/** Signature of atlassian-plugins-webresource 7.0 {@code com.atlassian.webresource.api.assembler.WebResourceSet} (see STUB-SOURCES.md). */
public interface WebResourceSet {
    void writeHtmlTags(Writer writer, UrlMode urlMode);

    void writeHtmlTags(Writer writer, UrlMode urlMode, Predicate<WebResource> predicate);

    void writePrefetchLinks(Writer writer, UrlMode urlMode);

    Iterable<WebResource> getResources();

    <T extends WebResource> Iterable<T> getResources(Class<T> clazz);

    boolean isComplete();
}
