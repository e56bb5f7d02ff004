package net.java.ao;

/**
 * The members of Active Objects' {@code net.java.ao.Query} the plugin uses (see STUB-SOURCES.md):
 * a fluent SELECT with a WHERE clause of "?" parameters, an order and a limit.
 */
public class Query {
    private String whereClause;
    private Object[] whereParams = new Object[0];
    private String orderClause;
    private int limit = -1;

    public Query() {
    }

    public static Query select() {
        return new Query();
    }

    public static Query select(String fields) {
        // The host always selects every column of the entity; the argument is accepted as AO does.
        return new Query();
    }

    public Query where(String clause, Object... params) {
        this.whereClause = clause;
        this.whereParams = params == null ? new Object[0] : params.clone();
        return this;
    }

    public Query order(String clause) {
        this.orderClause = clause;
        return this;
    }

    public Query limit(int limit) {
        this.limit = limit;
        return this;
    }

    public String getWhereClause() {
        return whereClause;
    }

    public Object[] getWhereParams() {
        return whereParams.clone();
    }

    public String getOrderClause() {
        return orderClause;
    }

    public int getLimit() {
        return limit;
    }
}
