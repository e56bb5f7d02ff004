package org.capacitytracker.host.plugin;

/** The plugin jar cannot be installed as it is; the message says which part and why. */
public final class PluginLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
