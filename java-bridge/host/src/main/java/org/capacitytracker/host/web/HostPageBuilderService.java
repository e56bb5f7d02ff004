package org.capacitytracker.host.web;

import com.atlassian.webresource.api.assembler.AssembledResources;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredData;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import com.atlassian.webresource.api.assembler.resource.ResourcePhase;

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

    /** Makes {@code assembler} the current request's; only assemblers this host made (from {@link #assembler()} or {@code copy()}) can be used. */
    @Override
    public void seed(WebResourceAssembler assembler) {
        HttpServletRequest request = current.request();
        if (request == null) {
            throw new IllegalStateException("PageBuilderService.seed() is only available while serving a request");
        }
        if (!(assembler instanceof RequestAssembler)) {
            throw new UnsupportedOperationException("PageBuilderService.seed(WebResourceAssembler): the host can only seed assemblers it made itself");
        }
        request.setAttribute(ATTRIBUTE, assembler);
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
        private final Set<String> excludedWebResources = new LinkedHashSet<>();
        private final Set<String> excludedContexts = new LinkedHashSet<>();

        @Override
        public RequiredResources resources() {
            return this;
        }

        /** The decorator writes the page's tags itself (WebResourceRegistry); the host has no WebResourceSet to drain. */
        @Override
        public AssembledResources assembled() {
            throw new UnsupportedOperationException("WebResourceAssembler.assembled(): the host's decorator writes the resource tags; there is no WebResourceSet");
        }

        /** The host writes no WRM data (WRM.data) into pages. */
        @Override
        public RequiredData data() {
            throw new UnsupportedOperationException("WebResourceAssembler.data(): the host does not deliver WRM data to pages");
        }

        @Override
        public synchronized WebResourceAssembler copy() {
            RequestAssembler copy = new RequestAssembler();
            copy.webResources.addAll(webResources);
            copy.contexts.addAll(contexts);
            copy.excludedWebResources.addAll(excludedWebResources);
            copy.excludedContexts.addAll(excludedContexts);
            return copy;
        }

        /** The host writes every resource in the page head, so the phase does not change where it goes. */
        @Override
        public RequiredResources requireWebResource(ResourcePhase resourcePhase, String moduleCompleteKey) {
            return requireWebResource(moduleCompleteKey);
        }

        @Override
        public RequiredResources requireContext(ResourcePhase resourcePhase, String context) {
            return requireContext(context);
        }

        @Override
        public RequiredResources requireModule(String moduleName) {
            throw new UnsupportedOperationException("RequiredResources.requireModule(String): the host has no WRM module (AMD) support");
        }

        @Override
        public RequiredResources requireModule(ResourcePhase resourcePhase, String moduleName) {
            throw new UnsupportedOperationException("RequiredResources.requireModule(ResourcePhase, String): the host has no WRM module (AMD) support");
        }

        @Override
        public RequiredResources requirePage(String key) {
            throw new UnsupportedOperationException("RequiredResources.requirePage(String): the host has no WRM page resources");
        }

        @Override
        public RequiredResources requirePage(ResourcePhase resourcePhase, String key) {
            throw new UnsupportedOperationException("RequiredResources.requirePage(ResourcePhase, String): the host has no WRM page resources");
        }

        /** Leaves out the named web resources and contexts (not their dependencies) from what the page gets. */
        @Override
        public synchronized RequiredResources exclude(Set<String> webResources, Set<String> contexts) {
            if (webResources != null) {
                excludedWebResources.addAll(webResources);
            }
            if (contexts != null) {
                excludedContexts.addAll(contexts);
            }
            return this;
        }

        /** The host has no superbatch, so there is nothing to leave out. */
        @Override
        public RequiredResources excludeSuperbatch() {
            return this;
        }

        /** The host has no superbatch, so requiring it adds nothing. */
        @Override
        public RequiredResources requireSuperbatch(ResourcePhase resourcePhase) {
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
            Set<String> result = new LinkedHashSet<>(contexts);
            result.removeAll(excludedContexts);
            return result;
        }

        synchronized List<String> webResourceList() {
            return webResources.stream().filter(key -> !excludedWebResources.contains(key)).toList();
        }
    }
}
