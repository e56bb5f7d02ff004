package net.java.ao;

import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;

/** Signature of Active Objects' {@code net.java.ao.Entity}: an integer "ID" primary key (see STUB-SOURCES.md). */
public interface Entity extends RawEntity<Integer> {
    @AutoIncrement
    @NotNull
    @PrimaryKey("ID")
    int getID();
}
