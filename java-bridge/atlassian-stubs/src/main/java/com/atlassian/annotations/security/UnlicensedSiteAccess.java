package com.atlassian.annotations.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Signature of atlassian-annotations 4.x {@code com.atlassian.annotations.security.UnlicensedSiteAccess} (see STUB-SOURCES.md). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface UnlicensedSiteAccess {
}
