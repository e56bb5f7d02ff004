package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.project.Project;
import org.capacitytracker.host.jira.DemoData;

/** Jira's project as the host's Java API services hand it out (equal by value, as Jira's are by id). */
record HostProject(Long getId, String getKey, String getName) implements Project {
    static HostProject of(DemoData.Project p) {
        return new HostProject(p.id(), p.key(), p.name());
    }
}
