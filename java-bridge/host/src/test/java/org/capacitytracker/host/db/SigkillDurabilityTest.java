package org.capacitytracker.host.db;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import org.capacitytracker.host.settings.JdbcPluginSettingsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged write survives the host process being killed (SIGKILL) at any moment: a
 * process writes through the embedded H2 database as fast as it can, is killed at a random
 * point of the burst, and every write it acknowledged must be there after restart.
 *
 * <p>Seen failing first (issue 8): with H2's defaults (commits reach the file up to
 * {@code WRITE_DELAY} = 500 ms later) the first kill of this test's first run lost 840 of the
 * 8,412 writes acknowledged (the last ones); with {@code WRITE_DELAY=0}, none
 * (docs/data-center.md).
 */
class SigkillDurabilityTest {
    static final int KILLS = 12;

    @TempDir
    Path dir;

    static String key(long n) {
        return "org.capacitytracker:probe:" + n;
    }

    @Test
    void everyAcknowledgedWriteSurvivesRepeatedKills() throws Exception {
        Random random = new Random();
        long next = 0;
        long acknowledged = 0;
        List<String> perKill = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process burst = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), WriteBurst.class.getName(), dir.toString(),
                    String.valueOf(next)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            long first = -1;
            long last = -1;
            long firstAt = 0;
            long lastAt = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(burst.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("open", out.readLine(), "the burst process started");
                if (kill == 0) {
                    // A second process on the same embedded database is refused, with a message saying why.
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Database.embedded(dir));
                    assertTrue(e.getMessage().contains("another process"), e.getMessage());
                }
                long killAt = Long.MAX_VALUE;
                String line;
                while ((line = out.readLine()) != null) {
                    long n = Long.parseLong(line.substring("ack ".length()));
                    if (first < 0) {
                        first = n;
                        firstAt = System.nanoTime();
                        // A random point of the burst, from its first acknowledgement on.
                        killAt = firstAt + TimeUnit.MILLISECONDS.toNanos(random.nextInt(700));
                    }
                    last = n;
                    lastAt = System.nanoTime();
                    if (System.nanoTime() >= killAt && burst.isAlive()) {
                        // SIGKILL on Unix: no shutdown hook, no H2 close, nothing flushed on the way out.
                        // (through the handle: Process.destroyForcibly would also close our end of its output)
                        ProcessHandle.of(burst.pid()).orElseThrow().destroyForcibly();
                    }
                }
            }
            assertTrue(burst.waitFor(60, TimeUnit.SECONDS));
            assertTrue(last >= first && first >= 0, "kill " + kill + ": the burst acknowledged writes");
            try (Database database = Database.embedded(dir)) {
                PluginSettings settings = new JdbcPluginSettingsFactory(database).createGlobalSettings();
                List<Long> lost = new ArrayList<>();
                for (long n = 0; n <= last; n++) {
                    if (!("value " + n).equals(settings.get(key(n)))) {
                        lost.add(n);
                    }
                }
                assertTrue(lost.isEmpty(), "kill " + kill + ": " + lost.size() + " acknowledged writes lost, from "
                        + (lost.isEmpty() ? "" : lost.get(0) + " to " + lost.get(lost.size() - 1)) + " (acknowledged up to " + last + ")");
            }
            perKill.add((last - first + 1) + " in " + TimeUnit.NANOSECONDS.toMillis(lastAt - firstAt) + " ms");
            acknowledged += last - first + 1;
            next = last + 1;
        }
        System.out.println("SigkillDurabilityTest: " + KILLS + " kills, " + acknowledged
                + " acknowledged writes, 0 lost; writes acknowledged per burst: " + String.join(", ", perKill));
    }
}
