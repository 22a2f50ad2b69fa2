package org.qingnuan.jurisdiction;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The subtree a signed-in staff member may see: their organisation and everything below it. The
 * authenticated principal implements it; code that runs for nobody in particular (start-up,
 * scheduled jobs, WeChat callbacks) has no jurisdiction and is not filtered.
 */
public interface Jurisdiction {

    Pattern PATH = Pattern.compile("(/\\d+)+/");

    /** The staff member's own organisation. */
    long orgId();

    /** Materialised path of {@link #orgId()}, e.g. {@code /1/2/}; a prefix of every path in the subtree. */
    String orgPath();

    default boolean covers(String path) {
        return path != null && path.startsWith(orgPath());
    }

    /** Whether the staff member's own org is the org of this path or below it (a member of that unit). */
    default boolean within(String path) {
        return path != null && orgPath().startsWith(path);
    }

    /** The jurisdiction of the current request's staff member, if one is signed in. */
    static Optional<Jurisdiction> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jurisdiction j) {
            return Optional.of(j);
        }
        return Optional.empty();
    }
}
