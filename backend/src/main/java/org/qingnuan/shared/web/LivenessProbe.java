package org.qingnuan.shared.web;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code GET /livez} on the public port, for load balancers and orchestrators: 200 {@code {"status":"UP"}} while the
 * application's liveness state is correct, 503 {@code {"status":"DOWN"}} once it is broken — what the actuator's
 * liveness group (only {@code livenessState}) answers on the management port. It is probed every few seconds by
 * every balancer, so it takes the short way (issue 19): a plain controller, no security chain (it reads nothing
 * and needs no sign-in) and no {@code http.server.requests} timer (probes would only blur the dashboard's traffic).
 * The actuator's version cost several times a bare request: reflective operation invocation, a request-body
 * argument and the health tree, per probe.
 */
@RestController
class LivenessProbe {

    static final String PATH = "/livez";
    private static final Map<String, String> UP = Map.of("status", "UP");
    private static final Map<String, String> DOWN = Map.of("status", "DOWN");

    private final ApplicationAvailability availability;

    LivenessProbe(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> live() {
        boolean live = availability.getLivenessState() == LivenessState.CORRECT;
        return ResponseEntity.status(live ? 200 : 503).cacheControl(CacheControl.noStore()).body(live ? UP : DOWN);
    }

    @Bean
    static WebSecurityCustomizer probeOutsideSecurity() {
        return web -> web.ignoring().requestMatchers(PATH);
    }

    @Bean
    static ObservationPredicate probeNotTimed() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && PATH.equals(request.getCarrier().getRequestURI()));
    }
}
