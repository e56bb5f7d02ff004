package com.atlassian.jira.web.bean;

import java.io.Serializable;

/** Signature of Jira 10.3 {@code com.atlassian.jira.web.bean.PagerFilter}, members used only (see STUB-SOURCES.md). */
public class PagerFilter<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private int start;
    private int max;

    public PagerFilter(int start, int max) {
        this.start = start;
        this.max = max;
    }

    public int getStart() {
        return start;
    }

    public int getMax() {
        return max;
    }
}
