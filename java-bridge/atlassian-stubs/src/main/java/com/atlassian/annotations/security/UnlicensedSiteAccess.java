package com.atlassian.annotations.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Platform 7 endpoint access: the annotated REST resource class or method admits logged-in users, licensed or (when the site allows limited unlicensed access) not. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PACKAGE})
public @interface UnlicensedSiteAccess {
}
