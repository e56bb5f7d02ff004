package org.capacitytracker.host;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The command line of {@code capacity-host.jar}. */
public record HostOptions(Path pluginJar, Path dataDir, String bindHost, int port, String jdbcUrl, String jdbcUser,
                          String jdbcPassword, LocalDate demoAnchor, String adminPassword, String jira, boolean basicAuth,
                          org.capacitytracker.host.jira.DemoData.Demo demo,
                          org.capacitytracker.host.scale.Scale scale, List<Path> otherPlugins) {

    public static final String CONTEXT_PATH = "/jira";

    static final String USAGE = """
            Usage: java -jar capacity-host-jira<10|11>.jar --plugin <plugin jar> [options]
               or: java -jar capacity-host-jira<10|11>.jar import <folder of Jira REST JSON> [--data-dir <dir>]

              --plugin <jar>            the Jira plugin to install (required); repeat it to install more
                                        plugins after the first, e.g. one calling Capacity Tracker's API
                                        (each resolves against Jira and the plugins before it)
              --jira <10|11>            the Jira to emulate: 10 = Jira 10.3 (Platform 7, javax, Java 17+),
                                        11 = Jira 11 (Platform 8, Jakarta, Java 21+); each has its own
                                        host jar, and this option must name that jar's (default: the jar's)
              --data-dir <dir>          where the embedded database lives (default ./.data)
              --port <n>                HTTP port (default 2990; 0 picks a free one)
              --bind <address>          address to listen on (default localhost)
              --jdbc-url <url>          use this database instead (jdbc:postgresql://host/db)
              --jdbc-user <user>        database user
              --jdbc-password <pw>      database password
              --demo-anchor YYYY-MM-DD  Monday the demo's active sprint starts (default: this week's)
              --demo <full|basic>       full: 4 projects, 5 boards, 25 people and every feature seeded
                                        (default); basic: the DEMO project and board 1 only
              --scale <small|medium|dcapt>
                                        serve a generated dataset instead of the demo, generating it in the
                                        database first if it is not there (see `generate --help`); people
                                        log in with their user name as password (s00001...)
              --admin-password <pw>     password of the admin user (default admin)
              --basic-auth <on|off>     accept HTTP Basic credentials (default: on in Jira 10 mode, off in
                                        Jira 11 mode, as each Jira ships)
              --help                    this text
            """;

    /** Parses {@code args}; throws IllegalArgumentException with a message for the user. */
    public static HostOptions parse(List<String> args) {
        Path plugin = null;
        List<Path> otherPlugins = new java.util.ArrayList<>();
        Path dataDir = Path.of(".data");
        String bind = "localhost";
        int port = 2990;
        String jdbcUrl = null;
        String jdbcUser = null;
        String jdbcPassword = null;
        LocalDate anchor = null;
        String adminPassword = null;
        String jira = org.capacitytracker.host.plugin.JiraPlatform.current().mode();
        Boolean basicAuth = null;
        org.capacitytracker.host.jira.DemoData.Demo demo = org.capacitytracker.host.jira.DemoData.Demo.FULL;
        org.capacitytracker.host.scale.Scale scale = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--plugin" -> {
                    if (plugin == null) {
                        plugin = Path.of(value);
                    } else {
                        otherPlugins.add(Path.of(value));
                    }
                }
                case "--jira" -> {
                    if (!value.equals("10") && !value.equals("11")) {
                        throw new IllegalArgumentException("--jira must be 10 or 11, got " + value);
                    }
                    jira = value;
                }
                case "--data-dir" -> dataDir = Path.of(value);
                case "--bind" -> bind = value;
                case "--port" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port must be a number, got " + value);
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port must be between 0 and 65535, got " + value);
                    }
                }
                case "--basic-auth" -> {
                    if (!value.equals("on") && !value.equals("off")) {
                        throw new IllegalArgumentException("--basic-auth must be on or off, got " + value);
                    }
                    basicAuth = value.equals("on");
                }
                case "--scale" -> scale = org.capacitytracker.host.scale.Scale.parse(value);
                case "--demo" -> demo = org.capacitytracker.host.jira.DemoData.Demo.parse(value);
                case "--jdbc-url" -> jdbcUrl = value;
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                case "--demo-anchor" -> {
                    try {
                        anchor = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--demo-anchor must be a date YYYY-MM-DD, got " + value);
                    }
                }
                case "--admin-password" -> {
                    if (value.isEmpty()) {
                        throw new IllegalArgumentException("--admin-password must not be empty");
                    }
                    adminPassword = value;
                }
                default -> throw new IllegalArgumentException("Unknown option " + name);
            }
        }
        if (plugin == null) {
            throw new IllegalArgumentException("--plugin <plugin jar> is required");
        }
                // Jira 11 turns Basic authentication off by default; Jira 10 still accepts it.
        boolean basic = basicAuth != null ? basicAuth : !jira.equals("11");
        return new HostOptions(plugin, dataDir, bind, port, jdbcUrl, jdbcUser, jdbcPassword, anchor, adminPassword, jira, basic, demo,
                scale, List.copyOf(otherPlugins));
    }

    /** Thrown by {@link #parse} for --help. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
