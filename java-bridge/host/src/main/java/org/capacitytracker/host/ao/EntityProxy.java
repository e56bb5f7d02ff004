package org.capacitytracker.host.ao;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.java.ao.RawEntity;

/**
 * One row as an instance of the plugin's entity interface: getters read the loaded row,
 * setters change it in memory, {@code save()} writes the changed columns.
 */
final class EntityProxy implements InvocationHandler {
    final EntityTable table;
    final int id;
    private final JdbcActiveObjects ao;
    private final Map<String, Object> row;
    private final Map<String, Object> changed = new LinkedHashMap<>();
    private final List<PropertyChangeListener> listeners = new CopyOnWriteArrayList<>();

    private EntityProxy(JdbcActiveObjects ao, EntityTable table, int id, Map<String, Object> row) {
        this.ao = ao;
        this.table = table;
        this.id = id;
        this.row = new HashMap<>(row);
    }

    @SuppressWarnings("unchecked")
    static <T> T create(JdbcActiveObjects ao, EntityTable table, int id, Map<String, Object> row) {
        return (T) Proxy.newProxyInstance(table.type.getClassLoader(), new Class<?>[] {table.type},
                new EntityProxy(ao, table, id, row));
    }

    static EntityProxy of(RawEntity<?> entity) {
        if (entity == null || !Proxy.isProxyClass(entity.getClass())
                || !(Proxy.getInvocationHandler(entity) instanceof EntityProxy handler)) {
            throw new IllegalArgumentException("not an entity of this Active Objects: " + entity);
        }
        return handler;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        switch (name) {
            case "getID":
                return id;
            case "save":
                ao.update(table, id, changed);
                changed.clear();
                return null;
            case "init":
                return null;
            case "getEntityType":
                return table.type;
            case "addPropertyChangeListener":
                listeners.add((PropertyChangeListener) args[0]);
                return null;
            case "removePropertyChangeListener":
                listeners.remove((PropertyChangeListener) args[0]);
                return null;
            case "equals":
                return arity == 1 && args[0] instanceof RawEntity<?> other && Proxy.isProxyClass(other.getClass())
                        && Proxy.getInvocationHandler(other) instanceof EntityProxy h && h.table.type == table.type
                        && h.id == id;
            case "hashCode":
                return table.type.hashCode() * 31 + id;
            case "toString":
                return table.type.getSimpleName() + "{ID=" + id + "}";
            default:
                break;
        }
        String property = EntityTable.propertyOf(method);
        if (property != null && table.properties.containsKey(property)) {
            Object value = row.get(table.properties.get(property));
            if (value == null && method.getReturnType().isPrimitive()) {
                return method.getReturnType() == boolean.class ? Boolean.FALSE
                        : method.getReturnType() == long.class ? (Object) 0L : (Object) 0;
            }
            return value;
        }
        if (name.startsWith("set") && arity == 1 && table.properties.containsKey(name.substring(3))) {
            String column = table.properties.get(name.substring(3));
            table.check(column, args[0]);
            Object old = row.put(column, args[0]);
            changed.put(column, args[0]);
            PropertyChangeEvent event = new PropertyChangeEvent(proxy, name.substring(3), old, args[0]);
            listeners.forEach(l -> l.propertyChange(event));
            return null;
        }
        throw new UnsupportedOperationException(table.type.getName() + "." + name
                + " is not a property accessor the host's Active Objects supports");
    }
}
