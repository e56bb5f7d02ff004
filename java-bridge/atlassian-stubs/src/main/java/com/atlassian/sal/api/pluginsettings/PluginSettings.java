package com.atlassian.sal.api.pluginsettings;

/**
 * Key/value settings storage a plugin gets from the product (SAL). Values are String,
 * List&lt;String&gt;, Map&lt;String,String&gt; or Properties; put/remove return the previous value.
 */
public interface PluginSettings {
    Object get(String key);

    Object put(String key, Object value);

    Object remove(String key);
}
