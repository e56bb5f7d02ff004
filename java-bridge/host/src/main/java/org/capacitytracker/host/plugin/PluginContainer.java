package org.capacitytracker.host.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugin's component context, as Jira's Spring extender builds it: imported host services,
 * plugin beans created once through their constructor, and modules (REST resources,
 * servlets) autowired by type through their single public constructor. Beans are destroyed
 * in reverse order of creation when the plugin stops.
 */
final class PluginContainer implements AutoCloseable {

    /** A named entry of the context: an imported service or a bean definition. */
    private static final class Entry {
        final String id;
        final SpringContext.Bean definition;
        Object instance;
        Class<?> type;

        Entry(String id, SpringContext.Bean definition, Object instance, Class<?> type) {
            this.id = id;
            this.definition = definition;
            this.instance = instance;
            this.type = type;
        }
    }

    private final ClassLoader loader;
    private final List<Object> hostServices;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<Entry> created = new ArrayList<>();
    private final Set<String> creating = new LinkedHashSet<>();

    PluginContainer(ClassLoader loader, List<Object> hostServices) {
        this.loader = loader;
        this.hostServices = List.copyOf(hostServices);
    }

    /** Imports the host's implementation of {@code interfaceName} under {@code id}. */
    void importService(String id, String interfaceName) throws PluginLoadException {
        Class<?> type = load(interfaceName, "imported service " + id);
        Object service = null;
        for (Object candidate : hostServices) {
            if (type.isInstance(candidate)) {
                service = candidate;
                break;
            }
        }
        if (service == null) {
            throw new PluginLoadException("The plugin imports " + interfaceName + " (as '" + id
                    + "'), which this host does not provide");
        }
        put(new Entry(id, null, service, type));
    }

    void defineBean(SpringContext.Bean bean) throws PluginLoadException {
        put(new Entry(bean.id(), bean, null, load(bean.className(), "bean " + bean.id())));
    }

    private void put(Entry entry) throws PluginLoadException {
        if (entries.putIfAbsent(entry.id, entry) != null) {
            throw new PluginLoadException("Two components of the plugin are named '" + entry.id + "'");
        }
    }

    /** Creates every bean, in declaration order (Spring's eager singletons). */
    void start() throws PluginLoadException {
        for (Entry entry : new ArrayList<>(entries.values())) {
            instance(entry);
        }
    }

    private Object instance(Entry entry) throws PluginLoadException {
        if (entry.instance != null) {
            return entry.instance;
        }
        if (!creating.add(entry.id)) {
            throw new PluginLoadException("Plugin components depend on each other in a cycle: " + creating);
        }
        try {
            SpringContext.Bean bean = entry.definition;
            Object instance;
            if (!bean.args().isEmpty()) {
                instance = createWithArgs(entry.type, bean);
            } else {
                instance = autowire(entry.type, "bean " + bean.id());
            }
            if (bean.initMethod() != null && !bean.initMethod().isBlank()) {
                invoke(instance, bean.initMethod(), "init-method of bean " + bean.id());
            }
            entry.instance = instance;
            created.add(entry);
            return instance;
        } finally {
            creating.remove(entry.id);
        }
    }

    private Object createWithArgs(Class<?> type, SpringContext.Bean bean) throws PluginLoadException {
        Object[] values = new Object[bean.args().size()];
        for (int i = 0; i < values.length; i++) {
            SpringContext.Arg arg = bean.args().get(i);
            if (arg.ref() != null) {
                Entry ref = entries.get(arg.ref());
                if (ref == null) {
                    throw new PluginLoadException("Bean " + bean.id() + " refers to '" + arg.ref()
                            + "', which the plugin does not define or import");
                }
                values[i] = instance(ref);
            } else {
                values[i] = arg.value();
            }
        }
        for (Constructor<?> c : type.getConstructors()) {
            Class<?>[] params = c.getParameterTypes();
            if (params.length != values.length) {
                continue;
            }
            Object[] converted = new Object[values.length];
            boolean fits = true;
            for (int i = 0; i < params.length && fits; i++) {
                converted[i] = convert(values[i], params[i]);
                fits = converted[i] != null || !params[i].isPrimitive();
                if (converted[i] != null && !box(params[i]).isInstance(converted[i])) {
                    fits = false;
                }
            }
            if (fits) {
                return construct(c, converted, "bean " + bean.id());
            }
        }
        throw new PluginLoadException("Bean " + bean.id() + ": " + type.getName()
                + " has no public constructor taking " + values.length + " argument(s) of the given types");
    }

    private static Object convert(Object value, Class<?> target) {
        if (!(value instanceof String s) || target == String.class) {
            return value;
        }
        Class<?> boxed = box(target);
        try {
            if (boxed == Integer.class) {
                return Integer.valueOf(s.trim());
            }
            if (boxed == Long.class) {
                return Long.valueOf(s.trim());
            }
            if (boxed == Boolean.class) {
                return Boolean.valueOf(s.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return value;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    /**
     * Creates {@code type} through its public constructor, each parameter resolved by type
     * from the context. With several public constructors, the one with the most parameters
     * that can all be resolved wins, as Spring's constructor autowiring picks.
     */
    Object autowire(Class<?> type, String what) throws PluginLoadException {
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new PluginLoadException(what + ": " + type.getName() + " is abstract and cannot be created");
        }
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length == 0) {
            throw new PluginLoadException(what + ": " + type.getName() + " has no public constructor");
        }
        Arrays.sort(constructors, (a, b) -> b.getParameterCount() - a.getParameterCount());
        PluginLoadException firstFailure = null;
        for (Constructor<?> c : constructors) {
            try {
                Object[] args = new Object[c.getParameterCount()];
                Class<?>[] params = c.getParameterTypes();
                for (int i = 0; i < params.length; i++) {
                    args[i] = resolve(params[i], what + " (" + type.getSimpleName() + " constructor parameter " + (i + 1) + ")");
                }
                return construct(c, args, what);
            } catch (PluginLoadException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        throw firstFailure;
    }

    private Object resolve(Class<?> type, String what) throws PluginLoadException {
        List<Entry> matches = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (type.isAssignableFrom(entry.type) || (entry.instance != null && type.isInstance(entry.instance))) {
                matches.add(entry);
            }
        }
        if (matches.size() == 1) {
            return instance(matches.get(0));
        }
        if (matches.isEmpty()) {
            for (Object service : hostServices) {
                if (type.isInstance(service)) {
                    throw new PluginLoadException(what + ": needs " + type.getName()
                            + ", which the plugin does not import (add an <osgi:reference> or <component-import>;"
                            + " Jira would not inject it either)");
                }
            }
            throw new PluginLoadException(what + ": no component of type " + type.getName()
                    + " is defined or imported by the plugin");
        }
        List<String> ids = new ArrayList<>();
        for (Entry m : matches) {
            ids.add(m.id);
        }
        throw new PluginLoadException(what + ": several components match " + type.getName() + ": " + ids);
    }

    private static Object construct(Constructor<?> c, Object[] args, String what) throws PluginLoadException {
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new PluginLoadException(what + ": the constructor of " + c.getDeclaringClass().getName() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new PluginLoadException(what + ": cannot create " + c.getDeclaringClass().getName() + ": " + e, e);
        }
    }

    private static void invoke(Object target, String method, String what) throws PluginLoadException {
        try {
            Method m = target.getClass().getMethod(method);
            m.invoke(target);
        } catch (InvocationTargetException e) {
            throw new PluginLoadException(what + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginLoadException(what + ": no public no-argument method " + method + " on "
                    + target.getClass().getName(), e);
        }
    }

    Class<?> load(String className, String what) throws PluginLoadException {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException(what + ": class " + className + " cannot be loaded from the plugin: " + e, e);
        }
    }

    /** The created bean with this id, or null. */
    Object bean(String id) {
        Entry e = entries.get(id);
        return e == null || e.definition == null ? null : e.instance;
    }

    /**
     * Destroys beans in reverse creation order: the declared destroy-method, else
     * {@code destroy()} of Spring's DisposableBean. Every bean is attempted; failures are
     * reported and do not stop the others.
     */
    @Override
    public void close() {
        List<Entry> reverse = new ArrayList<>(created);
        Collections.reverse(reverse);
        for (Entry entry : reverse) {
            String method = entry.definition.destroyMethod();
            if ((method == null || method.isBlank()) && implementsByName(entry.instance.getClass(),
                    "org.springframework.beans.factory.DisposableBean")) {
                method = "destroy";
            }
            if (method != null && !method.isBlank()) {
                try {
                    invoke(entry.instance, method, "destroy-method of bean " + entry.id);
                } catch (PluginLoadException e) {
                    System.err.println("[capacity-host] ERROR " + e.getMessage());
                }
            }
        }
        created.clear();
    }

    private static boolean implementsByName(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(interfaceName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
