package org.qingnuan.registry;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.registry.HospitalRequests.HospitalQuery;
import org.qingnuan.registry.HospitalRequests.SaveHospitalRequest;
import org.qingnuan.registry.internal.HospitalMapper;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Hospitals and the league responsible for each (seed 000, section 二). */
@Service
public class HospitalService {

    private final HospitalMapper mapper;
    private final OrgService orgs;
    private final AuditTrail auditTrail;

    HospitalService(HospitalMapper mapper, OrgService orgs, AuditTrail auditTrail) {
        this.mapper = mapper;
        this.orgs = orgs;
        this.auditTrail = auditTrail;
    }

    public Hospital get(long id) {
        Hospital h = mapper.selectById(id);
        if (h == null) {
            throw new DomainException(RegistryError.HOSPITAL_NOT_FOUND);
        }
        return h;
    }

    /** Any hospital, whoever is responsible for it: for naming the hospital of a team or a worker. */
    public Hospital getAnywhere(long id) {
        Hospital h = mapper.selectByIdUnscoped(id);
        if (h == null) {
            throw DomainException.onField(RegistryError.HOSPITAL_NOT_FOUND, "hospitalIds", "医院不存在：" + id);
        }
        return h;
    }

    /** Id and name of every hospital: any org registers workers of any hospital, so pickers list them all. */
    public List<Option> options() {
        return mapper.selectAllUnscoped().stream().sorted(java.util.Comparator.comparing(Hospital::getId))
                .map(h -> new Option(h.getId(), h.getName())).toList();
    }

    public record Option(long id, String name) {
    }

    public HospitalView view(long id) {
        Hospital h = get(id);
        return HospitalView.of(h, orgs.names(List.of(h.getOrgId())).get(h.getOrgId()));
    }

    public PageView<HospitalView> list(HospitalQuery q, PageQuery paging) {
        LambdaQueryWrapper<Hospital> where = new LambdaQueryWrapper<Hospital>()
                .like(q.keyword() != null && !q.keyword().isBlank(), Hospital::getName, q.keyword())
                .eq(q.level() != null, Hospital::getLevel, q.level())
                .eq(q.city() != null && !q.city().isBlank(), Hospital::getCity, q.city())
                .eq(q.designated() != null, Hospital::getDesignated, q.designated())
                .orderByAsc(Hospital::getId);
        Page<Hospital> page = mapper.selectPage(Pages.of(paging), where);
        Map<Long, String> names = orgs.names(page.getRecords().stream().map(Hospital::getOrgId).collect(Collectors.toSet()));
        return Pages.view(page)
                .map(h -> HospitalView.of(h, names.get(h.getOrgId())));
    }

    /** Whether any hospital of the installation has this name. */
    public boolean nameTaken(String name) {
        return mapper.countByNameUnscoped(name, -1) > 0;
    }

    /** The checks of {@link #create} without writing: throws what create would throw. */
    public void checkCreate(SaveHospitalRequest r) {
        requireUniqueName(r.name(), null);
        responsibleOrg(r);
    }

    @Transactional
    public Hospital create(SaveHospitalRequest r) {
        requireUniqueName(r.name(), null);
        Hospital h = new Hospital();
        apply(h, r);
        mapper.insert(h);
        auditTrail.record("HOSPITAL_CREATED", "HOSPITAL", h.getId(), h.getOrgId(),
                Map.of("name", h.getName(), "level", h.getLevel(), "orgId", h.getOrgId()));
        return get(h.getId());
    }

    @Transactional
    public Hospital update(long id, SaveHospitalRequest r) {
        Hospital h = get(id);
        if (r.version() == null || !Objects.equals(h.getVersion(), r.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        requireUniqueName(r.name(), id);
        apply(h, r);
        if (mapper.updateById(h) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        auditTrail.record("HOSPITAL_UPDATED", "HOSPITAL", id, h.getOrgId(),
                Map.of("name", h.getName(), "level", h.getLevel(), "orgId", h.getOrgId()));
        return get(id);
    }

    private void apply(Hospital h, SaveHospitalRequest r) {
        h.setName(r.name());
        h.setCity(r.city());
        h.setDistrict(r.district());
        h.setLevel(r.level());
        h.setDesignated(Boolean.TRUE.equals(r.designated()));
        h.setOrgId(responsibleOrg(r).getId());
    }

    /** Seed 000: ministry/province-run → province league; city/county-run → the city league of its city. */
    private OrgUnit responsibleOrg(SaveHospitalRequest r) {
        if (r.orgId() != null) {
            return orgs.get(r.orgId());
        }
        Jurisdiction mine = Jurisdiction.current().orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED));
        OrgUnit myOrg = orgs.lineage(orgs.get(mine.orgId())).get(0);
        // a municipality (直辖市) is province and city at once: it runs its 部属/市属 hospitals and those of
        // its districts and counties
        java.util.Optional<OrgUnit> municipality = myOrg.getType() == OrgType.MUNICIPALITY_LEAGUE
                && (myOrg.getRegion() == null || myOrg.getRegion().equals(r.city()))
                ? java.util.Optional.of(myOrg)
                : orgs.findByTypeAndRegion(OrgType.MUNICIPALITY_LEAGUE, r.city(), myOrg);
        OrgUnit responsible = switch (r.level()) {
            case MINISTRY_RUN, PROVINCE_RUN -> municipality.orElse(myOrg.getType() == OrgType.PROVINCE_LEAGUE ? myOrg : null);
            case CITY_RUN, COUNTY_RUN -> orgs.findByTypeAndRegion(OrgType.CITY_LEAGUE, r.city(), myOrg)
                    .or(() -> municipality).orElse(null);
        };
        if (responsible == null) {
            throw new DomainException(RegistryError.RESPONSIBLE_ORG_NOT_FOUND, RegistryError.RESPONSIBLE_ORG_NOT_FOUND.message(),
                    List.of(new ApiError.FieldError("orgId", "未找到" + r.city() + "的市级团委，请指定负责组织")));
        }
        if (!mine.covers(responsible.getPath())) {
            throw new DomainException(RegistryError.RESPONSIBLE_ORG_OUTSIDE_JURISDICTION,
                    "按规定该医院由" + responsible.getName() + "负责，请联系其录入，或指定本辖区内的负责组织");
        }
        return responsible;
    }

    private void requireUniqueName(String name, Long exceptId) {
        // names are unique across the installation, not only within the caller's view
        if (mapper.countByNameUnscoped(name, exceptId == null ? -1 : exceptId) > 0) {
            throw DomainException.onField(RegistryError.HOSPITAL_NAME_TAKEN, "name", "已有同名医院");
        }
    }
}
