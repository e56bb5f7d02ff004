package org.capacitytracker.host.testplugin.leaky;

/**
 * Deliberately broken: uses a library the host happens to contain (H2) but Jira does not
 * export to plugins. Its bundle imports {@code org.h2}, which must not resolve.
 */
public final class H2Probe {
    private H2Probe() {
    }

    public static String driver() {
        return org.h2.Driver.class.getName();
    }
}
