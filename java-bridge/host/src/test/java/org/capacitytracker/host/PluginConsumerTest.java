package org.capacitytracker.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.capacitytracker.host.plugin.PluginLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second plugin calling Capacity Tracker (java-bridge/examples/consumer-plugin), installed
 * beside it as Jira installs both: it resolves only against the API packages Capacity
 * Tracker exports, in a version its import range accepts, gets the CapacityService through
 * the OSGi registry, and sees what its user may see. In the Jira 11 host (these tests
 * transformed to Jakarta) the example's Jira 11 jar is installed.
 */
class PluginConsumerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPRINT = "boardId=1&sprintId=3&sprintName=DEMO%20Sprint%203"
            + "&start=2026-11-30T09:00:00.000%2B01:00&end=2026-12-11T17:00:00.000%2B01:00";

    @TempDir
    Path dir;

    static Path consumerJar() {
        String property = System.getProperty("capacity.consumer.jar");
        if (property == null || property.isBlank() || !Files.isRegularFile(Path.of(property))) {
            throw new AssertionError("-Dcapacity.consumer.jar=<jar> is not set or missing (" + property
                    + "); the host's pom copies java-bridge/examples/consumer-plugin's jar");
        }
        return Path.of(property);
    }

    private CapacityHost start(Path... plugins) throws Exception {
        List<String> args = new ArrayList<>();
        for (Path p : plugins) {
            args.addAll(List.of("--plugin", p.toString()));
        }
        args.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--port", "0", "--bind", "127.0.0.1",
                "--demo-anchor", TestHosts.ANCHOR.toString(), "--demo", "basic"));
        return CapacityHost.start(HostOptions.parse(args));
    }

    private static TestHttp loggedIn(CapacityHost host, String user) throws Exception {
        TestHttp http = new TestHttp(host.baseUri().resolve("/"));
        assertEquals(302, http.login(user, user.equals("admin") ? "admin" : user, "/").statusCode());
        return http;
    }

    private static String dataValue(String page, String testId) {
        Matcher m = Pattern.compile("data-testid=\"" + testId + "\" data-value=\"(-?[0-9]*)\"").matcher(page);
        assertTrue(m.find(), "no " + testId + " in " + page);
        return m.group(1);
    }

    @Test
    void theConsumerShowsTheRemainingCapacityCapacityTrackersOwnReportGives() throws Exception {
        try (CapacityHost host = start(TestHosts.pluginJar(), consumerJar())) {
            assertTrue(String.join("\n", host.summary()).contains("org.capacitytracker.examples.consumer"), host.summary().toString());
            TestHttp carol = loggedIn(host, "carol");
            HttpResponse<String> page = carol.get("/jira/plugins/servlet/member-capacity?" + SPRINT + "&accountKey=bob");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("id=\"header\"") || page.body().contains("aui-header"),
                    "decorated with Jira's chrome: " + page.body());

            String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
            HttpResponse<String> report = carol.sendJson("POST", "/jira/rest/capacity/1.0/boards/1/report",
                    "{\"iteration\":{\"id\":\"3\",\"name\":\"DEMO Sprint 3\",\"start\":\"2026-11-30T09:00:00.000+01:00\","
                            + "\"end\":\"2026-12-11T17:00:00.000+01:00\",\"asOf\":\"" + today + "\"},\"items\":[]}");
            assertEquals(200, report.statusCode(), report.body());
            JsonNode bob = null;
            for (JsonNode m : JSON.readTree(report.body()).get("members")) {
                if (m.get("accountKey").asText().equals("bob")) {
                    bob = m;
                }
            }
            assertTrue(bob != null, report.body());
            assertEquals(bob.get("capacity").asText(), dataValue(page.body(), "capacity"));
            assertEquals(bob.get("remainingCapacity").isNull() ? "" : bob.get("remainingCapacity").asText(),
                    dataValue(page.body(), "remaining"));
        }
    }

    @Test
    void theConsumerPageNamesWhatIsWrongWithItsRequest() throws Exception {
        try (CapacityHost host = start(TestHosts.pluginJar(), consumerJar())) {
            TestHttp anonymous = new TestHttp(host.baseUri().resolve("/"));
            HttpResponse<String> login = anonymous.get("/jira/plugins/servlet/member-capacity?" + SPRINT);
            assertEquals(302, login.statusCode());
            assertTrue(login.headers().firstValue("Location").orElse("").contains("login.jsp"), login.headers().toString());

            TestHttp carol = loggedIn(host, "carol");
            HttpResponse<String> pick = carol.get("/jira/plugins/servlet/member-capacity?boardId=1");
            assertEquals(200, pick.statusCode(), pick.body());
            assertTrue(pick.body().contains("id=\"member-capacity-pick\" data-board-id=\"1\""), pick.body());
            assertTrue(pick.body().contains("sprint-picker.js"), "the picker's web resource is on the page: " + pick.body());

            HttpResponse<String> noEnd = carol.get("/jira/plugins/servlet/member-capacity?boardId=1&sprintId=3&start=2026-11-30");
            assertEquals(400, noEnd.statusCode());
            assertTrue(noEnd.body().contains("The query parameter end is missing"), noEnd.body());

            HttpResponse<String> noBoard = carol.get("/jira/plugins/servlet/member-capacity");
            assertEquals(400, noBoard.statusCode());
            assertTrue(noBoard.body().contains("The query parameter boardId is missing"), noBoard.body());

            HttpResponse<String> stranger = carol.get("/jira/plugins/servlet/member-capacity?" + SPRINT + "&accountKey=zed");
            assertEquals(404, stranger.statusCode());
            assertTrue(stranger.body().contains("accountKey: zed is not a member of board 1"), stranger.body());

            HttpResponse<String> badDate = carol.get("/jira/plugins/servlet/member-capacity?boardId=1&sprintId=3"
                    + "&start=2026-13-40&end=2026-12-11&accountKey=bob");
            assertEquals(400, badDate.statusCode());
            assertTrue(badDate.body().contains("iteration.start"), "the engine names the field: " + badDate.body());
        }
    }

    @Test
    void theConsumerAppliesTheBoardsPermissionsToItsUser() throws Exception {
        try (CapacityHost host = start(TestHosts.pluginJar(), consumerJar())) {
            TestHttp admin = loggedIn(host, "admin");
            int revision = JSON.readTree(admin.get("/jira/rest/capacity/1.0/admin/permissions").body()).get("revision").asInt();
            HttpResponse<String> put = admin.sendJson("PUT", "/jira/rest/capacity/1.0/admin/permissions", "{\"revision\":"
                    + revision + ",\"enabled\":true,\"boards\":{\"1\":{\"read\":{\"users\":[\"carol\"]},"
                    + "\"write\":{\"users\":[\"alice\"]}}},\"templates\":{\"users\":[],\"groups\":[]},"
                    + "\"reports\":{\"users\":[],\"groups\":[]}}");
            assertEquals(200, put.statusCode(), put.body());

            HttpResponse<String> refused = loggedIn(host, "erin").get("/jira/plugins/servlet/member-capacity?" + SPRINT
                    + "&accountKey=bob");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("data-testid=\"consumer-error\""), refused.body());
            assertEquals(200, loggedIn(host, "carol").get("/jira/plugins/servlet/member-capacity?" + SPRINT
                    + "&accountKey=bob").statusCode());
        }
    }

    @Test
    void withoutCapacityTrackerTheConsumerIsNotResolvedAndTheMessageNamesThePackage() {
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(consumerJar()));
        assertTrue(e.getMessage().contains("org.capacitytracker.examples.consumer cannot be resolved"), e.getMessage());
        assertTrue(e.getMessage().contains("Neither Jira nor an installed plugin exports package org.capacitytracker.api"),
                e.getMessage());
    }

    @Test
    void installedBeforeCapacityTrackerTheConsumerIsRefusedToo() {
        // Installed in the order given: the first --plugin is Capacity Tracker's slot, so the
        // consumer first means nothing exports the API when it resolves.
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(consumerJar(), TestHosts.pluginJar()));
        assertTrue(e.getMessage().contains("org.capacitytracker.api"), e.getMessage());
    }

    @Test
    void aConsumerImportingAPackageCapacityTrackerDoesNotExportIsRefusedNamingIt() throws Exception {
        Path jar = withImports(consumerImports() + ",org.capacitytracker.jira.engine");
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(TestHosts.pluginJar(), jar));
        assertTrue(e.getMessage().contains("exports package org.capacitytracker.jira.engine"), e.getMessage());
    }

    @Test
    void aConsumerAskingForAnotherMajorVersionOfTheApiIsRefused() throws Exception {
        String imports = consumerImports();
        assertTrue(imports.contains("org.capacitytracker.api.typed;version=\"[0.1,1)\""), imports);
        Path jar = withImports(imports.replace("version=\"[0.1,1)\"", "version=\"[1.0,2)\""));
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(TestHosts.pluginJar(), jar));
        assertTrue(e.getMessage().contains("exports package org.capacitytracker.api") && e.getMessage().contains(">= 1.0.0")
                && e.getMessage().contains("< 2.0.0"), e.getMessage());
    }

    @Test
    void aConsumerBundlingItsOwnCopyOfTheApiCannotUseTheService() throws Exception {
        // Its own copy of the classes (and no import of them): the service Capacity Tracker
        // publishes is an instance of Capacity Tracker's CapacityService, not of the copy's.
        Path jar = dir.resolve("consumer-with-api-copy.jar");
        String withoutApi = String.join(",", java.util.Arrays.stream(consumerImports().split(",(?=[a-z])"))
                .filter(clause -> !clause.startsWith("org.capacitytracker.api")).toList());
        rewrite(consumerJar(), jar, withoutApi, TestHosts.pluginJar());
        PluginLoadException e = assertThrows(PluginLoadException.class, () -> start(TestHosts.pluginJar(), jar));
        assertTrue(e.getMessage().contains("org.capacitytracker.api.typed.CapacityService")
                && e.getMessage().contains("another copy of that interface"), e.getMessage());
    }

    /** The example's own Import-Package, as bnd computed it (javax or jakarta, by the jar). */
    private static String consumerImports() throws Exception {
        try (JarFile jar = new JarFile(consumerJar().toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Import-Package");
        }
    }

    private Path withImports(String imports) throws Exception {
        Path jar = dir.resolve("consumer-" + System.nanoTime() + ".jar");
        rewrite(consumerJar(), jar, imports, null);
        return jar;
    }

    /** Copies a plugin jar with another Import-Package, optionally adding the API classes of {@code apiFrom}. */
    private static void rewrite(Path from, Path to, String imports, Path apiFrom) throws Exception {
        try (JarFile in = new JarFile(from.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Import-Package"), imports);
            try (OutputStream file = Files.newOutputStream(to); JarOutputStream out = new JarOutputStream(file, manifest)) {
                copy(in, out, name -> !name.equals("META-INF/MANIFEST.MF"));
                if (apiFrom != null) {
                    try (JarFile api = new JarFile(apiFrom.toFile())) {
                        copy(api, out, name -> name.startsWith("org/capacitytracker/api/") && name.endsWith(".class"));
                    }
                }
            }
        }
    }

    private static void copy(JarFile in, JarOutputStream out, java.util.function.Predicate<String> which) throws Exception {
        for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (entry.isDirectory() || !which.test(entry.getName())) {
                continue;
            }
            out.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream data = in.getInputStream(entry)) {
                data.transferTo(out);
            }
            out.closeEntry();
        }
    }
}
