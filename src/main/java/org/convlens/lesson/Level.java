package org.convlens.lesson;

/** How much a lesson assumes, as written in its {@code level:} field. */
public enum Level {
    BEGINNER("beginner"), INTERMEDIATE("intermediate"), ADVANCED("advanced");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    /** The name used in lesson files. */
    public String id() {
        return id;
    }

    public static Level fromId(String id) {
        for (Level l : values()) {
            if (l.id.equals(id)) {
                return l;
            }
        }
        return null;
    }
}
