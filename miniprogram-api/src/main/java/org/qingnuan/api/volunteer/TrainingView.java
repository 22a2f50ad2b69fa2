package org.qingnuan.api.volunteer;

import java.util.List;

/**
 * The protection course and its quiz (answers are never sent, not even after a failed attempt). The questions
 * are drawn from the bank at random, in random order, when the quiz is opened; the answers are graded against
 * that draw. {@code attemptsLeft} is what remains of the day's attempts; at 0 {@code questions} is empty.
 */
public record TrainingView(List<String> course, List<Question> questions, int passMarkPercent, int attemptsLeft,
                           int attemptsPerDay) {

    public record Question(long id, String question, List<String> choices) {
    }

    /** A graded attempt: how many were right, never which. */
    public record Result(int score, int total, boolean passed, String message, int attemptsLeft) {
    }
}
