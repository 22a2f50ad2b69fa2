package org.qingnuan.registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The batches this installation counts (第一批, 第二批 …), configured in {@code qingnuan.registry.batches}.
 * Annex 1 has one column pair per configured batch, even when empty; a sheet naming a batch that is not
 * configured is a row error rather than a new column (seed 003: 万州区 共计 8, 第一批 + 第二批 = 5).
 * Batch {@code n} is the {@code n}-th label.
 */
@Component
public class BatchList {

    private final List<String> labels;

    BatchList(@Value("${qingnuan.registry.batches:第一批,第二批}") List<String> labels) {
        this.labels = labels.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (this.labels.isEmpty()) {
            throw new IllegalStateException("qingnuan.registry.batches must name at least one batch");
        }
    }

    public List<String> labels() {
        return labels;
    }

    public List<Integer> numbers() {
        return IntStream.rangeClosed(1, labels.size()).boxed().toList();
    }

    public boolean contains(Integer batch) {
        return batch != null && batch >= 1 && batch <= labels.size();
    }

    public String label(Integer batch) {
        return contains(batch) ? labels.get(batch - 1) : Batches.label(batch);
    }

    /** The configured batch a cell names (its label, or 第1批 / 1 / 一 for the first), else {@code null}. */
    public Integer parse(String text) {
        if (text == null) {
            return null;
        }
        int at = labels.indexOf(text.trim());
        if (at >= 0) {
            return at + 1;
        }
        Integer n = Batches.parse(text);
        return contains(n) ? n : null;
    }

    /** 第一批、第二批 — for messages. */
    public String spelled() {
        return String.join("、", labels);
    }
}
