package org.capacitytracker.host.web;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Applies {@link PageDecorator} to HTML pages of plugin servlets that ask for a decorator. */
public final class DecoratorFilter implements Filter {
    private final PageDecorator decorator;
    private final java.util.Set<String> warnedDecorators = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DecoratorFilter(PageDecorator decorator) {
        this.decorator = decorator;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        BufferingResponse buffered = new BufferingResponse(response);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        if (response.isCommitted()) {
            // Redirects and errors were sent straight through; anything buffered is moot.
            if (body.length > 0) {
                response.getOutputStream().write(body);
            }
            return;
        }
        String contentType = response.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html") && body.length > 0) {
            String html = new String(body, buffered.charset());
            String decoratorName = PageDecorator.requestedDecorator(html);
            if (decoratorName != null && !PageDecorator.JIRA_DECORATORS.contains(decoratorName)
                    && warnedDecorators.add(decoratorName)) {
                System.err.println("[capacity-host] WARN " + request.getRequestURI() + " asks for the decorator \""
                        + decoratorName + "\", which Jira does not have (it has " + PageDecorator.JIRA_DECORATORS
                        + "): the page is served undecorated, without Jira's chrome or its web resources, as Jira serves it");
            }
            if (decoratorName != null && PageDecorator.JIRA_DECORATORS.contains(decoratorName)) {
                HostPageBuilderService.RequestAssembler assembler = HostPageBuilderService.assemblerOf(request);
                String page = decorator.decorate(html, CurrentRequest.userOf(request), assembler.webResourceList(),
                        assembler.contexts());
                byte[] out = page.getBytes(StandardCharsets.UTF_8);
                response.setContentType("text/html;charset=UTF-8");
                response.setContentLength(out.length);
                response.getOutputStream().write(out);
                return;
            }
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
