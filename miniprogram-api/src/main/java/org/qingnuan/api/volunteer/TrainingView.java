package org.qingnuan.api.volunteer;

import java.util.List;

/** The protection course and its quiz (answers are never sent). */
public record TrainingView(List<String> course, List<Question> questions, int passMarkPercent) {

    public record Question(long id, String question, List<String> choices) {
    }

    public record Result(int score, int total, boolean passed, String message) {
    }
}
