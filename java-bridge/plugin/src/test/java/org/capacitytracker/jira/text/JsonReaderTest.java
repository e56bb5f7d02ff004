package org.capacitytracker.jira.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void readsTheValuesOfAPermissionsDocument() {
        Map<String, Object> doc = JsonReader.object(
                " {\"enabled\":true,\"revision\":3,\"boards\":{\"1\":{\"read\":{\"users\":[],\"groups\":[\"a\\\"b\",\"\\u00e9\\n\"]}}},"
                        + "\"x\":null,\"y\":false,\"z\":-1.5e2} ");
        assertEquals(Boolean.TRUE, doc.get("enabled"));
        assertEquals(3.0, doc.get("revision"));
        assertEquals(-150.0, doc.get("z"));
        assertEquals(null, doc.get("x"));
        assertEquals(Boolean.FALSE, doc.get("y"));
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("boards")).get("1")).get("read");
        assertEquals(List.of("a\"b", "é\n"), read.get("groups"));
        assertEquals(List.of(), read.get("users"));
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        for (String bad : Arrays.asList("", "[]", "{", "{\"a\":1,}", "{\"a\":01}", "{\"a\":tru}", "{} {}", "{\"a\":\"\u0001\"}",
                "{'a':1}", "{\"a\":\"\\x\"}", "{\"a\":1.}")) {
            assertThrows(IllegalArgumentException.class, () -> JsonReader.object(bad), bad);
        }
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThrows(IllegalArgumentException.class, () -> JsonReader.object(deep));
    }
}
