package org.qingnuan.audit;

/** Who did something: the signed-in staff principal implements it. */
public interface AuditActor {

    long staffId();

    String displayName();

    /** An actor known by id and name, e.g. a staff member in the middle of signing in. */
    static AuditActor of(long staffId, String displayName) {
        return new AuditActor() {
            @Override
            public long staffId() {
                return staffId;
            }

            @Override
            public String displayName() {
                return displayName;
            }
        };
    }
}
