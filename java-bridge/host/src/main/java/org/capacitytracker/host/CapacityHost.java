package org.capacitytracker.host;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.LoginThrottle;
import org.capacitytracker.host.cluster.HostCluster;
import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.JiraImport;
import org.capacitytracker.host.jira.JiraRestServlet;
import org.capacitytracker.host.jira.UserAnonymization;
import org.capacitytracker.host.plugin.JiraPlatform;
import org.capacitytracker.host.plugin.LoadedPlugin;
import org.capacitytracker.host.plugin.OsgiFramework;
import org.capacitytracker.host.plugin.PluginDescriptor;
import org.capacitytracker.host.sal.HostApplicationProperties;
import org.capacitytracker.host.sal.HostI18nResolver;
import org.capacitytracker.host.sal.HostLoginUriProvider;
import org.capacitytracker.host.sal.HostUserManager;
import org.capacitytracker.host.settings.JdbcPluginSettingsFactory;
import org.capacitytracker.host.web.AnonymizeUserServlet;
import org.capacitytracker.host.web.AvatarServlet;
import org.capacitytracker.host.web.CurrentRequest;
import org.capacitytracker.host.web.DecoratorFilter;
import org.capacitytracker.host.web.JsonErrorValve;
import org.capacitytracker.host.web.DownloadServlet;
import org.capacitytracker.host.web.HomeServlet;
import org.capacitytracker.host.web.IssueServlet;
import org.capacitytracker.host.web.HostPageBuilderService;
import org.capacitytracker.host.web.LoginServlet;
import org.capacitytracker.host.web.LogoutServlet;
import org.capacitytracker.host.web.PageDecorator;
import org.capacitytracker.host.web.SecurityFilter;
import org.capacitytracker.host.web.VelocityTemplateRenderer;
import org.capacitytracker.host.web.WebResourceRegistry;

import javax.servlet.Filter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Jira-compatible plugin host: database, users, SAL services, the plugin, and Jetty
 * serving it all under {@code /jira}. {@link #start} returns once it serves requests;
 * {@link #close} stops it and closes the plugin (and so its engine) and the database.
 */
public final class CapacityHost implements AutoCloseable {
    private static final String DEMO_BOARD = "1";
    /** The folder of the data dir where {@code capacity-host import} keeps a real Jira's REST answers. */
    static final String IMPORT_DIR = "jira-import";
    /** Held strongly: java.util.logging keeps loggers weakly and would forget their levels. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.catalina"),
            Logger.getLogger("org.apache.coyote"), Logger.getLogger("org.apache.tomcat"));

    private final Tomcat server;
    private final OsgiFramework osgi;
    private final LoadedPlugin plugin;
    /** The plugins installed after it (--plugin again), e.g. ones calling its API; closed first. */
    private final List<LoadedPlugin> others;
    private final Database database;
    private final HostCluster cluster;
    private final URI baseUri;
    private final List<String> summary;
    private final Path workDir;
    private boolean closed;

    private CapacityHost(Tomcat server, OsgiFramework osgi, LoadedPlugin plugin, List<LoadedPlugin> others,
                         Database database, HostCluster cluster, URI baseUri, List<String> summary, Path workDir) {
        this.server = server;
        this.osgi = osgi;
        this.plugin = plugin;
        this.others = others;
        this.database = database;
        this.cluster = cluster;
        this.baseUri = baseUri;
        this.summary = summary;
        this.workDir = workDir;
    }

    public static CapacityHost start(HostOptions options) throws Exception {
        JiraPlatform platform = JiraPlatform.current();
        if (!options.jira().equals(platform.mode())) {
            throw new IllegalArgumentException("--jira " + options.jira() + " asks for another Jira than this host emulates ("
                    + platform.displayName() + "): run capacity-host-jira" + options.jira() + ".jar for that");
        }
        if (Runtime.version().feature() < platform.minimumJava()) {
            throw new IllegalStateException(platform.displayName() + " runs on Java " + platform.minimumJava()
                    + " or newer; this JVM is Java " + Runtime.version().feature());
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Database database = options.jdbcUrl() == null ? Database.embedded(dataDir)
                : Database.external(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        HostCluster cluster = null;
        OsgiFramework osgi = null;
        LoadedPlugin plugin = null;
        List<LoadedPlugin> others = new ArrayList<>();
        Tomcat server = null;
        Path workDir = null;
        try {
            // Before anything writes: the node's heartbeat and the database's cluster locks.
            cluster = HostCluster.join(database, System.getProperties());
            String context = HostOptions.CONTEXT_PATH;
            PasswordHasher hasher = new PasswordHasher();
            UserStore users = new UserStore(database, hasher);
            // `generate` may have filled the database with people before the host's first start.
            boolean firstStart = users.isEmpty() || options.scale() != null && users.byUsername("admin").isEmpty();
            // `capacity-host import` left a real Jira's REST answers here: serve them, not the demo.
            Path importDir = dataDir.resolve(IMPORT_DIR);
            LocalDate anchor = options.demoAnchor() != null ? options.demoAnchor() : DemoData.defaultAnchor();
            // --scale: a generated dataset in the database (made now if it is not there) is served
            // like imported data; its people are in the user store already.
            org.capacitytracker.host.scale.ScaleGenerator.Outcome scale = options.scale() == null ? null
                    : new org.capacitytracker.host.scale.ScaleGenerator(database, options.scale(),
                    org.capacitytracker.host.scale.GenerateCommand.DEFAULT_SEED, hasher, System.out,
                    System.console() != null).ensure(anchor);
            DemoData imported = scale != null ? org.capacitytracker.host.scale.ScaleDataset.backed(database)
                    : Files.isDirectory(importDir) ? JiraImport.read(importDir) : null;
            DemoData data = imported != null ? imported : DemoData.generate(anchor, options.demo());
            if (firstStart) {
                for (DemoData.DemoUser u : imported != null ? DemoData.USERS : data.demoUsers()) {
                    if (imported != null && !u.admin()) {
                        continue;
                    }
                    String password = u.admin() && options.adminPassword() != null ? options.adminPassword()
                            : u.defaultPassword();
                    Set<String> groups = new java.util.TreeSet<>(data.extraGroups(u.username()));
                    groups.add(HostUser.SOFTWARE_USERS);
                    if (u.admin()) {
                        groups.add(HostUser.ADMINISTRATORS);
                    }
                    users.create(u.username(), u.username(), u.displayName(), u.email(), password, Set.copyOf(groups));
                }
            } else {
                if (options.adminPassword() != null) {
                    users.setPassword("admin", options.adminPassword());
                }
                // A data directory made by an older host or with --demo basic lacks the full demo's
                // people: add them, so that its boards' members can log in.
                for (DemoData.DemoUser u : imported != null ? List.<DemoData.DemoUser>of() : data.demoUsers()) {
                    if (!u.admin() && users.byUsername(u.username()).isEmpty()) {
                        Set<String> groups = new java.util.TreeSet<>(data.extraGroups(u.username()));
                        groups.add(HostUser.SOFTWARE_USERS);
                        users.create(u.username(), u.username(), u.displayName(), u.email(), u.defaultPassword(), Set.copyOf(groups));
                    }
                }
            }
            if (imported != null) {
                // Imported people appear in issues and pickers but cannot log in: their
                // passwords are random (the admin sees every board).
                java.security.SecureRandom random = new java.security.SecureRandom();
                for (DemoData.ImportedUser u : imported.importedUsers()) {
                    if (users.byKey(u.key()).isEmpty() && users.byUsername(u.username()).isEmpty()) {
                        users.create(u.key(), u.username(), u.displayName(), u.email(),
                                Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()),
                                Set.of(HostUser.SOFTWARE_USERS));
                    }
                }
            }
            boolean adminDefault = options.adminPassword() == null ? users.authenticate("admin", "admin").isPresent()
                    : options.adminPassword().equals("admin");

            var settings = cluster.settings(database, new JdbcPluginSettingsFactory(database));

            CurrentRequest current = new CurrentRequest();
            var clusterLocks = cluster.locks();
            WebResourceRegistry registry = new WebResourceRegistry();
            registerAui(registry);
            PageDecorator decorator = new PageDecorator(context, registry);

            osgi = OsgiFramework.start(platform);
            for (Object service : List.of(settings, new HostUserManager(users, current, context),
                    new HostLoginUriProvider(context), new HostPageBuilderService(current), clusterLocks,
                    new HostApplicationProperties(dataDir, cluster.clusterMode()))) {
                osgi.register(service);
            }
            // Jira's Java API for the plugin's server-side report (issue search, users, Story
            // Points), with the browse permission applied in one place (VisibleWork).
            // A generated dataset is read from its tables (one indexed query per sprint or version).
            org.capacitytracker.host.jira.JiraWorkSource workSource = scale != null
                    ? new org.capacitytracker.host.scale.JdbcWorkSource(database)
                    : new org.capacitytracker.host.jira.DemoWorkSource(data);
            var visibleWork = new org.capacitytracker.host.jira.VisibleWork(workSource);
            for (Object service : List.of(
                    new org.capacitytracker.host.jira.javaapi.HostSearchService(visibleWork, users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostJiraUserManager(users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostCustomFieldManager(),
                    new org.capacitytracker.host.jira.javaapi.HostRapidViewService(visibleWork, users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostSprintQueryService(visibleWork, users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostRapidViewConfigService(visibleWork, users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostProjectRapidViewService(visibleWork, users::byKey),
                    new org.capacitytracker.host.jira.javaapi.HostProjectManager(visibleWork),
                    new org.capacitytracker.host.jira.javaapi.HostVersionManager(visibleWork))) {
                osgi.register(service);
            }
            // As in Jira, the template renderer and the i18n resolver are made for each plugin
            // that imports them, over that plugin's own templates and i18n resources.
            osgi.registerPerPlugin("com.atlassian.templaterenderer.TemplateRenderer",
                    (loader, installed) -> new VelocityTemplateRenderer(loader));
            osgi.registerPerPlugin("com.atlassian.sal.api.message.I18nResolver",
                    (loader, installed) -> new HostI18nResolver(loader, installed.i18nLocations()));
            // Active Objects, as Jira's activeobjects plugin gives it: per plugin, over its <ao> entities.
            osgi.registerPerPlugin("com.atlassian.activeobjects.external.ActiveObjects",
                    (loader, installed) -> org.capacitytracker.host.ao.PluginActiveObjects.forPlugin(database, loader,
                            installed));
            plugin = LoadedPlugin.install(osgi, options.pluginJar());
            PluginDescriptor descriptor = plugin.descriptor();
            plugin.registerWebResources(registry);
            // Then the other plugins, in the order given: each resolves against what Jira and the
            // plugins before it export, and imports their services through the OSGi registry.
            for (Path jar : options.otherPlugins()) {
                LoadedPlugin other = LoadedPlugin.install(osgi, jar);
                others.add(other);
                other.registerWebResources(registry);
            }
            DemoSeeder.Outcome seed = scale != null ? DemoSeeder.seed(plugin.classLoader(), settings, clusterLocks, null, null,
                    ScaleTeams.docs(database), ScaleTeams.MARKER)
                    : imported != null ? new DemoSeeder.Outcome(false, false, 0, null, null)
                    : DemoSeeder.seed(plugin.classLoader(), settings, clusterLocks, DEMO_BOARD,
                            data.demo() == DemoData.Demo.FULL ? anchor : null);

            workDir = Files.createTempDirectory("capacity-host-tomcat-");
            // Felix owns the JVM's URL stream handler factory (bundle: URLs); Tomcat's would only
            // serve war: URLs, which the host has none of.
            org.apache.catalina.webresources.TomcatURLStreamHandlerFactory.disable();
            server = new Tomcat();
            server.setBaseDir(workDir.toString());
            Connector connector = new Connector("HTTP/1.1");
            connector.setPort(options.port());
            connector.setProperty("address", options.bindHost());
            // Jira's own connector settings (its server.xml): 150 threads, 20 s to send a request
            // (its body included), 100 queued connections, 8 KiB of headers.
            connector.setProperty("maxThreads", "150");
            connector.setProperty("minSpareThreads", "25");
            connector.setProperty("connectionTimeout", "20000");
            connector.setProperty("acceptCount", "100");
            connector.setProperty("maxHttpHeaderSize", "8192");
            connector.setProperty("enableLookups", "false");
            connector.setXpoweredBy(false);
            connector.setProperty("server", "Capacity Tracker host");
            server.setConnector(connector);
            StandardHost tomcatHost = (StandardHost) server.getHost();
            tomcatHost.setAutoDeploy(false);
            // Tomcat's own error answers: JSON under /rest/, a page without a report elsewhere.
            tomcatHost.setErrorReportValveClass(JsonErrorValve.class.getName());
            tomcatHost.getPipeline().addValve(new JsonErrorValve());

            Context app = server.addContext(context, Files.createDirectories(workDir.resolve("jira")).toString());
            StandardManager sessions = new StandardManager();
            sessions.setPathname(null); // sessions end with the host, as they would on a restarted Jira node
            app.setManager(sessions);
            app.setSessionTimeout(8 * 60);
            app.setUseHttpOnly(true);
            Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
            cookies.setSameSiteCookies("lax");
            app.setCookieProcessor(cookies);

            LoginThrottle throttle = new LoginThrottle();
            addFilter(app, "security", new SecurityFilter(users, throttle, current, options.basicAuth()), "/*");
            addFilter(app, "decorator", new DecoratorFilter(decorator), "/plugins/servlet/*");

            List<HomeServlet.BoardPage> boardPages = new ArrayList<>();
            for (PluginDescriptor.ServletModule s : descriptor.servlets()) {
                String pattern = s.urlPatterns().get(0);
                if (!pattern.contains("*")) {
                    boardPages.add(new HomeServlet.BoardPage(s.name(), "/plugins/servlet" + pattern));
                }
            }
            String pluginSummary = "Installed app: " + descriptor.name() + " " + descriptor.version() + " ("
                    + descriptor.key() + ") in " + platform.displayName()
                    + (seed.nativeVersion() == null ? "" : ", native engine " + seed.nativeVersion())
                    + (scale != null ? ". Generated --scale " + scale.scale().id() + " dataset."
                    : imported != null ? ". Data imported from a Jira's REST API (" + importDir + ")."
                    : ". Demo sprint \"DEMO Sprint 3\" starts " + anchor + ".");
            addServlet(app, "home", new HomeServlet(data, decorator, boardPages, pluginSummary,
                    username -> users.byUsername(username).map(HostUser::displayName).orElse(username)), "");
            addServlet(app, "dashboard", redirect("/"), "/secure/Dashboard.jspa");
            addServlet(app, "browse", new IssueServlet(data, decorator), "/browse/*");
            String hint = scale != null ? "Generated people (s00001, s00002, ...) log in with their user name as password"
                    : imported != null ? "Imported data: log in as admin" + (adminDefault ? " (password admin)." : ".")
                    : data.demo() == DemoData.Demo.FULL
                    ? "Demo users (alice, bob, judy, ken, oscar, victor and the others on the home page's boards) log in"
                    + " with their user name as password" : "Demo users alice, bob, carol, dave and erin log in with their user name as password"
                    + (adminDefault ? "; admin's password is admin." : ".");
            addServlet(app, "login", new LoginServlet(users, throttle, decorator, hint), "/login.jsp");
            addServlet(app, "logout", new LogoutServlet(decorator), "/logout");
            addServlet(app, "download", new DownloadServlet(registry), "/download/resources/*");
            addServlet(app, "avatar", new AvatarServlet(users), "/secure/useravatar");
            // Jira's user anonymisation, calling the plugin's <user-anonymization-handler> modules.
            HostI18nResolver pluginText = new HostI18nResolver(plugin.classLoader(), descriptor.i18nLocations());
            addServlet(app, "anonymize-user", new AnonymizeUserServlet(new UserAnonymization(plugin.anonymizationHandlers(),
                    pluginText::getText, users), decorator), "/secure/admin/AnonymizeUser.jspa");
            addServlet(app, "jira-rest", new JiraRestServlet(data, users, visibleWork),
                    "/rest/api/2/*", "/rest/api/latest/*", "/rest/agile/1.0/*", "/rest/agile/latest/*");
            plugin.mount(app, current);
            for (LoadedPlugin other : others) {
                other.mount(app, current);
            }

            Context root = server.addContext("", Files.createDirectories(workDir.resolve("root")).toString());
            addServlet(root, "root", new HttpServlet() {
                private static final long serialVersionUID = 1L;

                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    String target = request.getRequestURI();
                    if ("/".equals(target)) {
                        response.sendRedirect(context + "/");
                    } else if ("/favicon.ico".equals(target)) {
                        // Browsers ask for it on every page; "nothing" keeps their consoles clean.
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    } else {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    }
                }
            }, "/");
            server.start();
            if (connector.getState() != org.apache.catalina.LifecycleState.STARTED) {
                throw new IOException("Tomcat could not listen on " + options.bindHost() + ":" + options.port()
                        + " (is the port in use?)");
            }

            String host = options.bindHost();
            if (host.equals("0.0.0.0") || host.equals("127.0.0.1") || host.equals("::")) {
                host = "localhost";
            }
            URI baseUri = URI.create("http://" + host + ":" + connector.getLocalPort() + context + "/");
            List<String> lines = new ArrayList<>();
            lines.add("Capacity Tracker host is running at " + baseUri);
            lines.add("  Jira:     " + platform.displayName() + " mode (--jira " + platform.mode() + "), Java "
                    + Runtime.version().feature() + ", Apache Felix, Spring, Jersey, Tomcat; HTTP Basic auth "
                    + (options.basicAuth() ? "on" : "off (--basic-auth on allows it)"));
            lines.add("  Log in:   " + (adminDefault ? "admin / admin" : "admin / (the --admin-password you set)")
                    + (imported != null ? "" : data.demo() == DemoData.Demo.FULL
                    ? "   (demo users, e.g. alice, judy, ken, oscar, victor (restricted): password = user name)"
                    : "   (demo users alice, bob, carol, dave, erin: password = user name)"));
            lines.add("  Data dir: " + dataDir + (options.jdbcUrl() == null ? "" : " (unused: database at "
                    + database.description() + ")"));
            lines.add("  Database: " + database.description() + (firstStart ? " (created now)" : ""));
            lines.add("  Cluster:  " + cluster.summary());
            lines.add("  Plugin:   " + descriptor.name() + " " + descriptor.version() + " (" + descriptor.key() + ") from "
                    + plugin.jar().toAbsolutePath().normalize());
            for (String problem : plugin.problems()) {
                lines.add("  WARNING:  " + problem);
            }
            for (LoadedPlugin other : others) {
                lines.add("  Plugin:   " + other.descriptor().name() + " " + other.descriptor().version() + " ("
                        + other.descriptor().key() + ") from " + other.jar().toAbsolutePath().normalize());
                for (String problem : other.problems()) {
                    lines.add("  WARNING:  " + problem);
                }
            }
            if (scale != null) {
                lines.add(org.capacitytracker.host.scale.GenerateCommand.summary(scale));
                lines.add("  Engine:   " + (seed.apiPresent() ? "native " + seed.nativeVersion() + "; " + seed.fullDemo()
                        : "the plugin does not bundle the Capacity Tracker Java API; no teams seeded"));
            } else if (imported != null) {
                lines.add("  Data:     imported from " + importDir + ": " + data.projects().size() + " projects, "
                        + data.boards().size() + " boards, " + data.allSprints().size() + " sprints, "
                        + data.allIssues().size() + " issues (imported people cannot log in; use admin)");
            } else if (seed.apiPresent()) {
                lines.add("  Engine:   native " + seed.nativeVersion() + "; board " + DEMO_BOARD + " settings "
                        + (seed.seeded() ? "seeded now (revision " + seed.revision() + ")"
                        : "kept as stored (revision " + seed.revision() + ")")
                        + (seed.fullDemo() == null ? "" : "; " + seed.fullDemo()));
            } else {
                lines.add("  Engine:   the plugin does not bundle the Capacity Tracker Java API; no demo settings seeded");
            }
            if (imported == null) {
                lines.add("  Demo:     " + (data.demo() == DemoData.Demo.FULL ? data.projects().size() + " projects, "
                        + data.boards().size() + " boards (home page " + baseUri + "); " : "")
                        + "active sprint \"DEMO Sprint 3\" from " + anchor + " (Europe/Berlin); panel at "
                        + baseUri + "plugins/servlet/capacity-tracker?boardId=" + DEMO_BOARD);
            }
            return new CapacityHost(server, osgi, plugin, List.copyOf(others), database, cluster, baseUri, List.copyOf(lines),
                    workDir);
        } catch (Exception | Error e) {
            if (server != null) {
                try {
                    server.stop();
                    server.destroy();
                } catch (LifecycleException stop) {
                    e.addSuppressed(stop);
                }
            }
            closeAll(others);
            if (plugin != null) {
                plugin.close();
            }
            if (osgi != null) {
                osgi.close();
            }
            deleteQuietly(workDir);
            if (cluster != null) {
                cluster.close();
            }
            database.close();
            throw e;
        }
    }

    private static void addFilter(Context app, String name, Filter filter, String pattern) {
        FilterDef def = new FilterDef();
        def.setFilterName(name);
        def.setFilter(filter);
        app.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName(name);
        map.addURLPatternDecoded(pattern);
        map.setDispatcher("REQUEST");
        app.addFilterMap(map);
    }

    private static void addServlet(Context app, String name, HttpServlet servlet, String... patterns) {
        Tomcat.addServlet(app, name, servlet);
        for (String pattern : patterns) {
            app.addServletMappingDecoded(pattern, name);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[capacity-host] WARN removing " + dir + ": " + e.getMessage());
        }
    }

    private static void registerAui(WebResourceRegistry registry) {
        String base = "org/capacitytracker/host/aui/";
        ClassLoader loader = CapacityHost.class.getClassLoader();
        if (loader.getResource(base + "aui-prototyping.js") == null) {
            throw new IllegalStateException("AUI is missing from the host jar (" + base + "); build it with Maven, which "
                    + "fetches @atlassian/aui from npm");
        }
        registry.register(new WebResourceRegistry.Module(WebResourceRegistry.AUI_KEY, List.of(
                new WebResourceRegistry.Resource("jquery.min.js", base + "jquery.min.js", true),
                new WebResourceRegistry.Resource("aui-prototyping.js", base + "aui-prototyping.js", true),
                new WebResourceRegistry.Resource("aui-prototyping.css", base + "aui-prototyping.css", true),
                new WebResourceRegistry.Resource("fonts/", base + "fonts/", false),
                new WebResourceRegistry.Resource("images/", base + "images/", false)),
                List.of(), Set.of(), loader::getResource, null));
    }

    private static HttpServlet redirect(String path) {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.sendRedirect(request.getContextPath() + path);
            }
        };
    }

    /** The host's address, ending in {@code /jira/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** What to tell the person who started the host. */
    public List<String> summary() {
        return summary;
    }

    /** Where the host keeps its data, for the person who stops it. */
    public String dataLocation() {
        return database.description();
    }

    /** The plugin as installed, for tests. */
    LoadedPlugin plugin() {
        return plugin;
    }

    public void join() {
        server.getServer().await();
    }

    /** Stops serving (letting requests in progress finish), closes the plugin, Felix, then the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
            server.destroy();
        } catch (LifecycleException e) {
            System.err.println("[capacity-host] WARN stopping the web server: " + e);
        }
        try {
            closeAll(others);
            plugin.close();
            osgi.close();
        } finally {
            deleteQuietly(workDir);
            cluster.close();
            database.close();
        }
    }

    /** Closes plugins in the reverse of their install order: a consumer before what it imports. */
    private static void closeAll(List<LoadedPlugin> plugins) {
        for (int i = plugins.size() - 1; i >= 0; i--) {
            plugins.get(i).close();
        }
    }
}
