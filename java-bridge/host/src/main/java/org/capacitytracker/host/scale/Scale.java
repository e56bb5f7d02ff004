package org.capacitytracker.host.scale;

import java.util.Locale;

/**
 * The sizes of generated dataset the host can hold ({@code --scale}). {@link #DCAPT} is the
 * shape Atlassian's Data Center App Performance Toolkit loads (about 1,500 boards in 1,000
 * projects, 21,000 users, 1,000,000 issues); the smaller two keep the same proportions
 * for tests ({@link #SMALL}) and the browser suite ({@link #MEDIUM}): about 600 issues a
 * board over the year, so that each sprint carries a realistic load for its team.
 */
public enum Scale {
    SMALL(3, 4, 40, 2_400),
    MEDIUM(35, 50, 1_000, 30_000),
    DCAPT(1_000, 1_500, 21_000, 1_000_000);

    /** Projects, boards (every project has one; the rest a second), users, issues including sub-tasks. */
    public final int projects;
    public final int boards;
    public final int users;
    public final int issues;

    Scale(int projects, int boards, int users, int issues) {
        this.projects = projects;
        this.boards = boards;
        this.users = users;
        this.issues = issues;
    }

    /** The option's spelling: small, medium, dcapt. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code small}, {@code medium} or {@code dcapt}; anything else is an error naming the option. */
    public static Scale parse(String value) {
        for (Scale s : values()) {
            if (s.id().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--scale must be small, medium or dcapt, got " + value);
    }
}
