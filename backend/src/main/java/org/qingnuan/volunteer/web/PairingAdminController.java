package org.qingnuan.volunteer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.pairing.CheckInRequest;
import org.qingnuan.api.pairing.CheckInView;
import org.qingnuan.api.pairing.MiniPairingApi;
import org.qingnuan.api.pairing.PairingView;
import org.qingnuan.identity.CurrentUser;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.volunteer.Pairings;
import org.qingnuan.volunteer.Volunteers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "手拉手结对")
@RestController
class PairingAdminController {

    private final Pairings pairings;

    PairingAdminController(Pairings pairings) {
        this.pairings = pairings;
    }

    @Operation(summary = "本辖区的结对（active=true 只看进行中），含联系次数和最近一次联系")
    @GetMapping("/api/admin/pairings")
    List<Pairings.StaffView> list(@RequestParam(required = false) Boolean active, @RequestParam(required = false) Long familyId) {
        return pairings.list(active, familyId);
    }

    @Operation(summary = "结对：一名志愿者或干部对一个家庭（一对一）")
    @PostMapping("/api/admin/pairings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Pairings.StaffView pair(@Valid @RequestBody Pairings.PairRequest request) {
        return pairings.pair(request);
    }

    @Operation(summary = "结束结对（填写原因）；结对人随即不能再查看该家庭")
    @PostMapping("/api/admin/pairings/{id}/end")
    @PreAuthorize("hasAnyRole('SUPER_ADMIN', 'ORG_ADMIN', 'DISPATCHER')")
    Pairings.StaffView end(@PathVariable long id, @Valid @RequestBody Pairings.EndRequest request) {
        return pairings.end(id, request.reason());
    }

    @Operation(summary = "为家庭推荐结对人：技能符合家庭需要的优先，再按距离由近到远")
    @GetMapping("/api/admin/families/{familyId}/pairing-suggestions")
    List<Pairings.Suggestion> suggestions(@PathVariable long familyId) {
        return pairings.suggestions(familyId);
    }

    @Operation(summary = "各区结对覆盖率：登记家庭数、已结对家庭数、占比（%）")
    @GetMapping("/api/admin/pairings/coverage")
    List<Pairings.Coverage> coverage() {
        return pairings.coverage();
    }
}
