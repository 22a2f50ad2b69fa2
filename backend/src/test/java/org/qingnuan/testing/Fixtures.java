package org.qingnuan.testing;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.org.OrgRequests;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.org.internal.OrgUnitMapper;
import org.qingnuan.staff.StaffAccount;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds test data straight through the mappers (no staff signed in, so no jurisdiction applies).
 * Every test class makes its own cities with unique names, so classes sharing the run's database
 * never see each other's rows in their counts.
 */
public class Fixtures {

    public static final String PASSWORD = "test-password-123";
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static volatile String passwordHash;

    private final OrgUnitMapper orgMapper;
    private final StaffAccountMapper staffMapper;
    private final OrgService orgService;
    private final PasswordEncoder passwordEncoder;

    public Fixtures(OrgUnitMapper orgMapper, StaffAccountMapper staffMapper, OrgService orgService,
                    PasswordEncoder passwordEncoder) {
        this.orgMapper = orgMapper;
        this.staffMapper = staffMapper;
        this.orgService = orgService;
        this.passwordEncoder = passwordEncoder;
    }

    /** The root created by the first-admin bootstrap of the test profile. */
    public OrgUnit province() {
        return orgMapper.selectOne(new LambdaQueryWrapper<OrgUnit>().isNull(OrgUnit::getParentId));
    }

    /** A city league with a unique name; its region is the same unique text (hospital rules match on it). */
    public OrgUnit city(String name) {
        String unique = name + unique();
        return orgService.create(new OrgRequests.CreateOrgRequest(province().getId(), unique, OrgType.CITY_LEAGUE, unique));
    }

    public OrgUnit child(OrgUnit parent, String name, OrgType type) {
        return orgService.create(new OrgRequests.CreateOrgRequest(parent.getId(), name, type, name));
    }

    public StaffAccount staff(OrgUnit org, StaffRole... roles) {
        StaffAccount staff = new StaffAccount();
        staff.setOrgId(org.getId());
        staff.setUsername("u" + unique() + "-" + roles[0].name().toLowerCase().replace('_', '-'));
        staff.setDisplayName("测试" + roles[0].label());
        staff.setPasswordHash(hash());
        staff.assignRoles(roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles));
        staff.setEnabled(true);
        staff.setMustChangePassword(false);
        staff.setFailedLoginCount(0);
        staffMapper.insert(staff);
        return staffMapper.selectById(staff.getId());
    }

    public StaffAccount reload(StaffAccount staff) {
        return staffMapper.selectById(staff.getId());
    }

    public void requirePasswordChange(StaffAccount staff, boolean required) {
        staffMapper.update(null, new LambdaUpdateWrapper<StaffAccount>()
                .set(StaffAccount::getMustChangePassword, required).eq(StaffAccount::getId, staff.getId()));
    }

    public long countOrgs() {
        return orgMapper.selectCount(null);
    }

    public long countStaff() {
        return staffMapper.selectCount(null);
    }

    public static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    private String hash() {
        if (passwordHash == null) {
            passwordHash = passwordEncoder.encode(PASSWORD);
        }
        return passwordHash;
    }
}
