package org.capacitytracker.host.web;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;

import javax.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Per-request collection of required web resources, written into the page by the decorator. */
public final class HostPageBuilderService implements PageBuilderService {
    private static final String ATTRIBUTE = HostPageBuilderService.class.getName() + ".assembler";

    private final CurrentRequest current;

    public HostPageBuilderService(CurrentRequest current) {
        this.current = current;
    }

    @Override
    public WebResourceAssembler assembler() {
        HttpServletRequest request = current.request();
        if (request == null) {
            throw new IllegalStateException("PageBuilderService.assembler() is only available while serving a request");
        }
        return assemblerOf(request);
    }

    static RequestAssembler assemblerOf(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof RequestAssembler a) {
            return a;
        }
        RequestAssembler created = new RequestAssembler();
        request.setAttribute(ATTRIBUTE, created);
        return created;
    }

    static final class RequestAssembler implements WebResourceAssembler, RequiredResources {
        private final Set<String> webResources = new LinkedHashSet<>();
        private final Set<String> contexts = new LinkedHashSet<>();

        @Override
        public RequiredResources resources() {
            return this;
        }

        @Override
        public synchronized RequiredResources requireWebResource(String moduleCompleteKey) {
            if (moduleCompleteKey == null || moduleCompleteKey.isBlank()) {
                throw new IllegalArgumentException("web resource key is empty");
            }
            webResources.add(moduleCompleteKey);
            return this;
        }

        @Override
        public synchronized RequiredResources requireContext(String context) {
            if (context == null || context.isBlank()) {
                throw new IllegalArgumentException("web resource context is empty");
            }
            contexts.add(context);
            return this;
        }

        synchronized Set<String> contexts() {
            return new LinkedHashSet<>(contexts);
        }

        synchronized List<String> webResourceList() {
            return List.copyOf(webResources);
        }
    }
}
