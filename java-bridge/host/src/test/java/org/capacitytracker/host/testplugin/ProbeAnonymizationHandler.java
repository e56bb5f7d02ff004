package org.capacitytracker.host.testplugin;

import com.atlassian.jira.bc.ServiceResult;
import com.atlassian.jira.user.anonymize.AffectedEntity;
import com.atlassian.jira.user.anonymize.AffectedEntityType;
import com.atlassian.jira.user.anonymize.UserAnonymizationHandler;
import com.atlassian.jira.user.anonymize.UserAnonymizationParameter;

import java.util.Collection;
import java.util.List;

/** A handler that lists one entity and then fails, to see the host report it as Jira does. */
public class ProbeAnonymizationHandler implements UserAnonymizationHandler {
    @Override
    public Collection<AffectedEntity> getAffectedEntities(UserAnonymizationParameter parameter) {
        return List.of(AffectedEntity.newBuilder(AffectedEntityType.ANONYMIZE).descriptionKey("probe.name")
                .numberOfOccurrences(3L).build());
    }

    @Override
    public ServiceResult update(UserAnonymizationParameter parameter) {
        throw new IllegalStateException("probe failure for " + parameter.getUserKey());
    }

    @Override
    public int getNumberOfTasks(UserAnonymizationParameter parameter) {
        return 2;
    }
}
