package org.capacitytracker.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void marksTargetsMetAndNotMet() {
        BenchTable table = new BenchTable();
        table.add("W2 JNI bulk", 28.4, "ms", "8.1× floor", "≤ 30 ms", true);
        table.add("W1 JNI JSON", 512, "µs", "", "≤ 400 µs", false);
        table.add("floor", 3.5, "ms");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("W2 JNI bulk") && text.contains(" met"), text);
        assertTrue(text.contains("NOT MET"), text);
        assertTrue(text.lines().count() == 4, text);
    }
}
