package org.capacitytracker.host.scale;

import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code capacity-host generate --scale <small|medium|dcapt>}: fills the database with a
 * dataset and stops, so that a large one (dcapt) can be made once, ahead of the host's start
 * or a benchmark; starting the host with the same {@code --scale} then finds it complete.
 */
public final class GenerateCommand {
    public static final String USAGE = """
            Usage: java -jar capacity-host-jira<10|11>.jar generate --scale <small|medium|dcapt> [options]

              --scale <small|medium|dcapt>  the dataset: small (3 projects, 4 boards, 40 people, 2,400 issues),
                                            medium (35, 50, 1,000, 30,000), dcapt (1,000 projects, 1,500 boards,
                                            21,000 people, 1,000,000 issues: Atlassian's DC App Performance
                                            Toolkit shape)
              --seed <n>                    the random seed (default 1); a database holds one scale and seed
              --data-dir <dir>              where the embedded database lives (default ./.data)
              --jdbc-url <url>              use this database instead (and --jdbc-user, --jdbc-password)
              --demo-anchor YYYY-MM-DD      Monday the active sprints start (default: this week's)
            """;

    public static final long DEFAULT_SEED = 1;

    private GenerateCommand() {
    }

    /** Generates (or finishes, or finds) the dataset; the lines to print. */
    public static List<String> run(List<String> args) throws IOException {
        Scale scale = null;
        long seed = DEFAULT_SEED;
        Path dataDir = Path.of(".data");
        String url = null;
        String user = null;
        String password = null;
        LocalDate anchor = DemoData.defaultAnchor();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args.get(++i);
            switch (name) {
                case "--scale" -> scale = Scale.parse(value);
                case "--seed" -> seed = parseSeed(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--jdbc-url" -> url = value;
                case "--jdbc-user" -> user = value;
                case "--jdbc-password" -> password = value;
                case "--demo-anchor" -> {
                    try {
                        anchor = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--demo-anchor must be a date YYYY-MM-DD, got " + value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        if (scale == null) {
            throw new IllegalArgumentException("--scale <small|medium|dcapt> is required");
        }
        Files.createDirectories(dataDir);
        List<String> lines = new ArrayList<>();
        try (Database database = url == null ? Database.embedded(dataDir) : Database.external(url, user, password)) {
            ScaleGenerator.Outcome outcome = new ScaleGenerator(database, scale, seed, new PasswordHasher(), System.out,
                    System.console() != null).ensure(anchor);
            lines.add(summary(outcome));
            lines.add("  Database: " + database.description());
        }
        if (url == null) {
            lines.add(String.format(Locale.ROOT, "  Size:     %,d bytes in %s", size(dataDir.toAbsolutePath()), dataDir.toAbsolutePath()));
        }
        return lines;
    }

    /** {@code --seed}: a whole number. */
    public static long parseSeed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a whole number, got " + value);
        }
    }

    /** One line saying what the database holds and whether it was made now. */
    public static String summary(ScaleGenerator.Outcome o) {
        ScaleGenerator.Counts c = o.counts();
        return String.format(Locale.ROOT, "  Dataset:  --scale %s (seed %d, active sprints from %s): %,d projects, %,d boards, "
                        + "%,d people (password = user name, e.g. s00001), %,d sprints, %,d versions, %,d issues, %,d team "
                        + "memberships; %s", o.scale().id(), o.seed(), o.anchor(), c.projects(), c.boards(), c.users(), c.sprints(),
                c.versions(), c.issues(), c.members(), o.generatedNow()
                        ? String.format(Locale.ROOT, "%s now in %.1f s", o.resumed() ? "finished" : "generated", o.seconds())
                        : "generated before, kept as stored");
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
