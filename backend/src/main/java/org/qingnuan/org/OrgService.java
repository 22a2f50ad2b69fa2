package org.qingnuan.org;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.org.OrgRequests.CreateOrgRequest;
import org.qingnuan.org.OrgRequests.OrgQuery;
import org.qingnuan.org.OrgRequests.UpdateOrgRequest;
import org.qingnuan.org.internal.OrgUnitMapper;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation tree. Reads and writes go through the jurisdiction filter, so a staff member
 * only ever finds orgs of their own subtree; an org outside it is "not found".
 */
@Service
public class OrgService {

    static final String TARGET = "ORG";

    private final OrgUnitMapper mapper;
    private final AuditTrail auditTrail;
    private final Map<Long, String> paths = new java.util.concurrent.ConcurrentHashMap<>();

    OrgService(OrgUnitMapper mapper, AuditTrail auditTrail) {
        this.mapper = mapper;
        this.auditTrail = auditTrail;
    }

    public Optional<OrgUnit> find(long id) {
        return Optional.ofNullable(mapper.selectById(id));
    }

    public OrgUnit get(long id) {
        return find(id).orElseThrow(() -> new DomainException(OrgError.ORG_NOT_FOUND));
    }

    /** Names of the given orgs that the caller can see, by id. */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        mapper.selectBatchIds(ids).forEach(org -> names.put(org.getId(), org.getName()));
        return names;
    }

    /** The chain from the root down to the given org, whatever the caller's jurisdiction. */
    public List<OrgUnit> lineage(OrgUnit org) {
        List<Long> ids = OrgUnit.idsOnPath(org.getPath());
        Map<Long, OrgUnit> byId = new HashMap<>();
        mapper.selectByIdsUnscoped(ids).forEach(o -> byId.put(o.getId(), o));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The league of the given type and region under the same root as {@code within}, if there is exactly one. */
    public Optional<OrgUnit> findByTypeAndRegion(OrgType type, String region, OrgUnit within) {
        String rootPath = "/" + within.getPath().split("/")[1] + "/";
        List<OrgUnit> found = mapper.selectByTypeAndRegionUnscoped(type.name(), region, rootPath);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * Orgs by id whatever the caller's jurisdiction: for names and paths a staff member may know without
     * seeing the org itself (the dispatcher above a responsible unit).
     */
    public Map<Long, OrgUnit> unscoped(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, OrgUnit> byId = new HashMap<>();
        mapper.selectByIdsUnscoped(List.copyOf(new java.util.LinkedHashSet<>(ids))).forEach(o -> byId.put(o.getId(), o));
        return byId;
    }

    /**
     * The highest org of a region (the province's or the city's league) among the orgs the caller can see;
     * for callers without a jurisdiction (the embedded default's demo data), among all orgs.
     */
    public Optional<OrgUnit> highestOfRegion(String region) {
        return mapper.selectList(new LambdaQueryWrapper<OrgUnit>().eq(OrgUnit::getRegion, region)
                .orderByAsc(OrgUnit::getDepth).last("LIMIT 1")).stream().findFirst();
    }

    /**
     * Path of any org, whatever the caller's jurisdiction ({@code null} when there is none). Read from the database
     * once per org: a path never changes after the transaction that creates the org (orgs are not moved, and a
     * deleted one keeps its row), and the volunteers' task board asks for it on every request (issue 19).
     */
    public String pathUnscoped(long id) {
        String known = paths.get(id);
        if (known != null) {
            return known;
        }
        List<OrgUnit> found = mapper.selectByIdsUnscoped(List.of(id));
        if (found.isEmpty()) {
            return null;
        }
        String path = found.get(0).getPath();
        paths.put(id, path);
        return path;
    }

    /** Every org the caller can see, in tree order (depth first, siblings by id). */
    /** Orgs of these types (all of them for callers without a jurisdiction, e.g. mini-program users), by name. */
    public List<OrgUnit> ofTypes(java.util.Set<OrgType> types) {
        return mapper.selectList(new LambdaQueryWrapper<OrgUnit>().in(OrgUnit::getType, types).orderByAsc(OrgUnit::getPath));
    }

    public List<OrgUnit> visible() {
        List<OrgUnit> all = mapper.selectList(new LambdaQueryWrapper<OrgUnit>());
        all.sort(OrgUnit.TREE_ORDER);
        return all;
    }

    /** The caller's subtree as a tree (one root: their own org). */
    public List<OrgView.Node> tree() {
        // parents before children, siblings by id ("/1/2/10/" sorts before "/1/2/3/" as text)
        List<OrgUnit> all = mapper.selectList(new LambdaQueryWrapper<OrgUnit>()
                .orderByAsc(OrgUnit::getDepth).orderByAsc(OrgUnit::getId));
        Map<Long, List<OrgView.Node>> childrenOf = new LinkedHashMap<>();
        Map<Long, OrgView.Node> byId = new LinkedHashMap<>();
        for (OrgUnit org : all) {
            List<OrgView.Node> children = new ArrayList<>();
            childrenOf.put(org.getId(), children);
            byId.put(org.getId(), new OrgView.Node(org.getId(), org.getName(), org.getType(),
                    org.getType().label(), org.getRegion(), children));
        }
        List<OrgView.Node> roots = new ArrayList<>();
        for (OrgUnit org : all) {
            List<OrgView.Node> siblings = org.getParentId() == null ? null : childrenOf.get(org.getParentId());
            (siblings != null ? siblings : roots).add(byId.get(org.getId()));
        }
        return roots;
    }

    public PageView<OrgView> list(OrgQuery query, PageQuery paging) {
        LambdaQueryWrapper<OrgUnit> where = new LambdaQueryWrapper<OrgUnit>()
                .eq(query.type() != null, OrgUnit::getType, query.type())
                .eq(query.parentId() != null, OrgUnit::getParentId, query.parentId())
                .like(query.keyword() != null && !query.keyword().isBlank(), OrgUnit::getName, query.keyword())
                .orderByAsc(OrgUnit::getDepth).orderByAsc(OrgUnit::getId);
        Page<OrgUnit> page = mapper.selectPage(Pages.of(paging), where);
        return Pages.view(page).map(OrgView::of);
    }

    @Transactional
    public OrgUnit create(CreateOrgRequest request) {
        OrgUnit parent = get(request.parentId());
        if (!request.type().mayHangUnder(parent.getType())) {
            String why = request.type().label() + "不能设在" + parent.getType().label() + "下";
            throw new DomainException(OrgError.ORG_TYPE_NOT_ALLOWED, why,
                    List.of(new org.qingnuan.api.error.ApiError.FieldError("type", why)));
        }
        requireUniqueName(parent.getId(), request.name(), null);
        OrgUnit org = new OrgUnit();
        org.setParentId(parent.getId());
        org.setDepth(parent.getDepth() + 1);
        org.setName(request.name());
        org.setType(request.type());
        org.setRegion(request.region());
        // the path needs the new id: insert under the parent's path, then complete it
        org.setPath(parent.getPath());
        mapper.insert(org);
        org.setPath(parent.childPath(org.getId()));
        mapper.update(null, new LambdaUpdateWrapper<OrgUnit>()
                .set(OrgUnit::getPath, org.getPath())
                .eq(OrgUnit::getId, org.getId()));
        auditTrail.record("ORG_CREATED", TARGET, org.getId(), org.getId(),
                Map.of("name", org.getName(), "type", org.getType(), "parentId", parent.getId()));
        return get(org.getId());
    }

    @Transactional
    public OrgUnit update(long id, UpdateOrgRequest request) {
        OrgUnit org = get(id);
        if (!Objects.equals(org.getVersion(), request.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        if (org.getParentId() != null) {
            requireUniqueName(org.getParentId(), request.name(), id);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!org.getName().equals(request.name())) {
            changes.put("name", org.getName() + " → " + request.name());
        }
        if (!Objects.equals(org.getRegion(), request.region())) {
            changes.put("region", org.getRegion() + " → " + request.region());
        }
        org.setName(request.name());
        org.setRegion(request.region());
        if (mapper.updateById(org) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        auditTrail.record("ORG_UPDATED", TARGET, id, id, changes);
        return get(id);
    }

    /** Creates the root (province league) of an empty installation; used by the bootstrap only. */
    @Transactional
    public OrgUnit createRoot(String name) {
        return createRoot(name, OrgType.PROVINCE_LEAGUE, null);
    }

    /**
     * Creates the root of an empty installation: a province's league, or a municipality's (直辖市) whose
     * districts and counties then hang directly under it.
     */
    @Transactional
    public OrgUnit createRoot(String name, OrgType type, String region) {
        if (!type.mayBeRoot()) {
            throw new IllegalArgumentException("The root must be a province or municipality league, not " + type);
        }
        if (mapper.selectCount(new LambdaQueryWrapper<OrgUnit>().isNull(OrgUnit::getParentId)) > 0) {
            throw new DomainException(OrgError.ROOT_ORG_EXISTS);
        }
        OrgUnit root = new OrgUnit();
        root.setDepth(0);
        root.setName(name);
        root.setType(type);
        root.setRegion(region);
        root.setPath("/");
        mapper.insert(root);
        root.setPath("/" + root.getId() + "/");
        mapper.update(null, new LambdaUpdateWrapper<OrgUnit>().set(OrgUnit::getPath, root.getPath())
                .eq(OrgUnit::getId, root.getId()));
        auditTrail.record(null, "ORG_CREATED", TARGET, root.getId(), root.getId(), Map.of("name", name, "root", true));
        return root;
    }

    private void requireUniqueName(long parentId, String name, Long exceptId) {
        boolean taken = mapper.exists(new LambdaQueryWrapper<OrgUnit>()
                .eq(OrgUnit::getParentId, parentId)
                .eq(OrgUnit::getName, name)
                .ne(exceptId != null, OrgUnit::getId, exceptId));
        if (taken) {
            throw DomainException.onField(OrgError.ORG_NAME_TAKEN, "name", "同一上级组织下已有同名组织");
        }
    }
}
