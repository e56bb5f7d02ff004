package com.atlassian.webresource.api.assembler;

public interface RequiredResources {
    /** Requires a web-resource module by its complete key, "pluginKey:moduleKey". */
    RequiredResources requireWebResource(String moduleCompleteKey);

    RequiredResources requireContext(String context);
}
