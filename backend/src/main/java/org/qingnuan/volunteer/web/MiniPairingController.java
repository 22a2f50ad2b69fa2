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

@RestController
class MiniPairingController implements MiniPairingApi {

    private final Pairings pairings;
    private final Volunteers volunteers;

    MiniPairingController(Pairings pairings, Volunteers volunteers) {
        this.pairings = pairings;
        this.volunteers = volunteers;
    }

    @Override
    public List<PairingView> mine() {
        UserPrincipal user = CurrentUser.require();
        return pairings.mine(user, volunteers.ofUser(user));
    }

    @Override
    public ResponseEntity<CheckInView> checkIn(long id, CheckInRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(pairings.checkIn(volunteers.ofUser(CurrentUser.require()), id, request));
    }
}
