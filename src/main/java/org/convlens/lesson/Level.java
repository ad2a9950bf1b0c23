package org.convlens.lesson;

import org.convlens.engine.Named;

/** How much a lesson assumes, as written in its {@code level:} field. */
public enum Level implements Named {
    BEGINNER("beginner"), INTERMEDIATE("intermediate"), ADVANCED("advanced");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    /** The name used in lesson files. */
    @Override
    public String id() {
        return id;
    }

    public static Level fromId(String id) {
        return Named.byId(Level.class, id);
    }
}
