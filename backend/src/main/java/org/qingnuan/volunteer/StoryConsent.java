package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.volunteer.StoryConsentView;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A volunteer's consent to appear in stories (先进典型). Their name, photos and deeds are shown to every
 * mini-program user, so the volunteer decides (PIPL): staff publish a story about a volunteer only with it, and
 * a withdrawal takes such stories down in the same transaction ({@link Withdrawn}).
 */
@Service
public class StoryConsent {

    /** A volunteer withdrew their consent: stories about them must come down. */
    public record Withdrawn(long volunteerId, long orgId) {
    }

    /** A volunteer a story may be about, as staff of their jurisdiction see them. */
    public record Subject(long volunteerId, String name, long orgId, boolean consented) {
    }

    private final Volunteers volunteers;
    private final VolunteerMapper mapper;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StoryConsent(Volunteers volunteers, VolunteerMapper mapper, ApplicationEventPublisher events, Clock clock) {
        this.volunteers = volunteers;
        this.mapper = mapper;
        this.events = events;
        this.clock = clock;
    }

    public StoryConsentView of(UserPrincipal user) {
        return view(volunteers.ofUser(user));
    }

    @Transactional
    public StoryConsentView change(UserPrincipal user, boolean consent) {
        Volunteer v = volunteers.ofUser(user);
        boolean had = v.getStoryConsentAt() != null;
        if (consent == had) {
            return view(v); // agreeing twice keeps the first date
        }
        v.setStoryConsentAt(consent ? LocalDateTime.now(clock) : null);
        mapper.update(null, new LambdaUpdateWrapper<Volunteer>().set(Volunteer::getStoryConsentAt, v.getStoryConsentAt())
                .eq(Volunteer::getId, v.getId()));
        if (!consent) {
            events.publishEvent(new Withdrawn(v.getId(), v.getOrgId()));
        }
        return view(v);
    }

    /** The volunteer of this id in the staff member's jurisdiction, with whether they agreed; empty when not found. */
    public Optional<Subject> subject(long volunteerId) {
        Volunteer v = mapper.selectById(volunteerId);
        return v == null ? Optional.empty()
                : Optional.of(new Subject(v.getId(), v.getName(), v.getOrgId(), v.getStoryConsentAt() != null));
    }

    private static StoryConsentView view(Volunteer v) {
        return new StoryConsentView(v.getStoryConsentAt() != null, v.getStoryConsentAt());
    }
}
