package org.convlens.spec;

import org.convlens.engine.Activation;
import org.convlens.engine.Named;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.Padding;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Settings written as text, as the command line's flags and typed fields give them: one grammar for all. */
final class SettingText {
    private SettingText() {
    }

    /**
     * Sets {@code name} from text as the command line and the lessons write it:
     * <ul>
     *   <li>{@code stride}, {@code dilation}, {@code output_padding}: {@code 2} or {@code 2,1} ({@code 2x1});</li>
     *   <li>{@code padding}: {@code 1}, {@code ph,pw}, {@code top,bottom,left,right}, {@code valid}, {@code same}, {@code full};</li>
     *   <li>{@code padding_mode}: {@code zeros}, {@code reflect}, {@code replicate}, {@code circular};</li>
     *   <li>{@code groups}: a whole number; {@code flip}, {@code transposed}: {@code true} or {@code false};</li>
     *   <li>{@code bias}: one number, or one per output channel separated by commas;</li>
     *   <li>{@code activation}: {@code none}, {@code relu}, {@code leaky_relu[:SLOPE]}, {@code sigmoid}, {@code tanh};</li>
     *   <li>{@code pool}: {@code none} or {@code TYPE:SIZE[:STRIDE[:PADDING]]}, each size {@code n} or {@code h,w};</li>
     *   <li>{@code kernel}: rows, {@code "1 0 -1; 2 0 -2; 1 0 -1"}, put into every slice.</li>
     * </ul>
     *
     * @throws SpecException at the setting, saying what is wrong with the text
     */
    static void apply(LayerSettings s, LayerSettings.Name name, String text) {
        String t = text == null ? "" : text.trim();
        String path = name.field();
        switch (name) {
            case STRIDE -> {
                int[] p = pair(t, path, 1);
                s.setStride(p[0], p[1]);
            }
            case DILATION -> {
                int[] p = pair(t, path, 1);
                s.setDilation(p[0], p[1]);
            }
            case OUTPUT_PADDING -> {
                int[] p = pair(t, path, 0);
                s.setOutputPadding(p[0], p[1]);
            }
            case GROUPS -> s.setGroups(whole(t, path, 1));
            case FLIP -> s.setFlip(bool(t, path));
            case TRANSPOSED -> s.setTransposed(bool(t, path));
            case BIAS -> {
                s.setBiasText(t);
                s.bias();
            }
            case PADDING -> setPaddingText(s, t, path);
            case PADDING_MODE -> s.setPaddingMode(named(PaddingMode.class, t, path));
            case ACTIVATION -> {
                String[] p = t.split(":", 2);
                s.setActivation(named(Activation.Type.class, p[0].trim(), path));
                if (p.length > 1) {
                    if (s.activation() != Activation.Type.LEAKY_RELU) {
                        throw new SpecException("$.activation.slope", "error.slope.notLeaky", s.activation().id());
                    }
                    s.setSlopeText(p[1].trim());
                    s.slope();
                }
            }
            case POOL -> setPoolText(s, t, path);
            case KERNEL -> s.setKernelRows(KernelText.parse(t));
            case CHANNELS -> {
                int[] p = pair(t, path, 1);
                s.setInChannels(p[0]);
                s.setOutChannels(p[1]);
            }
            default -> throw new AssertionError(name);
        }
    }

    private static void setPaddingText(LayerSettings s, String t, String path) {
        Padding.Rule rule = switch (t) {
            case "valid" -> Padding.Rule.VALID;
            case "same" -> Padding.Rule.SAME;
            case "full" -> Padding.Rule.FULL;
            default -> Padding.Rule.EXPLICIT;
        };
        if (rule != Padding.Rule.EXPLICIT) {
            s.setPaddingRule(rule);
            return;
        }
        int[] v = list(t, path, 0);
        switch (v.length) {
            case 1 -> s.setPadding(v[0], v[0], v[0], v[0]);
            case 2 -> s.setPadding(v[0], v[0], v[1], v[1]);
            case 4 -> s.setPadding(v[0], v[1], v[2], v[3]);
            default -> throw new SpecException(path, "error.padding.length", v.length);
        }
    }

    private static void setPoolText(LayerSettings s, String t, String path) {
        if (t.equals("none") || t.isEmpty()) {
            s.setPool(false);
            return;
        }
        String[] p = t.split(":");
        if (p.length > 4) {
            throw new SpecException(path, "error.pool.text", t);
        }
        PoolSpec.Type type = named(PoolSpec.Type.class, p[0].trim(), path + ".type");
        int[] size = p.length > 1 ? pair(p[1].trim(), path + ".size", 1) : new int[] {s.poolHeight(), s.poolWidth()};
        int[] stride = p.length > 2 ? pair(p[2].trim(), path + ".stride", 1) : size;
        int[] pad = p.length > 3 ? pair(p[3].trim(), path + ".padding", 0) : new int[] {0, 0};
        s.setPool(true);
        s.setPoolType(type);
        s.setPoolSize(size[0], size[1]);
        s.setPoolStride(stride[0], stride[1]);
        s.setPoolPadding(pad[0], pad[1]);
    }

    /**
     * The bias {@code text} says for {@code outChannels} channels: one number for every channel
     * (a plain 0 is no bias, null), or one per channel separated by commas, semicolons or spaces.
     *
     * @throws SpecException at {@code $.bias} when the text is not that
     */
    static float[] bias(String text, int outChannels) {
        String[] parts = text.trim().split("\\s*[,;\\s\uff0c\u3001]\\s*");
        if (parts.length == 1) {
            Float v = Numbers.parse(parts[0]);
            if (v == null) {
                throw new SpecException("$.bias", "error.bias.text", text, outChannels);
            }
            if (v == 0f && Float.floatToRawIntBits(v) == 0) {
                return null;
            }
            float[] b = new float[outChannels];
            Arrays.fill(b, v);
            return b;
        }
        if (parts.length != outChannels) {
            throw new SpecException("$.bias", "error.bias.text", text, outChannels);
        }
        float[] b = new float[outChannels];
        for (int i = 0; i < outChannels; i++) {
            Float v = Numbers.parse(parts[i]);
            if (v == null) {
                throw new SpecException("$.bias", "error.bias.text", text, outChannels);
            }
            b[i] = v;
        }
        return b;
    }

    /** A bias as typed: one number when every channel has the same, else one per channel. */
    static String biasText(float[] b) {
        if (b == null || b.length == 0) {
            return "0";
        }
        boolean same = true;
        for (float v : b) {
            same &= Float.floatToRawIntBits(v) == Float.floatToRawIntBits(b[0]);
        }
        if (same) {
            return Numbers.shortest(b[0]);
        }
        List<String> parts = new ArrayList<>();
        for (float v : b) {
            parts.add(Numbers.shortest(v));
        }
        return String.join(", ", parts);
    }

    /**
     * The leaky_relu slope {@code text} says; when it is not a number, the default slope, unless
     * the activation is {@code leaky} (then a {@link SpecException} at {@code $.activation.slope}).
     */
    static float slope(String text, boolean leaky) {
        Float v = Numbers.parse(text);
        if (v == null) {
            if (leaky) {
                throw new SpecException("$.activation.slope", "error.slope.text", text);
            }
            return Activation.DEFAULT_SLOPE;
        }
        return v;
    }

    private static int[] pair(String t, String path, int min) {
        int[] v = list(t, path, min);
        if (v.length == 1) {
            return new int[] {v[0], v[0]};
        }
        if (v.length != 2) {
            throw new SpecException(path, "error.pair.length", v.length);
        }
        return v;
    }

    private static int[] list(String t, String path, int min) {
        String[] parts = t.split("\\s*[,x\u00d7\uff0c]\\s*");
        int[] v = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = whole(parts[i], path, min);
        }
        return v;
    }

    private static int whole(String t, String path, int min) {
        Integer v = Numbers.parseWhole(t);
        if (v == null) {
            throw new SpecException(path, "error.number.text", t);
        }
        if (v < min) {
            throw new SpecException(path, min == 0 ? "error.number.negative" : "error.atLeastOne", v);
        }
        return v;
    }

    private static boolean bool(String t, String path) {
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new SpecException(path, "error.type.boolean", t);
        };
    }

    private static <E extends Enum<E> & Named> E named(Class<E> type, String t, String path) {
        E e = Named.byId(type, t);
        if (e == null) {
            List<String> ids = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                ids.add(c.id());
            }
            throw new SpecException(path, "error.name.unknown", t, String.join(", ", ids));
        }
        return e;
    }

}
