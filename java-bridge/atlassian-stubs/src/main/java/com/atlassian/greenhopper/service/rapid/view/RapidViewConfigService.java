package com.atlassian.greenhopper.service.rapid.view;

import com.atlassian.greenhopper.model.rapid.EstimationConfig;
import com.atlassian.greenhopper.model.rapid.RapidView;
import com.atlassian.jira.user.ApplicationUser;

/** Signature of Jira Software 10 {@code com.atlassian.greenhopper.service.rapid.view.RapidViewConfigService}, members used only (see STUB-SOURCES.md). */
public interface RapidViewConfigService {
    EstimationConfig getEstimationConfig(ApplicationUser user, RapidView rapidView);
}
