package org.capacitytracker.jira.testing;

import com.atlassian.webresource.api.assembler.AssembledResources;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.atlassian.webresource.api.assembler.RequiredData;
import com.atlassian.webresource.api.assembler.RequiredResources;
import com.atlassian.webresource.api.assembler.WebResourceAssembler;
import com.atlassian.webresource.api.assembler.resource.ResourcePhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    @Override
    public void seed(WebResourceAssembler assembler) {
        throw new UnsupportedOperationException("seed: the plugin does not seed assemblers");
    }

    @Override
    public AssembledResources assembled() {
        throw new UnsupportedOperationException("assembled: the plugin does not write resource tags");
    }

    @Override
    public RequiredData data() {
        throw new UnsupportedOperationException("data: the plugin requires no WRM data");
    }

    @Override
    public WebResourceAssembler copy() {
        throw new UnsupportedOperationException("copy: the plugin does not copy assemblers");
    }

    @Override
    public RequiredResources requireWebResource(ResourcePhase resourcePhase, String moduleCompleteKey) {
        required.add(resourcePhase + ":" + moduleCompleteKey);
        return this;
    }

    @Override
    public RequiredResources requireModule(String moduleName) {
        required.add("module:" + moduleName);
        return this;
    }

    @Override
    public RequiredResources requireModule(ResourcePhase resourcePhase, String moduleName) {
        required.add(resourcePhase + ":module:" + moduleName);
        return this;
    }

    @Override
    public RequiredResources requireContext(ResourcePhase resourcePhase, String context) {
        required.add(resourcePhase + ":context:" + context);
        return this;
    }

    @Override
    public RequiredResources exclude(Set<String> webResources, Set<String> contexts) {
        required.add("exclude:" + webResources + ":" + contexts);
        return this;
    }

    @Override
    public RequiredResources requirePage(String key) {
        required.add("page:" + key);
        return this;
    }

    @Override
    public RequiredResources requirePage(ResourcePhase resourcePhase, String key) {
        required.add(resourcePhase + ":page:" + key);
        return this;
    }

    @Override
    public RequiredResources excludeSuperbatch() {
        required.add("excludeSuperbatch");
        return this;
    }

    @Override
    public RequiredResources requireSuperbatch(ResourcePhase resourcePhase) {
        required.add(resourcePhase + ":superbatch");
        return this;
    }
}
