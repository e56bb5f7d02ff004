package org.capacitytracker.jira.testing;

import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import java.util.ArrayList;
import java.util.List;

/** Records the web resources a page requires. */
public final class RecordingPageBuilder implements PageBuilderService, WebResourceAssembler, RequiredResources {
    public final List<String> required = new ArrayList<>();

    @Override
    public WebResourceAssembler assembler() {
        return this;
    }

    @Override
    public RequiredResources resources() {
        return this;
    }

    @Override
    public RequiredResources requireWebResource(String moduleCompleteKey) {
        required.add(moduleCompleteKey);
        return this;
    }

    @Override
    public RequiredResources requireContext(String context) {
        required.add("context:" + context);
        return this;
    }
}
