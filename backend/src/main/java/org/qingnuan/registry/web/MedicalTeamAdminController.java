package org.qingnuan.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.privacy.RevealRequest;
import org.qingnuan.registry.MedicalTeamService;
import org.qingnuan.registry.TeamRequests.SaveTeamRequest;
import org.qingnuan.registry.TeamRequests.TeamQuery;
import org.qingnuan.registry.TeamView;
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

@Tag(name = "医疗队")
@RestController
@RequestMapping("/api/admin/medical-teams")
class MedicalTeamAdminController {

    private final MedicalTeamService teams;

    MedicalTeamAdminController(MedicalTeamService teams) {
        this.teams = teams;
    }

    @Operation(summary = "本辖区的医疗队（领队、联络员电话已脱敏）")
    @GetMapping
    PageView<TeamView> list(@Valid TeamQuery query, @Valid PageQuery paging) {
        return teams.list(query, paging);
    }

    @Operation(summary = "全部医疗队的编号和名称（供登记医护人员时选择，不限辖区）")
    @GetMapping("/options")
    java.util.List<org.qingnuan.registry.HospitalService.Option> options() {
        return teams.options();
    }

    @GetMapping("/{id}")
    TeamView get(@PathVariable long id) {
        return teams.view(id);
    }

    @Operation(summary = "查看领队、联络员电话原文；须填写原因，并记入个人信息查看记录")
    @PostMapping("/{id}/reveal")
    TeamView reveal(@PathVariable long id, @Valid @RequestBody RevealRequest request) {
        return teams.reveal(id, request.reason());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    ResponseEntity<TeamView> create(@Valid @RequestBody SaveTeamRequest request) {
        TeamView created = teams.view(teams.create(request).getId());
        return ResponseEntity.created(URI.create("/api/admin/medical-teams/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN')")
    TeamView update(@PathVariable long id, @Valid @RequestBody SaveTeamRequest request) {
        teams.update(id, request);
        return teams.view(id);
    }
}
