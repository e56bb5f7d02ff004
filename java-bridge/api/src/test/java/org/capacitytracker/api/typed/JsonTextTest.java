package org.capacitytracker.api.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static String write(Object value) {
        StringBuilder out = new StringBuilder();
        JsonText.write(out, value);
        return out.toString();
    }

    @Test
    void readsEveryKindOfValueKeepingFieldOrderAndExactIntegers() {
        Object value = JsonText.parse(" {\"b\":[1,2.5,-3e2,true,false,null],\"a\":\"x\\u00e9\\n\\\"\",\"big\":9007199254740993} ");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "big"), List.copyOf(map.keySet()));
        assertEquals(Arrays.asList(1L, 2.5, -300.0, true, false, null), map.get("b"));
        assertEquals("xé\n\"", map.get("a"));
        // Beyond a double's exact range: integers are read as longs, not rounded.
        assertEquals(9007199254740993L, map.get("big"));
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : List.of("", "{", "[1,]x", "{\"a\" 1}", "\"\\q\"", "tru", "{} {}", "[1 2]", "@")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(bad), bad);
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
        }
    }

    @Test
    void writesNumbersPlainAndStringsEscaped() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("whole", 3.0);
        map.put("half", 0.5);
        map.put("tiny", 1e-7);
        map.put("long", 86_400L);
        map.put("text", "a\"b\\c\n\u0001");
        map.put("list", List.of(true, "x"));
        assertEquals("{\"whole\":3,\"half\":0.5,\"tiny\":0.0000001,\"long\":86400,"
                + "\"text\":\"a\\\"b\\\\c\\n\\u0001\",\"list\":[true,\"x\"]}", write(map));
        assertEquals(map.get("text"), ((Map<?, ?>) JsonText.parse(write(map))).get("text"));
    }

    @Test
    void refusesNumbersJsonCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> write(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> write(new Object()));
    }
}
