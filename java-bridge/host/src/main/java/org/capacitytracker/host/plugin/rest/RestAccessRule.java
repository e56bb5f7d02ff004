package org.capacitytracker.host.plugin.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call a REST resource method in Jira 10/11 ("secure endpoints by default"): the
 * access annotation on the method, else on its class, else on its package; none at all
 * means licensed users only. Annotations are recognised by name in Atlassian's package, so
 * the host needs no Atlassian jar.
 */
public enum RestAccessRule {
    /** Anyone, logged in or not. */
    UNRESTRICTED("UnrestrictedAccess"),
    /** Anonymous visitors when the site allows anonymous access, else as {@link #UNLICENSED_SITE}. */
    ANONYMOUS_SITE("AnonymousSiteAccess"),
    /** Logged-in users; unlicensed ones only where limited unlicensed access is on. */
    UNLICENSED_SITE("UnlicensedSiteAccess"),
    /** Logged-in users with a product license (the default). */
    LICENSED("LicensedOnly"),
    ADMIN("AdminOnly"),
    SYSTEM_ADMIN("SystemAdminOnly");

    /** The package Jira's access annotations live in. */
    public static final String ANNOTATION_PACKAGE = "com.atlassian.annotations.security";

    private final String annotationName;

    RestAccessRule(String annotationName) {
        this.annotationName = annotationName;
    }

    public String annotationName() {
        return ANNOTATION_PACKAGE + "." + annotationName;
    }

    /** The rule for a resource method, and where it came from (for the host's log). */
    public static RestAccessRule of(Method method, Class<?> resourceClass) {
        RestAccessRule rule = declaredOn(method);
        if (rule == null) {
            rule = declaredOn(resourceClass);
        }
        if (rule == null && resourceClass.getPackage() != null) {
            rule = declaredOn(resourceClass.getPackage());
        }
        return rule == null ? LICENSED : rule;
    }

    private static RestAccessRule declaredOn(AnnotatedElement element) {
        List<RestAccessRule> found = new ArrayList<>();
        for (Annotation a : element.getAnnotations()) {
            for (RestAccessRule rule : values()) {
                if (a.annotationType().getName().equals(rule.annotationName())) {
                    found.add(rule);
                }
            }
        }
        if (found.size() > 1) {
            throw new IllegalStateException(element + " carries several access annotations: " + found);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Whether a caller may pass. {@code anonymousSiteAccess}: the site lets anonymous visitors
     * browse; {@code licensed}: the user holds a product license.
     */
    public boolean allows(boolean authenticated, boolean licensed, boolean admin, boolean systemAdmin,
                          boolean anonymousSiteAccess) {
        return switch (this) {
            case UNRESTRICTED -> true;
            case ANONYMOUS_SITE -> authenticated ? licensed : anonymousSiteAccess;
            case UNLICENSED_SITE, LICENSED -> authenticated && licensed;
            case ADMIN -> authenticated && admin;
            case SYSTEM_ADMIN -> authenticated && systemAdmin;
        };
    }
}
