package org.qingnuan.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * What one volunteer may do on the task board in a day ({@code qingnuan.task-board.*}). Claim and release
 * reveal and drop a family's address and phone; these numbers keep a claim-and-release loop from
 * harvesting addresses (issue 17).
 *
 * @param claimsPerDay      tasks a volunteer may claim per calendar day (Asia/Shanghai)
 * @param releasesPerDay    tasks a volunteer may give back per day; once reached, no more claims that day
 *                          (the release itself is never refused: the family must not wait on someone who
 *                          will not come)
 * @param releaseAlertAfter the day's release that alerts the volunteer's organisation (unusual pattern)
 * @param quickRelease      a release this soon after the claim is named as such in the alert ("claimed,
 *                          looked, dropped")
 * @param nearCircleKm      the circle the nearby list searches first, km (decision 322); the volunteer's whole radius
 *                          only when it holds fewer than fifty tasks. 0: the whole radius at once (a rural city)
 */
@ConfigurationProperties("qingnuan.task-board")
public record TaskBoardProperties(Integer claimsPerDay, Integer releasesPerDay, Integer releaseAlertAfter, Duration quickRelease,
                                  Integer nearCircleKm) {

    public TaskBoardProperties {
        claimsPerDay = claimsPerDay == null ? 10 : claimsPerDay;
        releasesPerDay = releasesPerDay == null ? 3 : releasesPerDay;
        releaseAlertAfter = releaseAlertAfter == null ? 2 : releaseAlertAfter;
        quickRelease = quickRelease == null ? Duration.ofMinutes(10) : quickRelease;
        nearCircleKm = nearCircleKm == null ? 5 : nearCircleKm;
    }
}
