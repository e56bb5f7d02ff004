package org.capacitytracker.host.jira.javaapi;

import com.atlassian.jira.project.version.Version;
import com.atlassian.jira.project.version.VersionManager;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.VisibleWork;

/**
 * Jira's versions of a project, in the project's order: a manager, so without a permission
 * check, as in Jira. An unknown project has none; a null id is refused, naming it. Version
 * dates are the midnights of their days in the JVM's default zone, as Jira stores a date
 * without time in its own default zone.
 */
public final class HostVersionManager implements VersionManager {
    private final VisibleWork work;

    /** @param work the data */
    public HostVersionManager(VisibleWork work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A demo version as Jira's. */
    record HostVersion(Long getId, String getName, Date getStartDate, Date getReleaseDate, boolean isReleased,
            boolean isArchived) implements Version {
    }

    @Override
    public List<Version> getVersions(Long projectId) {
        Objects.requireNonNull(projectId, "projectId");
        return work.projectVersions(projectId).stream().map(HostVersionManager::version).toList();
    }

    private static Version version(DemoData.Version v) {
        return new HostVersion(v.id(), v.name(), date(v.startDate()), date(v.releaseDate()), v.released(), v.archived());
    }

    private static Date date(java.time.LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
