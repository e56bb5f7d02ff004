package net.java.ao.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Signature of Active Objects' {@code net.java.ao.schema.StringLength} (see STUB-SOURCES.md). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface StringLength {
    /** A text column with no length limit (CLOB/TEXT). */
    int UNLIMITED = -1;
    /** The longest bounded length AO allows (portable index limit). */
    int MAX_LENGTH = 450;

    int value();
}
