package org.capacitytracker.host.testplugin;

import com.atlassian.webresource.api.assembler.PageBuilderService;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The test plugin's page: asks for decoration and requires its web resource. */
public class ProbeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient PageBuilderService pageBuilder;

    public ProbeServlet(PageBuilderService pageBuilder) {
        this.pageBuilder = pageBuilder;
    }

    /** The module's init-param {@code decorator}, else Jira's general one. */
    private String decorator() {
        String name = getInitParameter("decorator");
        return name == null ? "atl.general" : name;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pageBuilder.assembler().resources().requireWebResource("test.plugin:probe-resources");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<html><head><title>Probe &amp; co</title>"
                + "<meta name=\"decorator\" content=\"" + decorator() + "\"></head>"
                + "<body class=\"probe-body\"><div id=\"probe\">é</div></body></html>");
    }
}
