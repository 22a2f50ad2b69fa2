package org.qingnuan.identity;

import org.junit.jupiter.api.Test;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.shared.session.TokenSessions;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInUsersTest {

    private static final long NOW = 1_765_000_000_000L;

    private final UserPrincipal user = new UserPrincipal(42, "oAbc-12_x", List.of(
            new UserPrincipal.Grant(RoleKind.FAMILY, 7, 7L, 3),
            new UserPrincipal.Grant(RoleKind.MEDICAL_WORKER, 9, null, 3),
            new UserPrincipal.Grant(RoleKind.VOLUNTEER, 11, null, 5)), "sid");

    @Test
    void theRolesKeptWithTheSessionReadBackAsTheyWere() {
        String kept = SignedInUsers.encode(user, NOW);
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", kept), NOW + 59_000)).isEqualTo(user);
    }

    @Test
    void aUserWithoutRolesIsKeptToo() {
        UserPrincipal none = new UserPrincipal(42, "oAbc", List.of(), "sid");
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", SignedInUsers.encode(none, NOW)), NOW)).isEqualTo(none);
    }

    @Test
    void rolesKeptAMinuteAgoAreReadAfresh() {
        String kept = SignedInUsers.encode(user, NOW);
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", kept), NOW + SignedInUsers.FRESH_FOR_MILLIS)).isNull();
    }

    @Test
    void nothingDroppedOrUnreadableIsTrusted() {
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", ""), NOW)).as("dropped").isNull();
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", null), NOW)).as("a session from before").isNull();
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", "g1|x|oA|"), NOW)).isNull();
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", "g1|" + NOW + "|oA|KING,1,-,1;"), NOW)).isNull();
        assertThat(SignedInUsers.decode(new TokenSessions.Session(42, "sid", "g0|" + NOW + "|oA|"), NOW)).isNull();
    }
}
