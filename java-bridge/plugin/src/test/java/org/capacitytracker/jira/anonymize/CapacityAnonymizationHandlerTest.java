package org.capacitytracker.jira.anonymize;

import com.atlassian.jira.bc.ServiceResult;
import com.atlassian.jira.user.anonymize.AffectedEntity;
import com.atlassian.jira.user.anonymize.AffectedEntityType;
import com.atlassian.jira.user.anonymize.UserAnonymizationParameter;
import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.rest.BoardResource;
import org.capacitytracker.jira.rest.PersonResource;
import org.capacitytracker.jira.testing.DemoSprint;
import org.capacitytracker.jira.testing.FakeHttp;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.capacitytracker.jira.testing.PropertiesI18nResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jira's anonymisation calling the plugin's handler, over the real engine. */
class CapacityAnonymizationHandlerTest {
    private final MemoryPluginSettings settings = new MemoryPluginSettings();
    private final EngineHolder engines = new EngineHolder(settings);
    private final FakeUsers users = new FakeUsers().admin("admin", "Administrator");
    private final CapacityAnonymizationHandler handler = new CapacityAnonymizationHandler(engines, new PropertiesI18nResolver());

    @BeforeEach
    void demoData() {
        BoardResource boards = new BoardResource(users, engines);
        PersonResource people = new PersonResource(users, engines);
        assertEquals(200, boards.putSettings("1", new FakeHttp.Request().user("admin").build(),
                FakeHttp.body(DemoSprint.BOARD_SETTINGS)).getStatus());
        assertEquals(200, people.putDaysOff("dave", null, new FakeHttp.Request().user("admin").build(), FakeHttp.body(
                "{\"schema\":1,\"revision\":0,\"accountKey\":\"dave\",\"ranges\":[{\"start\":\"2026-12-07\",\"end\":\"2026-12-08\"}]}")).getStatus());
    }

    @AfterEach
    void close() {
        engines.close();
    }

    private static Map<String, Long> lines(List<AffectedEntity> entities) {
        entities.forEach(e -> assertEquals(AffectedEntityType.REMOVE, e.getType()));
        return entities.stream().collect(Collectors.toMap(AffectedEntity::getDescriptionKey, AffectedEntity::getNumberOfOccurrences));
    }

    @Test
    void listsWhatIsStoredThenErasesItAndRunningAgainFindsNothing() throws Exception {
        UserAnonymizationParameter dave = new UserAnonymizationParameter("dave");
        assertEquals(Map.of("capacity-tracker.anonymize.boards", 1L, "capacity-tracker.anonymize.daysOff", 1L),
                lines(List.copyOf(handler.getAffectedEntities(dave))));
        assertEquals(1, handler.getNumberOfTasks(dave));

        ServiceResult result = handler.update(dave);
        assertTrue(result.isValid(), () -> result.getErrorCollection().getErrorMessages().toString());
        assertEquals(List.of(), List.copyOf(handler.getAffectedEntities(dave)), "dave is still stored");
        assertFalse(engines.engine().getBoardSettings("1").contains("\"dave\""));
        assertTrue(engines.engine().getBoardSettings("1").contains("\"alice\""), "others must stay");

        assertTrue(handler.update(dave).isValid(), "a rerun (Jira's retry) must succeed and remove nothing");
    }

    @Test
    void descriptionKeysAreInThePluginsText() throws Exception {
        Properties text = new Properties();
        try (var in = getClass().getResourceAsStream("/capacity-tracker.properties")) {
            text.load(in);
        }
        for (String category : List.of("boards", "daysOff", "iterations", "templates", "permissions")) {
            assertTrue(text.containsKey(CapacityAnonymizationHandler.DESCRIPTION_PREFIX + category), category);
        }
    }

    @Test
    void aFailureIsAnErrorMessageNotAnException() {
        UserAnonymizationParameter blank = new UserAnonymizationParameter(" padded ");
        assertEquals(List.of(), List.copyOf(handler.getAffectedEntities(blank)));
        ServiceResult result = handler.update(blank);
        assertFalse(result.isValid());
        String message = String.join(" ", result.getErrorCollection().getErrorMessages());
        assertTrue(message.startsWith("Capacity Tracker could not erase this user's data: "), message);
        assertTrue(message.contains("accountKey"), message);
    }

    @Test
    void aStoppedPluginReportsAnErrorToo() {
        engines.close();
        assertFalse(handler.update(new UserAnonymizationParameter("dave")).isValid());
    }
}
