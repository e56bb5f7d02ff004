package com.atlassian.greenhopper.service.rapid.view;

import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.greenhopper.service.ServiceOutcome;
import com.atlassian.jira.user.ApplicationUser;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.rapid.view.RapidViewService}, members used only (see STUB-SOURCES.md). */
public interface RapidViewService {
    ServiceOutcome<RapidView> getRapidView(ApplicationUser user, Long id);
}
