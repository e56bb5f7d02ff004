package org.capacitytracker.host;

import org.capacitytracker.host.auth.HostUser;
import org.capacitytracker.host.auth.PasswordHasher;
import org.capacitytracker.host.auth.UserStore;
import org.capacitytracker.host.db.Database;
import org.capacitytracker.host.jira.DemoData;
import org.capacitytracker.host.jira.JiraRestServlet;
import org.capacitytracker.host.plugin.LoadedPlugin;
import org.capacitytracker.host.plugin.PluginDescriptor;
import org.capacitytracker.host.sal.HostClusterLockService;
import org.capacitytracker.host.sal.HostLoginUriProvider;
import org.capacitytracker.host.sal.HostUserManager;
import org.capacitytracker.host.settings.JdbcPluginSettingsFactory;
import org.capacitytracker.host.web.AvatarServlet;
import org.capacitytracker.host.web.CurrentRequest;
import org.capacitytracker.host.web.DecoratorFilter;
import org.capacitytracker.host.web.DownloadServlet;
import org.capacitytracker.host.web.HomeServlet;
import org.capacitytracker.host.web.IssueServlet;
import org.capacitytracker.host.web.HostPageBuilderService;
import org.capacitytracker.host.web.LoginServlet;
import org.capacitytracker.host.web.LogoutServlet;
import org.capacitytracker.host.web.PageDecorator;
import org.capacitytracker.host.web.SecurityFilter;
import org.capacitytracker.host.web.WebResourceRegistry;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.server.session.SessionHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The Jira-compatible plugin host: database, users, SAL services, the plugin, and Jetty
 * serving it all under {@code /jira}. {@link #start} returns once it serves requests;
 * {@link #close} stops it and closes the plugin (and so its engine) and the database.
 */
public final class CapacityHost implements AutoCloseable {
    private static final String DEMO_BOARD = "1";

    private final Server server;
    private final LoadedPlugin plugin;
    private final Database database;
    private final URI baseUri;
    private final List<String> summary;
    private boolean closed;

    private CapacityHost(Server server, LoadedPlugin plugin, Database database, URI baseUri, List<String> summary) {
        this.server = server;
        this.plugin = plugin;
        this.database = database;
        this.baseUri = baseUri;
        this.summary = summary;
    }

    public static CapacityHost start(HostOptions options) throws Exception {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        Database database = options.jdbcUrl() == null ? Database.embedded(dataDir)
                : Database.external(options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword());
        LoadedPlugin plugin = null;
        Server server = null;
        try {
            String context = HostOptions.CONTEXT_PATH;
            PasswordHasher hasher = new PasswordHasher();
            UserStore users = new UserStore(database, hasher);
            boolean firstStart = users.isEmpty();
            if (firstStart) {
                for (DemoData.DemoUser u : DemoData.USERS) {
                    String password = u.admin() && options.adminPassword() != null ? options.adminPassword()
                            : u.defaultPassword();
                    users.create(u.username(), u.username(), u.displayName(), u.email(), password,
                            u.admin() ? Set.of(HostUser.ADMINISTRATORS, HostUser.SOFTWARE_USERS) : Set.of(HostUser.SOFTWARE_USERS));
                }
            } else if (options.adminPassword() != null) {
                users.setPassword("admin", options.adminPassword());
            }
            boolean adminDefault = options.adminPassword() == null ? users.authenticate("admin", "admin").isPresent()
                    : options.adminPassword().equals("admin");

            JdbcPluginSettingsFactory settings = new JdbcPluginSettingsFactory(database);
            LocalDate anchor = options.demoAnchor() != null ? options.demoAnchor() : DemoData.defaultAnchor();
            DemoData data = DemoData.generate(anchor);

            CurrentRequest current = new CurrentRequest();
            HostUserManager userManager = new HostUserManager(users, current, context);
            HostLoginUriProvider loginUriProvider = new HostLoginUriProvider(context);
            HostPageBuilderService pageBuilder = new HostPageBuilderService(current);
            HostClusterLockService clusterLocks = new HostClusterLockService();
            WebResourceRegistry registry = new WebResourceRegistry();
            registerAui(registry);
            PageDecorator decorator = new PageDecorator(context, registry);

            plugin = LoadedPlugin.load(options.pluginJar(),
                    List.of(settings, userManager, loginUriProvider, pageBuilder, clusterLocks));
            PluginDescriptor descriptor = plugin.descriptor();
            plugin.registerWebResources(registry);
            DemoSeeder.Outcome seed = DemoSeeder.seedBoardSettings(plugin.classLoader(), settings, clusterLocks, DEMO_BOARD);

            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("capacity-host");
            server = new Server(threads);
            HttpConfiguration http = new HttpConfiguration();
            http.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(options.bindHost());
            connector.setPort(options.port());
            server.addConnector(connector);

            ServletContextHandler app = new ServletContextHandler(ServletContextHandler.SESSIONS);
            app.setContextPath(context);
            SessionHandler sessions = app.getSessionHandler();
            sessions.setHttpOnly(true);
            sessions.setSameSite(HttpCookie.SameSite.LAX);
            sessions.setMaxInactiveInterval(8 * 3600);
            ErrorHandler errors = new ErrorHandler();
            errors.setShowStacks(false);
            errors.setShowServlet(false);
            app.setErrorHandler(errors);

            app.addFilter(new FilterHolder(new SecurityFilter(users, current)), "/*", EnumSet.of(DispatcherType.REQUEST));
            app.addFilter(new FilterHolder(new DecoratorFilter(decorator)), "/plugins/servlet/*",
                    EnumSet.of(DispatcherType.REQUEST));

            List<HomeServlet.BoardPage> boardPages = new ArrayList<>();
            for (PluginDescriptor.ServletModule s : descriptor.servlets()) {
                String pattern = s.urlPatterns().get(0);
                if (!pattern.contains("*")) {
                    boardPages.add(new HomeServlet.BoardPage(s.name(), "/plugins/servlet" + pattern));
                }
            }
            String pluginSummary = "Installed app: " + descriptor.name() + " " + descriptor.version() + " ("
                    + descriptor.key() + ")" + (seed.nativeVersion() == null ? "" : ", native engine " + seed.nativeVersion())
                    + ". Demo sprint \"DEMO Sprint 3\" starts " + anchor + ".";
            app.addServlet(new ServletHolder("home", new HomeServlet(data, decorator, boardPages, pluginSummary)), "");
            app.addServlet(new ServletHolder("dashboard", redirect("/")), "/secure/Dashboard.jspa");
            app.addServlet(new ServletHolder("browse", new IssueServlet(data, decorator)), "/browse/*");
            String hint = "Demo users alice, bob, carol, dave and erin log in with their user name as password"
                    + (adminDefault ? "; admin's password is admin." : ".");
            app.addServlet(new ServletHolder("login", new LoginServlet(users, decorator, hint)), "/login.jsp");
            app.addServlet(new ServletHolder("logout", new LogoutServlet()), "/logout");
            app.addServlet(new ServletHolder("download", new DownloadServlet(registry)), "/download/resources/*");
            app.addServlet(new ServletHolder("avatar", new AvatarServlet(users)), "/secure/useravatar");
            ServletHolder jira = new ServletHolder("jira-rest", new JiraRestServlet(data, users));
            for (String mount : List.of("/rest/api/2/*", "/rest/api/latest/*", "/rest/agile/1.0/*", "/rest/agile/latest/*")) {
                app.addServlet(jira, mount);
            }
            plugin.mount(app);

            ContextHandler root = new ContextHandler("/");
            root.setHandler(new AbstractHandler() {
                @Override
                public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
                        throws IOException {
                    base.setHandled(true);
                    if ("/".equals(target)) {
                        response.sendRedirect(context + "/");
                    } else if ("/favicon.ico".equals(target)) {
                        // Browsers ask for it on every page; "nothing" keeps their consoles clean.
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    } else {
                        response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    }
                }
            });
            StatisticsHandler stats = new StatisticsHandler();
            stats.setHandler(new ContextHandlerCollection(app, root));
            server.setHandler(stats);
            // Requests in progress get this long to finish when the host stops.
            server.setStopTimeout(5_000);
            server.setStopAtShutdown(false);
            server.start();

            String host = options.bindHost();
            if (host.equals("0.0.0.0") || host.equals("127.0.0.1") || host.equals("::")) {
                host = "localhost";
            }
            URI baseUri = URI.create("http://" + host + ":" + connector.getLocalPort() + context + "/");
            List<String> lines = new ArrayList<>();
            lines.add("Capacity Tracker host is running at " + baseUri);
            lines.add("  Log in:   " + (adminDefault ? "admin / admin" : "admin / (the --admin-password you set)")
                    + "   (demo users alice, bob, carol, dave, erin: password = user name)");
            lines.add("  Data dir: " + dataDir + (options.jdbcUrl() == null ? "" : " (unused: database at "
                    + database.description() + ")"));
            lines.add("  Database: " + database.description() + (firstStart ? " (created now)" : ""));
            lines.add("  Plugin:   " + descriptor.name() + " " + descriptor.version() + " (" + descriptor.key() + ") from "
                    + plugin.jar().toAbsolutePath().normalize());
            if (seed.apiPresent()) {
                lines.add("  Engine:   native " + seed.nativeVersion() + "; board " + DEMO_BOARD + " settings "
                        + (seed.seeded() ? "seeded now (revision " + seed.revision() + ")"
                        : "kept as stored (revision " + seed.revision() + ")"));
            } else {
                lines.add("  Engine:   the plugin does not bundle the Capacity Tracker Java API; no demo settings seeded");
            }
            lines.add("  Demo:     active sprint \"DEMO Sprint 3\" from " + anchor + " (Europe/Berlin); panel at "
                    + baseUri + "plugins/servlet/capacity-tracker?boardId=" + DEMO_BOARD);
            return new CapacityHost(server, plugin, database, baseUri, List.copyOf(lines));
        } catch (Exception | Error e) {
            if (server != null) {
                try {
                    server.stop();
                } catch (Exception stop) {
                    e.addSuppressed(stop);
                }
            }
            if (plugin != null) {
                plugin.close();
            }
            database.close();
            throw e;
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
                List.of(), Set.of(), loader::getResource));
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

    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops serving (letting requests in progress finish), closes the plugin, then the database. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("[capacity-host] WARN stopping the web server: " + e);
        }
        try {
            plugin.close();
        } finally {
            database.close();
        }
    }
}
