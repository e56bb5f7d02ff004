package com.atlassian.greenhopper.service.rapid;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.jira.project.Project;
import com.atlassian.jira.user.ApplicationUser;
import java.util.List;
import java.util.Set;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.rapid.ProjectRapidViewService}, members used only (see STUB-SOURCES.md). */
public interface ProjectRapidViewService {
    ServiceOutcome<List<RapidView>> findRapidViewsByProject(ApplicationUser user, Project project);

    ServiceOutcome<Set<Project>> findProjectsByRapidView(ApplicationUser user, RapidView rapidView);
}
