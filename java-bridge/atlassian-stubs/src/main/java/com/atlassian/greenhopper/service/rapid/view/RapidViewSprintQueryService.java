package com.atlassian.greenhopper.service.rapid.view;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.greenhopper.service.sprint.Sprint;
import com.atlassian.jira.user.ApplicationUser;
import java.util.EnumSet;
import java.util.List;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.rapid.view.RapidViewSprintQueryService} (see STUB-SOURCES.md). */
public interface RapidViewSprintQueryService {
    ServiceOutcome<List<Sprint>> getSprints(ApplicationUser user, RapidView rapidView, EnumSet<Sprint.State> states,
            boolean includingHistoricSprints);
}
