package org.capacitytracker.bench;

import org.capacitytracker.api.typed.MultiProjectRequest;

/** Lets the baseline package's tests reach the suite's request writer. */
public final class JavaBaselineSuiteAccess {
    private JavaBaselineSuiteAccess() {
    }

    public static String requestText(MultiProjectRequest request) {
        return JavaBaselineSuite.requestText(request);
    }
}
