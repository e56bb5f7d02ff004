import java.nio.file.Files;
import java.nio.file.Path;
import org.capacitytracker.api.CapacityEngine;
import org.capacitytracker.api.CapacityNativeException;

/**
 * Loads the engine from the api jar with capacity.native.dir set, as an admin would, and
 * checks the outcome: "noexec DIR" expects the clear error naming the directory and the
 * property; "exec DIR" expects the engine to load and leave no copy behind (Linux).
 * Run by run-noexec.sh inside a mount namespace of its own.
 */
public class NoexecCheck {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        System.setProperty("capacity.native.dir", dir.toString());
        if (mode.equals("noexec")) {
            try {
                CapacityEngine.nativeVersion();
                fail("the engine loaded from a noexec directory");
            } catch (CapacityNativeException e) {
                String m = e.getMessage();
                for (String part : new String[] {dir.toString(), "noexec", "capacity.native.dir", CapacityEngine.platform()}) {
                    if (!m.contains(part)) {
                        fail("the error does not name " + part + ": " + m);
                    }
                }
                System.out.println("noexec: ok   " + m);
            }
        } else {
            String version = CapacityEngine.nativeVersion();
            try (var left = Files.list(dir)) {
                long n = left.count();
                if (n != 0) {
                    fail(n + " files left in " + dir + " after loading");
                }
            }
            System.out.println("exec: ok   engine " + version + " loaded from " + dir + ", nothing left behind");
        }
    }

    private static void fail(String message) {
        System.err.println("NoexecCheck: FAIL " + message);
        System.exit(1);
    }
}
