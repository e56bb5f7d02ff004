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
            if (PageDecorator.wantsDecoration(html)) {
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
