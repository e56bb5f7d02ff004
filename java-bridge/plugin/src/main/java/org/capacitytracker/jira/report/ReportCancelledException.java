package org.capacitytracker.jira.report;

/** Ends a report job's reading once its owner cancelled it; never leaves the job. */
public final class ReportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The one message: the job was cancelled. */
    public ReportCancelledException() {
        super("the report was cancelled", null, false, false);
    }
}
