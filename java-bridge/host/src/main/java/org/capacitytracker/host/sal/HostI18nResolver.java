package org.capacitytracker.host.sal;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.Message;
import com.atlassian.sal.api.message.MessageCollection;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A plugin's SAL {@link I18nResolver}, as Jira gives each plugin one: the text of the
 * plugin's i18n resources ({@code <resource type="i18n" location="...">} in its descriptor,
 * read from its own class loader, with the usual locale fallback), formatted with
 * {@link MessageFormat} (so a quote in the text is written {@code ''}); a key that no
 * resource has comes back as the key itself, as SAL does.
 * <pre>{@code
 * I18nResolver i18n = new HostI18nResolver(plugin.classLoader(), List.of("capacity-tracker"));
 * i18n.getText("capacity-tracker.page.error.view", "x");   // The view "x" does not exist: ...
 * }</pre>
 */
public final class HostI18nResolver implements I18nResolver {
    private final ClassLoader loader;
    private final List<String> locations;
    private final Supplier<Locale> currentLocale;

    /**
     * @param pluginClassLoader where the plugin's resources are
     * @param locations the descriptor's i18n locations, e.g. {@code i18n/texts} for {@code i18n/texts.properties}
     */
    public HostI18nResolver(ClassLoader pluginClassLoader, List<String> locations) {
        this(pluginClassLoader, locations, () -> Locale.ROOT);
    }

    /** @param currentLocale the locale of the current user, for the methods that take none */
    public HostI18nResolver(ClassLoader pluginClassLoader, List<String> locations, Supplier<Locale> currentLocale) {
        this.loader = Objects.requireNonNull(pluginClassLoader, "pluginClassLoader");
        this.locations = List.copyOf(locations);
        this.currentLocale = Objects.requireNonNull(currentLocale, "currentLocale");
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return getText(currentLocale.get(), key, arguments);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        String raw = getRawText(locale, key);
        Object[] args = resolveArguments(locale, arguments);
        try {
            return new MessageFormat(raw, locale).format(args);
        } catch (IllegalArgumentException e) {
            return raw; // Not a valid pattern: the text as written.
        }
    }

    @Override
    public String getText(String key) {
        return getText(key, new Serializable[0]);
    }

    @Override
    public String getText(Locale locale, String key) {
        return getText(locale, key, new Serializable[0]);
    }

    @Override
    public String getText(Message message) {
        return getText(message.getKey(), message.getArguments());
    }

    @Override
    public String getText(Locale locale, Message message) {
        return getText(locale, message.getKey(), message.getArguments());
    }

    @Override
    public String getRawText(String key) {
        return getRawText(currentLocale.get(), key);
    }

    @Override
    public String getRawText(Locale locale, String key) {
        for (ResourceBundle bundle : bundles(locale)) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return key;
    }

    @Override
    public Message createMessage(String key, Serializable... arguments) {
        return new HostMessage(key, arguments);
    }

    @Override
    public MessageCollection createMessageCollection() {
        return new HostMessageCollection();
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix) {
        return getAllTranslationsForPrefix(prefix, currentLocale.get());
    }

    @Override
    public Map<String, String> getAllTranslationsForPrefix(String prefix, Locale locale) {
        Map<String, String> all = new TreeMap<>();
        List<ResourceBundle> bundles = bundles(locale);
        Collections.reverse(bundles); // earlier locations win, as in getRawText
        for (ResourceBundle bundle : bundles) {
            for (String key : bundle.keySet()) {
                if (key.startsWith(prefix)) {
                    all.put(key, bundle.getString(key));
                }
            }
        }
        return all;
    }

    private Object[] resolveArguments(Locale locale, Serializable[] arguments) {
        if (arguments == null) {
            return new Object[0];
        }
        Object[] args = Arrays.copyOf(arguments, arguments.length, Object[].class);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Message m) {
                args[i] = getText(locale, m);
            }
        }
        return args;
    }

    private List<ResourceBundle> bundles(Locale locale) {
        List<ResourceBundle> bundles = new ArrayList<>();
        for (String location : locations) {
            try {
                bundles.add(ResourceBundle.getBundle(location.replace('/', '.'), locale == null ? Locale.ROOT : locale,
                        loader, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
            } catch (MissingResourceException e) {
                // A location the plugin declares but does not ship: the host warned at load time.
            }
        }
        return bundles;
    }

    private record HostMessage(String key, Serializable[] arguments) implements Message {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public Serializable[] getArguments() {
            return arguments == null ? new Serializable[0] : arguments.clone();
        }
    }

    private static final class HostMessageCollection implements MessageCollection {
        private final List<Message> messages = new ArrayList<>();

        @Override
        public void addMessage(String key, Serializable... arguments) {
            messages.add(new HostMessage(key, arguments));
        }

        @Override
        public void addMessage(Message message) {
            messages.add(message);
        }

        @Override
        public void addAll(List<Message> messages) {
            this.messages.addAll(messages);
        }

        @Override
        public boolean isEmpty() {
            return messages.isEmpty();
        }

        @Override
        public List<Message> getMessages() {
            return List.copyOf(messages);
        }
    }
}
