package org.qingnuan.registry;

import java.time.LocalDate;
import java.util.List;

/** A medical team; contact phones masked. */
public record TeamView(long id, String name, String destination, boolean aidingHubei, Integer batch, String batchLabel,
                       LocalDate departureDate, LocalDate returnDate, TeamStatus status, String statusLabel,
                       long orgId, String orgName, List<HospitalRef> hospitals, List<Contact> contacts, int version) {

    public record HospitalRef(long id, String name) {
    }

    /** @param phone masked in views, clear only in a reveal */
    public record Contact(long id, ContactRole role, String roleLabel, String name, String phone) {
    }
}
