package org.qingnuan.api.pairing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.qingnuan.api.error.Failures;
import org.qingnuan.api.error.Throttled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** The paired partner's side. To ask help for the family, submit a request with its familyId (the PAIRED role allows it). */
@Tag(name = "小程序：手拉手结对")
@RequestMapping("/api/mini/pairings")
public interface MiniPairingApi {

    @Operation(operationId = "listMyPairings", summary = "我结对帮扶的家庭（地址、电话原文，每次查看都会记录）和最近的联系记录")
    @GetMapping
    @Failures({"NOT_A_VOLUNTEER"})
    List<PairingView> mine();

    @Operation(operationId = "recordCheckIn", summary = "记录一次联系（电话、视频、上门）")
    @Throttled(Throttled.Bucket.WRITES)
    @PostMapping("/{id}/check-ins")
    @Failures({"NOT_A_VOLUNTEER", "PAIRING_NOT_FOUND", "PAIRING_ENDED", "WRITES_THROTTLED"})
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CheckInView> checkIn(@PathVariable long id, @Valid @RequestBody CheckInRequest request);
}
