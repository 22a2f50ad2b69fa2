package org.qingnuan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Makes {@code getRemoteAddr()} the real client's address for everything after it (sign-in limits,
 * the audit log, personal-data access records), by {@link ClientAddresses}' rule.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ClientAddressFilter extends OncePerRequestFilter {

    private final ClientAddresses addresses;

    public ClientAddressFilter(@Value("${qingnuan.trusted-proxies:}") String trustedProxies) {
        this.addresses = new ClientAddresses(trustedProxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        String client = addresses.resolve(peer, ClientAddresses.values(request.getHeaders("X-Forwarded-For")),
                request.getHeader("X-Real-IP"));
        if (client.equals(peer)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}
