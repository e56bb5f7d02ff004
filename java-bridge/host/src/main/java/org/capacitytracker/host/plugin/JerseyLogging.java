package org.capacitytracker.host.plugin;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Jersey registers a resource <em>instance</em> as a resource but first warns that, as a
 * provider, it is "ignored". Plugin resources are instances here (created by the plugin's
 * component context, as in Jira), so that warning is noise on every start; only it is dropped.
 */
final class JerseyLogging {
    /** Held strongly: java.util.logging keeps loggers weakly and would forget the filter. */
    private static final Logger PROVIDERS = Logger.getLogger("org.glassfish.jersey.internal.inject.Providers");

    static {
        Filter previous = PROVIDERS.getFilter();
        PROVIDERS.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.contains("does not implement any provider interfaces applicable in the SERVER runtime")) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
    }

    private JerseyLogging() {
    }

    static void install() {
        // The static initialiser did the work; this makes it run.
    }
}
