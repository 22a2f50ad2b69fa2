package org.qingnuan.shared.web;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule for "who is the client": the socket peer, unless the peer is one of our own reverse
 * proxies ({@code qingnuan.trusted-proxies}, {@code QN_TRUSTED_PROXIES}: addresses and CIDR ranges). Only
 * then are {@code X-Forwarded-For} (read from the right, skipping further trusted proxies, since
 * everything left of the last untrusted hop was written by the client) and {@code X-Real-IP} believed.
 * Without this a client picks its own address by sending the header, and behind a proxy every client
 * has the proxy's address. {@link ClientAddressFilter} applies it to every request.
 */
public final class ClientAddresses {

    /** IP literals only: a host name in a header must never cause a DNS lookup or pass as an address. */
    private static final Pattern IP_LITERAL = Pattern.compile("^(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)$");

    private final List<IpAddressMatcher> trustedProxies;

    /** @param trustedProxies comma-separated addresses and CIDR ranges, e.g. {@code 10.0.0.0/8, 192.168.1.7}; empty: none */
    public ClientAddresses(String trustedProxies) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                String cidr = entry.trim();
                if (cidr.isEmpty()) {
                    continue;
                }
                String address = cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr;
                if (!IP_LITERAL.matcher(address).matches()) {
                    throw new IllegalArgumentException("QN_TRUSTED_PROXIES: not an address or CIDR range: " + cidr);
                }
                matchers.add(new IpAddressMatcher(cidr));
            }
        }
        this.trustedProxies = List.copyOf(matchers);
    }

    public boolean trusts(String address) {
        return address != null && IP_LITERAL.matcher(address).matches()
                && trustedProxies.stream().anyMatch(m -> m.matches(address));
    }

    /**
     * @param peer          the socket address
     * @param forwardedFor  every {@code X-Forwarded-For} header value, in order (may be empty)
     * @param realIp        the {@code X-Real-IP} header, or null
     */
    public String resolve(String peer, List<String> forwardedFor, String realIp) {
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        if (hops.isEmpty()) {
            String real = realIp == null ? null : realIp.trim();
            return real != null && IP_LITERAL.matcher(real).matches() ? real : peer;
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                break; // garbage in the chain: stop at the last address a trusted proxy vouched for
            }
            client = hop;
        }
        return client;
    }

    static List<String> values(Enumeration<String> headers) {
        return headers == null ? List.of() : java.util.Collections.list(headers);
    }
}
