package org.capacitytracker.jira.anonymize;

import com.atlassian.jira.bc.ServiceResult;
import com.atlassian.jira.bc.ServiceResultImpl;
import com.atlassian.jira.user.anonymize.AffectedEntity;
import com.atlassian.jira.user.anonymize.AffectedEntityType;
import com.atlassian.jira.user.anonymize.UserAnonymizationHandler;
import com.atlassian.jira.user.anonymize.UserAnonymizationParameter;
import com.atlassian.jira.util.SimpleErrorCollection;
import com.atlassian.sal.api.message.I18nResolver;
import org.capacitytracker.jira.engine.EngineHolder;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes part in Jira's user anonymisation (Administration → Users → Anonymize user): Jira
 * first asks every handler what it would touch ({@link #getAffectedEntities}, listed to the
 * admin before and during the run), then calls {@link #update}, which erases the person from
 * every Capacity Tracker document with the engine's {@code forgetUser}, exactly as the admin
 * page's "Erase" does.
 *
 * <p>No user-key change handler is registered: Jira runs the anonymisation handlers before it
 * changes the user key (Atlassian's "Dev docs: Anonymizing users"), so by then nothing is
 * stored under the old key. Errors never escape as exceptions: Jira shows the messages of the
 * returned {@link ServiceResult} and lets the admin retry, and a retry finishes the job
 * ({@code forgetUser} removes nothing twice).
 *
 * <pre>{@code
 * handler.getAffectedEntities(new UserAnonymizationParameter("JIRAUSER10100"));
 * // [REMOVE capacity-tracker.anonymize.boards x2, REMOVE capacity-tracker.anonymize.daysOff x1]
 * handler.update(new UserAnonymizationParameter("JIRAUSER10100")).isValid(); // true
 * }</pre>
 */
public class CapacityAnonymizationHandler implements UserAnonymizationHandler {
    /** The i18n key of each category's line is this prefix and the engine's category name. */
    static final String DESCRIPTION_PREFIX = "capacity-tracker.anonymize.";

    // System.Logger, as elsewhere in the plugin: no logging library; Jira routes it to its log.
    private static final System.Logger LOG = System.getLogger(CapacityAnonymizationHandler.class.getName());

    private final EngineHolder engines;
    private final I18nResolver i18n;

    /**
     * Created by the plugin framework for the module, autowired from the plugin's context.
     *
     * @param engines the plugin's engine
     * @param i18n the plugin's text, for error messages
     */
    public CapacityAnonymizationHandler(EngineHolder engines, I18nResolver i18n) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    /**
     * One {@code REMOVE} line per kind of stored data the person appears in, with how many
     * documents or entries; nothing when nothing is stored. A failure to read is logged and
     * answered with no lines, since Jira's validation page must not break over one app.
     */
    @Override
    public Collection<AffectedEntity> getAffectedEntities(UserAnonymizationParameter parameter) {
        try {
            return entities(PrivacyCounts.of(engines.engine().exportUser(parameter.getUserKey())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Capacity Tracker could not list the stored data of the user being anonymised: " + e);
            return List.of();
        }
    }

    /** Erases the person; what was removed is logged as counts (the key itself is personal data). */
    @Override
    public ServiceResult update(UserAnonymizationParameter parameter) {
        SimpleErrorCollection errors = new SimpleErrorCollection();
        try {
            Map<String, Long> removed = PrivacyCounts.of(engines.engine().forgetUser(parameter.getUserKey()));
            LOG.log(Level.INFO, "Capacity Tracker erased the user being anonymised: "
                    + (removed.isEmpty() ? "nothing was stored" : removed));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Capacity Tracker could not erase the user being anonymised", e);
            errors.addErrorMessage(i18n.getText("capacity-tracker.anonymize.failed", e.getMessage()));
        }
        return new ServiceResultImpl(errors);
    }

    /** One engine call: one task of Jira's progress bar. */
    @Override
    public int getNumberOfTasks(UserAnonymizationParameter parameter) {
        return 1;
    }

    private static List<AffectedEntity> entities(Map<String, Long> counts) {
        List<AffectedEntity> out = new ArrayList<>();
        counts.forEach((category, count) -> out.add(AffectedEntity.newBuilder(AffectedEntityType.REMOVE)
                .descriptionKey(DESCRIPTION_PREFIX + category)
                .numberOfOccurrences(count)
                .build()));
        return out;
    }
}
