package org.qingnuan.staff;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class StaffRoleTest {

    @Test
    void shouldStoreRolesInAStableOrderAndReadThemBack() {
        String stored = StaffRole.format(EnumSet.of(StaffRole.VIEWER, StaffRole.DISPATCHER));
        assertThat(stored).isEqualTo("DISPATCHER,VIEWER");
        assertThat(StaffRole.parse(stored)).containsExactly(StaffRole.DISPATCHER, StaffRole.VIEWER);
        assertThat(StaffRole.parse("")).isEmpty();
    }

    @Test
    void shouldGrantSpringAuthoritiesWithTheRolePrefix() {
        assertThat(StaffRole.ORG_ADMIN.authority()).isEqualTo("ROLE_ORG_ADMIN");
    }
}
