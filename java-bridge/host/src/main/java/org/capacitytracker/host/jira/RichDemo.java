package org.capacitytracker.host.jira;

import org.capacitytracker.host.jira.DemoData.Board;
import org.capacitytracker.host.jira.DemoData.DemoUser;
import org.capacitytracker.host.jira.DemoData.Issue;
import org.capacitytracker.host.jira.DemoData.IssueType;
import org.capacitytracker.host.jira.DemoData.Project;
import org.capacitytracker.host.jira.DemoData.Sprint;
import org.capacitytracker.host.jira.DemoData.Status;
import org.capacitytracker.host.jira.DemoData.Version;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the full demo ({@code --demo full}, the default of {@code make run}) adds to the basic
 * one around the DEMO project and board 1, which stay exactly as DEMO.md fixes them: three
 * more projects, four more boards (Scrum and Kanban, hours and story points, Berlin and New
 * York), twenty more people, sprints, issues, and Kanban fix versions with start and release
 * dates. Only the Jira side lives here; the Capacity Tracker documents are in the host's
 * {@code DemoPlan}. Ids stay fixed so that tests and other helpers can name them.
 */
final class RichDemo {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static final Project PAY = new Project(10100, "PAY", "Payments");
    static final Project WEB = new Project(10200, "WEB", "Web Storefront");
    static final Project OPS = new Project(10300, "OPS", "Operations");

    static final long PAY_BOARD = 2;
    static final long WEB_BOARD = 3;
    static final long OPS_KANBAN = 4;
    static final long PAY_KANBAN = 5;

    /** The people the full demo adds to the basic six; they log in with their user name as password. */
    static final List<DemoUser> MORE_USERS = List.of(
            user("frank", "Frank Fischer"), user("grace", "Grace Garcia"), user("heidi", "Heidi Hansen"),
            user("ivan", "Ivan Ivanov"), user("judy", "Judy Jones"), user("ken", "Ken Kato"),
            user("laura", "Laura Lopez"), user("mike", "Mike Miller"), user("nina", "Nina Novak"),
            user("oscar", "Oscar Olsen"), user("peggy", "Peggy Park"), user("quinn", "Quinn Quigley"),
            user("rita", "Rita Rossi"), user("sam", "Sam Singh"), user("tina", "Tina Torres"),
            user("uma", "Uma Udall"), user("victor", "Victor Vance"), user("wendy", "Wendy Wu"),
            user("xavier", "Xavier Xu"), user("yara", "Yara Young"));

    /** Jira group of the people who plan capacity (everyone but the restricted contractor, victor). */
    static final String DEVELOPERS = "jira-developers";
    /** Jira group of the payments team, the only people who may see board 2 once permissions are on. */
    static final String PAYMENTS_TEAM = "payments-team";
    private static final Set<String> PAYMENTS = Set.of("frank", "grace", "heidi", "ivan", "judy", "erin");

    /** Project leads (user names), shown on the home page and in {@code project/{key}}. */
    static final Map<String, String> LEADS = Map.of("DEMO", "alice", "PAY", "judy", "WEB", "ken", "OPS", "oscar");

    private RichDemo() {
    }

    private static DemoUser user(String name, String display) {
        return new DemoUser(name, display, name + "@example.com", false, true);
    }

    /** The Jira groups a full-demo user is in besides {@code jira-software-users} (and the admins'). */
    static Set<String> extraGroups(String username) {
        if (username.equals("admin") || username.equals("victor")) {
            return Set.of();
        }
        return PAYMENTS.contains(username) ? Set.of(DEVELOPERS, PAYMENTS_TEAM) : Set.of(DEVELOPERS);
    }

    static List<Project> projects() {
        return List.of(PAY, WEB, OPS);
    }

    static List<Board> boards() {
        return List.of(new Board(PAY_BOARD, "PAY board", "scrum", PAY), new Board(WEB_BOARD, "WEB board", "scrum", WEB),
                new Board(OPS_KANBAN, "OPS Kanban", "kanban", OPS), new Board(PAY_KANBAN, "PAY support", "kanban", PAY));
    }

    /** PAY's sprints run with DEMO's in Berlin; WEB's run Wednesday to Tuesday in New York. */
    static List<Sprint> sprints(LocalDate anchor) {
        return List.of(
                sprint(anchor, 5, "PAY Sprint 21", "closed", -28, -17, PAY_BOARD, DemoData.TEAM_ZONE, "Card tokens"),
                sprint(anchor, 6, "PAY Sprint 22", "closed", -14, -3, PAY_BOARD, DemoData.TEAM_ZONE, "Refunds API"),
                sprint(anchor, 7, "PAY Sprint 23", "active", 0, 11, PAY_BOARD, DemoData.TEAM_ZONE, "SEPA instant payments"),
                sprint(anchor, 8, "PAY Sprint 24", "future", 14, 25, PAY_BOARD, DemoData.TEAM_ZONE, ""),
                sprint(anchor, 9, "WEB Sprint 7", "closed", -33, -20, WEB_BOARD, NEW_YORK, "New checkout"),
                sprint(anchor, 10, "WEB Sprint 8", "closed", -19, -6, WEB_BOARD, NEW_YORK, "Holiday sale pages"),
                sprint(anchor, 11, "WEB Sprint 9", "active", -5, 8, WEB_BOARD, NEW_YORK, "Search that finds things"),
                sprint(anchor, 12, "WEB Sprint 10", "future", 9, 22, WEB_BOARD, NEW_YORK, ""));
    }

    private static Sprint sprint(LocalDate anchor, long id, String name, String state, int startOffset, int endOffset,
                                 long boardId, ZoneId zone, String goal) {
        ZonedDateTime start = ZonedDateTime.of(anchor.plusDays(startOffset), LocalTime.of(9, 0), zone);
        ZonedDateTime end = ZonedDateTime.of(anchor.plusDays(endOffset), LocalTime.of(17, 0), zone);
        ZonedDateTime complete = "closed".equals(state) ? end.plusMinutes(30) : null;
        return new Sprint(id, name, state, start, end, complete, boardId, goal);
    }

    /** Fix versions; the Kanban projects' (PAY, OPS) have start and release dates around the anchor. */
    static List<Version> versions(LocalDate anchor) {
        return List.of(
                new Version(10100, "PAY 3.4", "Card tokens and refunds", true, false, anchor.minusDays(28), anchor.minusDays(3), PAY.id()),
                new Version(10101, "PAY 3.5", "SEPA instant", false, false, anchor.minusDays(2), anchor.plusDays(18), PAY.id()),
                new Version(10102, "PAY 3.6", "Wallets", false, false, anchor.plusDays(21), anchor.plusDays(46), PAY.id()),
                new Version(10200, "Winter release", "Checkout and search", false, false, anchor.minusDays(33), anchor.plusDays(8), WEB.id()),
                new Version(10300, "OPS 2026.11", "Monitoring clean-up", true, false, anchor.minusDays(35), anchor.minusDays(8), OPS.id()),
                new Version(10301, "OPS 2026.12", "Database upgrade", false, false, anchor.minusDays(7), anchor.plusDays(11), OPS.id()),
                new Version(10302, "OPS 2027.01", "New region", false, false, anchor.plusDays(14), anchor.plusDays(39), OPS.id()));
    }

    /** The issues, with the fix versions of each in {@code fixVersions} (issue key to version ids). */
    static List<Issue> issues(Map<String, List<Long>> fixVersions) {
        List<Issue> out = new ArrayList<>();
        Builder pay = new Builder(out, fixVersions, "PAY", 10100);
        // PAY board: story points, sprints 5-8.
        pay.add("Tokenise stored cards", "frank", IssueType.STORY, Status.DONE, 5.0, 5, 10100);
        pay.add("Refund endpoint", "grace", IssueType.STORY, Status.DONE, 3.0, 6, 10100);
        pay.add("SEPA instant transfer flow", "frank", IssueType.STORY, Status.IN_PROGRESS, 8.0, 7, 10101);
        pay.add("Instant payment limits", "grace", IssueType.STORY, Status.TO_DO, 5.0, 7, 10101);
        pay.add("Bank holiday cut-off times", "ivan", IssueType.STORY, Status.TO_DO, 3.0, 7, 10101);
        pay.add("Reconciliation report", "erin", IssueType.TASK, Status.IN_PROGRESS, 2.0, 7, 10101);
        pay.add("Test SEPA failure codes", "heidi", IssueType.TASK, Status.TO_DO, 3.0, 7, 10101);
        pay.add("Duplicate webhook on retry", "heidi", IssueType.BUG, Status.IN_PROGRESS, 2.0, 7, 10101);
        pay.add("Acceptance criteria for wallets", "judy", IssueType.TASK, Status.TO_DO, 1.0, 7, 10102);
        pay.add("Fraud rules review", null, IssueType.TASK, Status.TO_DO, 2.0, 7, 10101);
        pay.add("Apple Pay wallet", "frank", IssueType.STORY, Status.TO_DO, 8.0, 8, 10102);
        pay.add("Google Pay wallet", "grace", IssueType.STORY, Status.TO_DO, 8.0, 8, 10102);
        // PAY support (Kanban): no sprint, planned by fix version.
        pay.add("Merchant cannot download statement", "rita", IssueType.BUG, Status.IN_PROGRESS, 2.0, 0, 10101);
        pay.add("Chargeback notification template", "sam", IssueType.TASK, Status.TO_DO, 1.0, 0, 10101);
        pay.add("Payout delayed for weekend batch", "tina", IssueType.BUG, Status.TO_DO, 3.0, 0, 10101);
        pay.add("Support runbook for SEPA instant", "erin", IssueType.TASK, Status.TO_DO, 2.0, 0, 10101);
        pay.add("Wallet support FAQ", "ivan", IssueType.TASK, Status.TO_DO, 2.0, 0, 10102);
        pay.add("Statement export in CSV", "rita", IssueType.STORY, Status.DONE, 3.0, 0, 10100);

        Builder web = new Builder(out, fixVersions, "WEB", 10200);
        // WEB board: hours, sprints 9-12, New York.
        web.addHours("One-page checkout", "ken", IssueType.STORY, Status.DONE, 16, 9);
        web.addHours("Sale banner scheduling", "laura", IssueType.STORY, Status.DONE, 10, 10);
        web.addHours("Search relevance tuning", "ken", IssueType.STORY, Status.IN_PROGRESS, 20, 11);
        web.addHours("Typo-tolerant search", "laura", IssueType.STORY, Status.TO_DO, 24, 11);
        web.addHours("Search results page layout", "nina", IssueType.STORY, Status.IN_PROGRESS, 12, 11);
        web.addHours("Filters lose state on back", "bob", IssueType.BUG, Status.TO_DO, 8, 11);
        web.addHours("Search analytics events", "dave", IssueType.TASK, Status.TO_DO, 6, 11);
        web.addHours("Search regression tests", "mike", IssueType.TASK, Status.TO_DO, 18, 11);
        web.addHours("Load test search API", "xavier", IssueType.TASK, Status.TO_DO, 10, 11);
        web.addHours("Wish list", "ken", IssueType.STORY, Status.TO_DO, 20, 12);
        web.addHours("Product comparison", "laura", IssueType.STORY, Status.TO_DO, 16, 12);

        Builder ops = new Builder(out, fixVersions, "OPS", 10300);
        // OPS Kanban: hours, no sprints, fix versions with start and release dates.
        ops.addHours("Retire old Grafana dashboards", "oscar", IssueType.TASK, Status.DONE, 6, 0, 10300);
        ops.addHours("PostgreSQL 16 upgrade plan", "oscar", IssueType.STORY, Status.IN_PROGRESS, 12, 0, 10301);
        ops.addHours("Upgrade staging database", "peggy", IssueType.TASK, Status.TO_DO, 8, 0, 10301);
        ops.addHours("Upgrade production database", "peggy", IssueType.TASK, Status.TO_DO, 10, 0, 10301);
        ops.addHours("Backup restore drill", "quinn", IssueType.TASK, Status.TO_DO, 6, 0, 10301);
        ops.addHours("Status page for the upgrade", "dave", IssueType.TASK, Status.TO_DO, 4, 0, 10301);
        ops.addHours("Terraform for the new region", "oscar", IssueType.STORY, Status.TO_DO, 24, 0, 10302);
        ops.addHours("Alerting for the new region", "quinn", IssueType.STORY, Status.TO_DO, 12, 0, 10302);
        ops.addHours("Disk full on build agent", null, IssueType.BUG, Status.TO_DO, 3, 0, 10301);
        return out;
    }

    /** Numbers a project's issues {@code KEY-1}, {@code KEY-2}, … with ids from {@code idBase + n}. */
    private static final class Builder {
        private static final long HOUR = 3600;
        private final List<Issue> out;
        private final Map<String, List<Long>> fixVersions;
        private final String key;
        private final long idBase;
        private int n;

        Builder(List<Issue> out, Map<String, List<Long>> fixVersions, String key, long idBase) {
            this.out = out;
            this.fixVersions = fixVersions;
            this.key = key;
            this.idBase = idBase;
        }

        /** A story-point issue; {@code version} 0 means none. */
        void add(String summary, String assignee, IssueType type, Status status, Double points, long sprint, long version) {
            n++;
            out.add(new Issue(idBase + n, key + "-" + n, summary, assignee, type, status, null, null, points, null, sprint));
            fixVersions.put(key + "-" + n, version == 0 ? List.of() : List.of(version));
        }

        void addHours(String summary, String assignee, IssueType type, Status status, int hours, long sprint) {
            addHours(summary, assignee, type, status, hours, sprint, key.equals("WEB") ? 10200 : 0);
        }

        void addHours(String summary, String assignee, IssueType type, Status status, int hours, long sprint, long version) {
            n++;
            long remaining = status == Status.DONE ? 0 : hours * HOUR;
            out.add(new Issue(idBase + n, key + "-" + n, summary, assignee, type, status, remaining, hours * HOUR, null, null,
                    sprint));
            fixVersions.put(key + "-" + n, version == 0 ? List.of() : List.of(version));
        }
    }

    /** Keeps insertion order, for the issue lists above. */
    static Map<String, List<Long>> newFixVersionMap() {
        return new LinkedHashMap<>();
    }
}
