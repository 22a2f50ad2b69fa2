package org.qingnuan.bench.ledger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark's requests, history and overdue rows, generated in memory (fixed seed) and bulk-loaded. Each
 * request walks the lifecycle with random delays: 5 % end early (closed, cancelled, rejected), the rest are
 * accepted (97 %), 25 % dispatched, 80 % claimed or assigned and started, 90 % done, 85 % of those confirmed
 * (by the family with a rating, on the phone, or automatically after 72 h). A step that would fall after the end
 * of today is not taken, so the last days keep a realistic backlog of open requests.
 */
final class Data {

    static final String[] CATEGORIES = {"SUPPLIES", "SPECIAL_FUND", "TRANSPORT", "DAILY_LIVING", "MEALS", "CARE", "TUTORING",
            "PSYCHOLOGICAL", "OTHER"};
    static final String[] ACTIONS = {"SUBMIT", "ACCEPT", "DISPATCH", "CLAIM", "ASSIGN", "START", "COMPLETE", "CONFIRM",
            "CONFIRM_BY_PHONE", "AUTO_CONFIRM", "CLOSE", "CANCEL", "REJECT"};
    static final String[] STATUS_AFTER = {"SUBMITTED", "ACCEPTED", "DISPATCHED", "CLAIMED", "CLAIMED", "IN_PROGRESS", "DONE",
            "CONFIRMED", "CONFIRMED", "CONFIRMED", "CLOSED", "CANCELLED", "REJECTED"};
    static final int SUBMIT = 0, ACCEPT = 1, DISPATCH = 2, CLAIM = 3, ASSIGN = 4, START = 5, COMPLETE = 6, CONFIRM = 7,
            CONFIRM_BY_PHONE = 8, AUTO_CONFIRM = 9, CLOSE = 10, CANCEL = 11, REJECT = 12;

    private Data() {
    }

    static void fill(Connection c, LedgerBenchmark.Tree tree, String sealed) throws Exception {
        int days = LedgerBenchmark.DAYS;
        int total = LedgerBenchmark.TICKETS;
        LocalDate today = LocalDate.now(LedgerBenchmark.SHANGHAI);
        LocalDate first = today.minusDays(days - 1L);
        String[] dayText = new String[days];
        for (int d = 0; d < days; d++) {
            dayText[d] = first.plusDays(d).toString();
        }
        long end = (long) days * 86_400; // seconds after the first day's midnight: the end of today
        Random random = new Random(6);
        Path dir = Files.createTempDirectory("qn-ledger-bench");
        Path ticketFile = dir.resolve("help_ticket.csv");
        Path overdueFile = dir.resolve("ticket_overdue.csv");
        Events events = new Events(total * 6);
        long t0 = System.nanoTime();
        try (BufferedWriter tickets = Files.newBufferedWriter(ticketFile, StandardCharsets.UTF_8);
             BufferedWriter overdue = Files.newBufferedWriter(overdueFile, StandardCharsets.UTF_8)) {
            long id = 0;
            for (int d = 0; d < days; d++) {
                int n = total / days + (d == days - 1 ? total % days : 0);
                int[] seconds = new int[n];
                for (int i = 0; i < n; i++) {
                    seconds[i] = random.nextInt(86_400);
                }
                Arrays.sort(seconds);
                for (int i = 0; i < n; i++) {
                    id++;
                    long created = (long) d * 86_400 + seconds[i];
                    long org = tree.districtIds()[random.nextInt(tree.districtIds().length)];
                    writeTicket(tickets, overdue, events, random, id, org, created, end, dayText, sealed);
                }
            }
        }
        System.out.printf(Locale.ROOT, "  generated %d requests and %d history rows in %.1f s%n", total, events.size,
                (System.nanoTime() - t0) / 1e9);
        Path eventFile = dir.resolve("help_ticket_event.csv");
        events.write(eventFile, dayText);

        Map<String, List<String>> ticketIndexes = dropSecondaryIndexes(c, "help_ticket");
        Map<String, List<String>> eventIndexes = dropSecondaryIndexes(c, "help_ticket_event");
        long l0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("LOAD DATA LOCAL INFILE '" + ticketFile + "' INTO TABLE help_ticket FIELDS TERMINATED BY ','"
                    + " LINES TERMINATED BY '\\n' (id, org_id, family_id, channel, submitter_type, category, urgency, status, crisis,"
                    + " content_check, description_sealed, contact_method, rating, accepted_at, done_at, confirmed_at, closed_at,"
                    + " assigned_org_id, dispatched_at, claimed_at, version, overdue, status_since, created_at, updated_at)");
            System.out.printf(Locale.ROOT, "  loaded help_ticket in %.1f s%n", (System.nanoTime() - l0) / 1e9);
            l0 = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE '" + eventFile + "' INTO TABLE help_ticket_event FIELDS TERMINATED BY ','"
                    + " LINES TERMINATED BY '\\n' (ticket_id, org_id, action, from_status, to_status, actor_type, actor_name, created_at)");
            System.out.printf(Locale.ROOT, "  loaded help_ticket_event in %.1f s%n", (System.nanoTime() - l0) / 1e9);
            s.execute("LOAD DATA LOCAL INFILE '" + overdueFile + "' INTO TABLE ticket_overdue FIELDS TERMINATED BY ','"
                    + " LINES TERMINATED BY '\\n' (ticket_id, org_id, responsible_org_id, kind, status, miss_key, miss_no, due_at, detected_at)");
            l0 = System.nanoTime();
            addIndexes(s, "help_ticket", ticketIndexes);
            addIndexes(s, "help_ticket_event", eventIndexes);
            System.out.printf(Locale.ROOT, "  rebuilt %d secondary indexes in %.1f s%n", ticketIndexes.size() + eventIndexes.size(),
                    (System.nanoTime() - l0) / 1e9);
            for (String table : List.of("help_ticket", "help_ticket_event", "ticket_overdue", "org_unit")) {
                s.execute("ANALYZE TABLE " + table);
            }
        }
        for (Path p : List.of(ticketFile, eventFile, overdueFile)) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    private static void writeTicket(BufferedWriter out, BufferedWriter overdue, Events events, Random r, long id, long org,
                                    long created, long end, String[] dayText, String sealed) throws IOException {
        int ticketIndex = (int) id;
        String channel = channel(r);
        String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        events.add(created, ticketIndex, org, SUBMIT, -1);
        int last = SUBMIT;
        long at = created;
        Long accepted = null, done = null, confirmed = null, closed = null, dispatched = null, claimed = null;
        Integer rating = null;
        Long assignedOrg = null;
        if (r.nextDouble() < 0.05) {
            long t = created + 600 + r.nextInt(3 * 3600);
            if (t < end) {
                int action = r.nextBoolean() ? CLOSE : (r.nextBoolean() ? CANCEL : REJECT);
                events.add(t, ticketIndex, org, action, last);
                last = action;
                closed = t;
            }
        } else if (r.nextDouble() < 0.97) {
            long t = at + exp(r, 20 * 60);
            if (t < end) {
                events.add(t, ticketIndex, org, ACCEPT, last);
                last = ACCEPT;
                accepted = at = t;
                boolean stopped = false;
                if (r.nextDouble() < 0.25) {
                    t = at + exp(r, 15 * 60);
                    if (t < end) {
                        events.add(t, ticketIndex, org, DISPATCH, last);
                        last = DISPATCH;
                        dispatched = at = t;
                        assignedOrg = org;
                    } else {
                        stopped = true;
                    }
                }
                if (!stopped && r.nextDouble() < 0.8) {
                    t = at + exp(r, 60 * 60);
                    if (t < end) {
                        int action = r.nextDouble() < 0.7 ? CLAIM : ASSIGN;
                        events.add(t, ticketIndex, org, action, last);
                        last = action;
                        claimed = at = t;
                        t = at + exp(r, 30 * 60);
                        if (t < end) {
                            events.add(t, ticketIndex, org, START, last);
                            last = START;
                            at = t;
                        } else {
                            stopped = true;
                        }
                    } else {
                        stopped = true;
                    }
                }
                if (!stopped && r.nextDouble() < 0.9) {
                    t = at + exp(r, 3 * 3600);
                    if (t < end) {
                        events.add(t, ticketIndex, org, COMPLETE, last);
                        last = COMPLETE;
                        done = at = t;
                        if (r.nextDouble() < 0.85) {
                            double kind = r.nextDouble();
                            int action = kind < 0.6 ? CONFIRM : kind < 0.7 ? CONFIRM_BY_PHONE : AUTO_CONFIRM;
                            t = action == AUTO_CONFIRM ? at + 72 * 3600 : at + exp(r, 12 * 3600);
                            if (t < end) {
                                events.add(t, ticketIndex, org, action, last);
                                last = action;
                                confirmed = t;
                                rating = action == AUTO_CONFIRM ? null : 3 + r.nextInt(3);
                            }
                        }
                    }
                }
            }
        }
        if (r.nextDouble() < 0.03 && created + 86_400 < end) {
            long detected = created + 86_400;
            overdue.append(Long.toString(id)).append(',').append(Long.toString(org)).append(',').append(Long.toString(org))
                    .append(",DEADLINE,").append(STATUS_AFTER[last]).append(",DEADLINE@").append(Long.toString(id)).append(",1,")
                    .append(time(detected - 3600, dayText)).append(',').append(time(detected, dayText)).append('\n');
        }
        StringBuilder line = new StringBuilder(320);
        line.append(id).append(',').append(org).append(",0,").append(channel).append(",FAMILY,").append(category)
                .append(",NORMAL,").append(STATUS_AFTER[last]).append(",0,PASS,").append(sealed).append(",PHONE_CALL,")
                .append(rating == null ? "\\N" : rating.toString()).append(',')
                .append(nullable(accepted, dayText)).append(',').append(nullable(done, dayText)).append(',')
                .append(nullable(confirmed, dayText)).append(',').append(nullable(closed, dayText)).append(',')
                .append(assignedOrg == null ? "\\N" : assignedOrg.toString()).append(',').append(nullable(dispatched, dayText)).append(',')
                .append(nullable(claimed, dayText)).append(",0,0,").append(time(at, dayText)).append(',')
                .append(time(created, dayText)).append(',').append(time(at, dayText)).append('\n');
        out.append(line);
    }

    private static String channel(Random r) {
        double x = r.nextDouble();
        return x < 0.6 ? "MINI_PROGRAM" : x < 0.8 ? "HOTLINE_12355" : x < 0.9 ? "WECHAT_GROUP" : x < 0.97 ? "VISIT" : "CARE_PLAN";
    }

    private static long exp(Random r, double mean) {
        return 1 + (long) (-mean * Math.log(1 - r.nextDouble()));
    }

    private static String nullable(Long t, String[] dayText) {
        return t == null ? "\\N" : time(t, dayText);
    }

    static String time(long t, String[] dayText) {
        int day = (int) (t / 86_400);
        int s = (int) (t % 86_400);
        int h = s / 3600, m = s / 60 % 60, sec = s % 60;
        return dayText[day] + ' ' + (h < 10 ? "0" : "") + h + ':' + (m < 10 ? "0" : "") + m + ':' + (sec < 10 ? "0" : "") + sec;
    }

    /** History rows in compact arrays, written sorted by time (as the application appends them). */
    static final class Events {
        long[] time;
        int[] ticket;
        long[] org;
        byte[] action;
        byte[] from;
        int size;

        Events(int capacity) {
            time = new long[capacity];
            ticket = new int[capacity];
            org = new long[capacity];
            action = new byte[capacity];
            from = new byte[capacity];
        }

        void add(long t, int ticketId, long orgId, int a, int fromAction) {
            if (size == time.length) {
                int n = size * 2;
                time = Arrays.copyOf(time, n);
                ticket = Arrays.copyOf(ticket, n);
                org = Arrays.copyOf(org, n);
                action = Arrays.copyOf(action, n);
                from = Arrays.copyOf(from, n);
            }
            time[size] = t;
            ticket[size] = ticketId;
            org[size] = orgId;
            action[size] = (byte) a;
            from[size] = (byte) fromAction;
            size++;
        }

        void write(Path file, String[] dayText) throws IOException {
            long[] order = new long[size];
            for (int i = 0; i < size; i++) {
                order[i] = (time[i] << 32) | i;
            }
            Arrays.sort(order);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder(128);
                for (long key : order) {
                    int i = (int) (key & 0xffffffffL);
                    line.setLength(0);
                    line.append(ticket[i]).append(',').append(org[i]).append(',').append(ACTIONS[action[i]]).append(',')
                            .append(from[i] < 0 ? "\\N" : STATUS_AFTER[from[i]]).append(',').append(STATUS_AFTER[action[i]])
                            .append(",SYSTEM,基准,").append(time(time[i], dayText)).append('\n');
                    out.append(line);
                }
            }
        }
    }

    private static Map<String, List<String>> dropSecondaryIndexes(Connection c, String table) throws SQLException {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT index_name, column_name, non_unique"
                + " FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = '" + table
                + "' AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index")) {
            while (rs.next()) {
                indexes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                unique.put(rs.getString(1), rs.getInt(3) == 0);
            }
        }
        if (!indexes.isEmpty()) {
            List<String> drops = new ArrayList<>();
            indexes.keySet().forEach(name -> drops.add("DROP INDEX " + name));
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + table + " " + String.join(", ", drops));
            }
        }
        Map<String, List<String>> definitions = new LinkedHashMap<>();
        indexes.forEach((name, columns) -> definitions.put((unique.get(name) ? "UNIQUE " : "") + "INDEX " + name, columns));
        return definitions;
    }

    private static void addIndexes(Statement s, String table, Map<String, List<String>> indexes) throws SQLException {
        List<String> adds = new ArrayList<>();
        indexes.forEach((name, columns) -> adds.add("ADD " + name + " (" + String.join(", ", columns) + ")"));
        if (!adds.isEmpty()) {
            s.execute("ALTER TABLE " + table + " " + String.join(", ", adds));
        }
    }
}
