package org.qingnuan.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.org.OrgRequests.CreateOrgRequest;
import org.qingnuan.org.OrgRequests.OrgQuery;
import org.qingnuan.org.OrgRequests.UpdateOrgRequest;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

@Tag(name = "组织机构")
@RestController
@RequestMapping("/api/admin/orgs")
class OrgAdminController {

    private final OrgService orgs;

    OrgAdminController(OrgService orgs) {
        this.orgs = orgs;
    }

    @Operation(summary = "本辖区的组织树（根为当前账号所属组织）")
    @GetMapping("/tree")
    List<OrgView.Node> tree() {
        return orgs.tree();
    }

    @Operation(summary = "分页查询本辖区的组织")
    @GetMapping
    PageView<OrgView> list(@Valid OrgQuery query, @Valid PageQuery paging) {
        return orgs.list(query, paging);
    }

    @Operation(summary = "组织类型及其中文名称")
    @GetMapping("/types")
    List<TypeOption> types() {
        return Arrays.stream(OrgType.values()).map(t -> new TypeOption(t, t.label())).toList();
    }

    @Operation(summary = "查看一个组织；不在辖区内的组织回答 404")
    @GetMapping("/{id}")
    OrgView get(@PathVariable long id) {
        return OrgView.of(orgs.get(id));
    }

    @Operation(summary = "在辖区内的上级组织下新建组织")
    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<OrgView> create(@Valid @RequestBody CreateOrgRequest request) {
        OrgView created = OrgView.of(orgs.create(request));
        return ResponseEntity.created(URI.create("/api/admin/orgs/" + created.id())).body(created);
    }

    @Operation(summary = "修改组织名称和地区（需带上读取时的 version）")
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    OrgView update(@PathVariable long id, @Valid @RequestBody UpdateOrgRequest request) {
        return OrgView.of(orgs.update(id, request));
    }

    record TypeOption(OrgType value, String label) {
    }
}
