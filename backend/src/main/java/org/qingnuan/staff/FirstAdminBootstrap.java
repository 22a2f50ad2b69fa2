package org.qingnuan.staff;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh production installation has no staff account to sign in with. When
 * {@code QN_BOOTSTRAP_ADMIN_PASSWORD} is set and no account exists yet, this creates the root
 * organisation and the super-administrator "admin", who must change the password at first sign-in.
 * A Redisson lock keeps two instances starting together from both doing it.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final StaffAccountMapper staffMapper;
    private final OrgService orgs;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail auditTrail;
    private final RedissonClient redisson;
    private final TransactionTemplate transaction;
    private final String password;
    private final String rootOrgName;
    private final org.qingnuan.org.OrgType rootOrgType;
    private final String rootOrgRegion;

    FirstAdminBootstrap(StaffAccountMapper staffMapper, OrgService orgs, PasswordEncoder passwordEncoder,
                        AuditTrail auditTrail, RedissonClient redisson, TransactionTemplate transaction,
                        @Value("${qingnuan.bootstrap.admin-password:}") String password,
                        @Value("${qingnuan.bootstrap.root-org-name:共青团省委员会}") String rootOrgName,
                        @Value("${qingnuan.bootstrap.root-org-type:PROVINCE_LEAGUE}") org.qingnuan.org.OrgType rootOrgType,
                        @Value("${qingnuan.bootstrap.root-org-region:}") String rootOrgRegion) {
        this.staffMapper = staffMapper;
        this.orgs = orgs;
        this.passwordEncoder = passwordEncoder;
        this.auditTrail = auditTrail;
        this.redisson = redisson;
        this.transaction = transaction;
        this.password = password;
        this.rootOrgName = rootOrgName;
        this.rootOrgType = rootOrgType;
        this.rootOrgRegion = rootOrgRegion == null || rootOrgRegion.isBlank() ? null : rootOrgRegion.trim();
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (password == null || password.isBlank()) {
            return;
        }
        if (password.length() < 10) {
            throw new IllegalStateException("QN_BOOTSTRAP_ADMIN_PASSWORD must have at least 10 characters");
        }
        RLock lock = redisson.getLock("qn:bootstrap:first-admin");
        if (!lock.tryLock(30, 60, TimeUnit.SECONDS)) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> createIfEmpty());
        } finally {
            lock.unlock();
        }
    }

    private void createIfEmpty() {
        if (staffMapper.selectCount(new LambdaQueryWrapper<>()) > 0) {
            return;
        }
        OrgUnit root = orgs.createRoot(rootOrgName, rootOrgType, rootOrgRegion);
        StaffAccount admin = new StaffAccount();
        admin.setOrgId(root.getId());
        admin.setUsername("admin");
        admin.setDisplayName("超级管理员");
        admin.setPasswordHash(passwordEncoder.encode(password));
        admin.assignRoles(EnumSet.of(StaffRole.SUPER_ADMIN));
        admin.setEnabled(true);
        admin.setMustChangePassword(true);
        admin.setFailedLoginCount(0);
        staffMapper.insert(admin);
        auditTrail.record(null, "STAFF_CREATED", LoginService.TARGET, admin.getId(), root.getId(),
                Map.of("username", "admin", "bootstrap", true));
        log.info("Created root organisation {} and super-administrator 'admin'", root.getId());
    }
}
