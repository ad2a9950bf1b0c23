package org.convlens.engine;

/** A setting's value with the name specs, the command line and lessons use for it ("relu", "reflect"). */
public interface Named {
    /** The name in specs. */
    String id();

    /** The constant of {@code type} named {@code id}, or null. */
    static <E extends Enum<E> & Named> E byId(Class<E> type, String id) {
        for (E e : type.getEnumConstants()) {
            if (e.id().equals(id)) {
                return e;
            }
        }
        return null;
    }
}
