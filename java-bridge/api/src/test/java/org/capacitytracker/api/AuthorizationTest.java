package org.capacitytracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's authorisation through the real library: the engine calls the
 * {@link AccessSubject} back (under -Xcheck:jni) only for what the stored permissions make
 * matter; and the id rules it hands to Java.
 */
class AuthorizationTest {
    static final String PERMISSIONS = "{\"revision\":0,\"enabled\":true,\"boards\":{\"1\":{"
            + "\"read\":{\"groups\":[\"readers\"]},\"write\":{\"users\":[\"lead\"]}}},"
            + "\"templates\":{\"groups\":[\"planners\"]}}";

    /** A subject that records what it is asked. */
    static final class Recording implements AccessSubject {
        final boolean admin;
        final Set<String> groups;
        final List<String> asked = new ArrayList<>();

        Recording(boolean admin, String... groups) {
            this.admin = admin;
            this.groups = Set.of(groups);
        }

        @Override
        public boolean isAdmin() {
            asked.add("admin?");
            return admin;
        }

        @Override
        public boolean isMember(String group) {
            asked.add(group);
            return groups.contains(group);
        }
    }

    MemoryHostStorage storage;
    CapacityEngine engine;

    @BeforeEach
    void open() {
        storage = new MemoryHostStorage();
        engine = CapacityEngine.open(storage);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void disabledPermissionsAllowEverythingWithoutAsking() {
        Recording bob = new Recording(false);
        assertEquals(Optional.empty(), engine.authorize("bob", "writeBoard", "1", null, bob));
        assertEquals(Optional.empty(), engine.authorizeReport("bob", "not even JSON", bob));
        assertEquals(List.of(), bob.asked);
    }

    @Test
    void theEngineAsksOnlyTheGroupsThatDecide() {
        engine.putPermissions(PERMISSIONS);
        Recording reader = new Recording(false, "readers");
        assertEquals(Optional.empty(), engine.authorize("rita", "readBoard", "1", null, reader));
        assertEquals(List.of("admin?", "readers"), reader.asked);

        Optional<String> write = engine.authorize("rita", "writeBoard", "1", null, new Recording(false, "readers"));
        assertTrue(write.orElseThrow().contains("write list"), write.toString());
        Optional<String> read = engine.authorize("bob", "readBoard", "1", null, new Recording(false));
        assertTrue(read.orElseThrow().startsWith("board 1: "), read.toString());
        assertEquals(Optional.empty(), engine.authorize("bob", "manageTemplates", null, null, new Recording(false, "planners")));
        assertEquals(Optional.empty(), engine.authorize("bob", "writeBoard", "1", null, new Recording(true)));
    }

    /**
     * Issue 10, defect 2: the REST grant decided nothing. A script (a call with credentials)
     * now needs it, asked back through {@link AccessSubject#withCredentials} across JNI.
     */
    @Test
    void callsWithCredentialsNeedTheRestGrant() {
        engine.putPermissions(PERMISSIONS);
        Recording session = new Recording(false, "readers");
        AccessSubject script = new AccessSubject() {
            @Override
            public boolean isAdmin() {
                return false;
            }

            @Override
            public boolean isMember(String group) {
                return group.equals("readers");
            }

            @Override
            public boolean withCredentials() {
                return true;
            }
        };
        assertEquals(Optional.empty(), engine.authorize("rita", "readBoard", "1", null, session));
        assertEquals(Optional.empty(), engine.authorize("rita", "useRest", null, null, session));
        Optional<String> refused = engine.authorize("rita", "readBoard", "1", null, script);
        assertTrue(refused.orElseThrow().contains("may not use the REST API"), refused.toString());
        assertTrue(engine.authorizeReport("rita", "{\"boards\":[]}", script).isPresent());
    }

    @Test
    void aReportNeedsEveryBoardItCovers() {
        engine.putPermissions(PERMISSIONS);
        String request = "{\"boards\":[{\"boardId\":\"2\",\"iterations\":[]},{\"boardId\":\"1\",\"iterations\":[]}]}";
        assertEquals("{\"boardIds\":[\"2\",\"1\"]}", engine.reportBoards(request));
        Optional<String> refused = engine.authorizeReport("bob", request, new Recording(false));
        assertTrue(refused.orElseThrow().startsWith("board 1: "), refused.toString());
        assertEquals(Optional.empty(), engine.authorizeReport("rita", request, new Recording(false, "readers")));
        assertThrows(CapacityValidationException.class, () -> engine.authorizeReport("bob", "{\"boards\":[", new Recording(false)));
    }

    @Test
    void aThrowingSubjectIsAStorageErrorCausedByItsException() {
        engine.putPermissions(PERMISSIONS);
        AccessSubject broken = new AccessSubject() {
            @Override
            public boolean isAdmin() {
                throw new IllegalStateException("directory down");
            }

            @Override
            public boolean isMember(String group) {
                return false;
            }
        };
        CapacityStorageException e = assertThrows(CapacityStorageException.class,
                () -> engine.authorize("bob", "readBoard", "1", null, broken));
        assertTrue(e.getMessage().contains("AccessSubject.isAdmin"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        // The engine is fine afterwards.
        assertEquals(Optional.empty(), engine.authorize("lead", "writeBoard", "1", null, new Recording(false)));
    }

    @Test
    void malformedQuestionsNameTheField() {
        CapacityValidationException action = assertThrows(CapacityValidationException.class,
                () -> engine.authorize("bob", "fly", null, null, new Recording(false)));
        assertEquals("action", action.field());
        CapacityValidationException board = assertThrows(CapacityValidationException.class,
                () -> engine.authorize("bob", "readBoard", "1/2", null, new Recording(false)));
        assertEquals("boardId", board.field());
    }

    @Test
    void idRulesComeFromTheEngine() {
        String rules = IdRules.json();
        assertTrue(rules.contains("\"boardId\":{\"pattern\":\"^[A-Za-z0-9_-]{1,40}$\""), rules);
        IdRules.check("boardId", "DEMO-1");
        IdRules.check("accountKey", "k".repeat(255));
        CapacityValidationException e = assertThrows(CapacityValidationException.class,
                () -> IdRules.check("templateId", "a/b"));
        assertEquals("templateId", e.field());
        assertThrows(CapacityValidationException.class, () -> IdRules.check("accountKey", " alice"));
        CapacityNativeException unknown = assertThrows(CapacityNativeException.class,
                () -> IdRules.check("colour", "red"));
        assertEquals(CapacityException.INVALID_ARGUMENT, unknown.code());
        assertFalse(rules.contains("\"accountKey\":{\"pattern\""), rules);
    }
}
