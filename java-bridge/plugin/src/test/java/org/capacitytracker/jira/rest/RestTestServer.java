package org.capacitytracker.jira.rest;

import org.capacitytracker.jira.engine.EngineHolder;
import org.capacitytracker.jira.testing.FakeUsers;
import org.capacitytracker.jira.testing.MemoryPluginSettings;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The whole REST module in a real JAX-RS runtime (Jersey 2, as Jira 10 runs it) and a real
 * servlet container on the loopback, over one in-memory engine: the HTTP tests share it so
 * that each one exercises the same set of resources Jira would register.
 */
final class RestTestServer implements AutoCloseable {
    private final Server server;
    private final EngineHolder engines;
    private final String base;

    private RestTestServer(Server server, EngineHolder engines, String base) {
        this.server = server;
        this.engines = engines;
        this.base = base;
    }

    /**
     * Starts every resource of the REST module, with no Jira work behind server-side reports.
     *
     * @param users who may sign in, and their groups
     * @return the running server
     * @throws Exception when Jetty cannot start
     */
    static RestTestServer start(FakeUsers users) throws Exception {
        EngineHolder engines = new EngineHolder(new MemoryPluginSettings());
        ResourceConfig rest = new ResourceConfig().registerInstances(
                new BoardResource(users, engines), new PersonResource(users, engines), new HealthResource(users, engines),
                new TemplateResource(users, engines), new CalendarResource(users, engines),
                new ReportDefinitionResource(users, engines), new AdminResource(users, engines),
                new ReportJobResource(users, engines, NoJiraWork.reports(engines)), new WebApplicationErrors());
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/jira");
        context.addServlet(new ServletHolder(new ServletContainer(rest)), "/rest/capacity/1.0/*");
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            engines.close();
            throw e;
        }
        return new RestTestServer(server, engines, "http://127.0.0.1:" + connector.getLocalPort() + "/jira/rest/capacity/1.0");
    }

    /** @return the REST module's root URL, without a trailing slash */
    String base() {
        return base;
    }

    /** @return the engine behind the resources */
    EngineHolder engines() {
        return engines;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            engines.close();
        }
    }
}
