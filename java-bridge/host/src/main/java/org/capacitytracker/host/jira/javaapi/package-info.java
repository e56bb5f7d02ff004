/**
 * The subset of Jira's Java API that the plugin's server-side report calls (issue search, the
 * issue and user types it returns), implemented over {@link org.capacitytracker.host.jira.VisibleWork}
 * so that every answer carries Jira's browse permission, and published in the OSGi registry
 * for the plugin's {@code <osgi:reference>} imports as Jira publishes its components.
 */
package org.capacitytracker.host.jira.javaapi;
