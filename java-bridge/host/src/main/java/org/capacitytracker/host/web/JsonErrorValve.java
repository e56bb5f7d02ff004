package org.capacitytracker.host.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's error pages for the errors it answers itself (a path with {@code %00}, a request
 * it cannot parse), as JSON under {@code /rest/} and as its plain, report-free HTML page
 * elsewhere. Issue 10, defect 8: {@code %00} in a REST path was answered with an HTML 400.
 * Never shows an exception or the server's version.
 */
public final class JsonErrorValve extends ErrorReportValve {
    public JsonErrorValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.contains("/rest/")) {
            // Not REST: Tomcat's own page, without a report or the server's version.
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-store");
            String error = status == 400 ? "badRequest" : status == 404 ? "notFound" : status >= 500 ? "serverError" : "error";
            String message = status == 400 ? "The request cannot be read (an invalid path or header)"
                    : "The request cannot be served (HTTP " + status + ")";
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"code\":null,\"error\":\"" + error + "\",\"field\":null,\"message\":\"" + message + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response committed: nothing more to say.
        }
    }
}
