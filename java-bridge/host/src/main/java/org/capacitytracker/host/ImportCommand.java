package org.capacitytracker.host;

import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.JiraImport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code capacity-host import <dir> [--data-dir <dir>]}: checks a folder of JSON files saved
 * from a real Jira's REST API and keeps a copy in the data dir, which the host then serves
 * instead of the demo.
 */
final class ImportCommand {
    static final String USAGE = """
            Usage: java -jar capacity-host-jira<10|11>.jar import <folder of Jira REST JSON> [--data-dir <dir>]

              Reads the JSON a real Jira answered (project list, users, boards, sprints, versions,
              search pages; see the host README for the curl commands), checks it, and keeps a copy
              in <data dir>/jira-import; the host started on that data dir serves it instead of
              the demo. --data-dir defaults to ./.data.
            """;

    private ImportCommand() {
    }

    /** Runs the command; returns the lines to print. Throws IllegalArgumentException for bad input. */
    static List<String> run(List<String> args) throws IOException {
        Path source = null;
        Path dataDir = Path.of(".data");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--data-dir") && i + 1 < args.size()) {
                dataDir = Path.of(args.get(++i));
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (!arg.startsWith("-") && source == null) {
                source = Path.of(arg);
            } else {
                throw new IllegalArgumentException("Unexpected argument " + arg);
            }
        }
        if (source == null) {
            throw new IllegalArgumentException("import needs the folder of JSON files to read");
        }
        DemoData data = JiraImport.read(source);
        Path target = dataDir.resolve(CapacityHost.IMPORT_DIR);
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(target);
        for (Path file : JiraImport.files(source)) {
            Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return List.of("Imported " + data.projects().size() + " projects, " + data.boards().size() + " boards, "
                        + data.allSprints().size() + " sprints, " + data.allIssues().size() + " issues and "
                        + data.importedUsers().size() + " people from " + source + " into " + target + ".",
                "Start the host with --data-dir " + dataDir + " to serve them (log in as admin).");
    }
}
