package org.capacitytracker.host.plugin.rest;

import org.capacitytracker.host.plugin.spring.PluginApplicationContext;
import org.glassfish.hk2.utilities.binding.AbstractBinder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bridges a plugin's Spring context into HK2, as Jira's REST v2 does: a REST resource's
 * {@code @Inject} constructor can receive any of the plugin's beans and imported services,
 * by any class or interface of theirs that exactly one of them has. Nothing else is
 * injectable, so a resource cannot reach a host service the plugin did not import.
 */
public final class PluginComponentsBinder extends AbstractBinder {
    private final PluginApplicationContext context;

    public PluginComponentsBinder(PluginApplicationContext context) {
        this.context = context;
    }

    @Override
    protected void configure() {
        Map<Class<?>, List<String>> owners = new HashMap<>();
        Map<String, Set<Class<?>>> typesOf = new HashMap<>();
        for (String name : context.beanNames()) {
            Class<?> type = context.type(name);
            if (type == null) {
                continue;
            }
            Set<Class<?>> types = new LinkedHashSet<>();
            collect(type, types);
            typesOf.put(name, types);
            for (Class<?> t : types) {
                owners.computeIfAbsent(t, k -> new ArrayList<>()).add(name);
            }
        }
        for (Map.Entry<String, Set<Class<?>>> e : typesOf.entrySet()) {
            Object bean = context.bean(e.getKey());
            for (Class<?> t : e.getValue()) {
                if (owners.get(t).size() == 1) {
                    bindAs(bean, t);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <T> void bindAs(Object bean, Class<T> type) {
        bind((T) bean).to(type);
    }

    private static void collect(Class<?> type, Set<Class<?>> out) {
        if (type == null || type == Object.class || type.getName().startsWith("java.")) {
            return;
        }
        if (out.add(type)) {
            collect(type.getSuperclass(), out);
            for (Class<?> i : type.getInterfaces()) {
                collect(i, out);
            }
        }
    }
}
