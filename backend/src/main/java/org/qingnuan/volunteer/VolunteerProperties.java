package org.qingnuan.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Volunteers ({@code qingnuan.volunteer.*}).
 *
 * @param maxActiveTasks  tasks a volunteer may hold at once (claimed or started)
 * @param passMarkPercent the protection quiz's pass mark
 * @param startWithin     a task claimed but not started this long after the claim (or by its preferred
 *                        start, if later) goes back to the pool
 * @param releaseScan     how often that is checked
 * @param quizSize        questions drawn from the bank for one attempt of the protection quiz (all when fewer)
 * @param quizAttemptsPerDay attempts of the quiz a volunteer may submit per day (Asia/Shanghai)
 */
@ConfigurationProperties("qingnuan.volunteer")
public record VolunteerProperties(Integer maxActiveTasks, Integer passMarkPercent, Duration startWithin, Duration releaseScan,
                                  Integer quizSize, Integer quizAttemptsPerDay) {

    public VolunteerProperties {
        maxActiveTasks = maxActiveTasks == null ? 3 : maxActiveTasks;
        passMarkPercent = passMarkPercent == null ? 80 : passMarkPercent;
        startWithin = startWithin == null ? Duration.ofHours(2) : startWithin;
        releaseScan = releaseScan == null ? Duration.ofMinutes(5) : releaseScan;
        quizSize = quizSize == null ? 5 : quizSize;
        quizAttemptsPerDay = quizAttemptsPerDay == null ? 3 : quizAttemptsPerDay;
    }
}
