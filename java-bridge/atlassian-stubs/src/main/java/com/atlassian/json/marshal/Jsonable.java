package com.atlassian.json.marshal;

import java.io.IOException;
import java.io.Writer;

/** Signature of atlassian-json-api {@code com.atlassian.json.marshal.Jsonable} (see STUB-SOURCES.md). */
public interface Jsonable {
    void write(Writer writer) throws IOException;
}
