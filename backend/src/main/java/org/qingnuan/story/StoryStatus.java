package org.qingnuan.story;

/** Where a story is: only PUBLISHED ones reach the mini-program; DRAFT and WITHDRAWN ones may be edited. */
public enum StoryStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤回");

    private final String label;

    StoryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean editable() {
        return this != PUBLISHED;
    }
}
