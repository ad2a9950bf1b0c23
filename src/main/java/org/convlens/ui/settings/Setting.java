package org.convlens.ui.settings;

/**
 * The settings the window has a control for. A problem the engine reports on a spec field (a
 * JSON path such as {@code $.pool.size}) is shown at the setting {@link #of(String)} gives.
 */
public enum Setting {
    INPUT_SIZE, INPUT_CELLS, KERNEL_SIZE, KERNEL_CELLS, CHANNELS, GROUPS, STRIDE, PADDING, PADDING_MODE, DILATION,
    FLIP, TRANSPOSED, OUTPUT_PADDING, BIAS, ACTIVATION, POOL, GENERAL;

    /** The control for a setting of the layer's settings model; null (a load) is {@link #GENERAL}. */
    public static Setting of(org.convlens.spec.LayerSettings.Name name) {
        if (name == null) {
            return GENERAL;
        }
        return switch (name) {
            case KERNEL -> KERNEL_SIZE;
            case CHANNELS -> CHANNELS;
            default -> valueOf(name.name());
        };
    }

    /** The setting a spec field belongs to. */
    public static Setting of(String jsonPath) {
        if (jsonPath == null) {
            return GENERAL;
        }
        String p = jsonPath.startsWith("$.") ? jsonPath.substring(2) : "";
        String head = p.split("[.\\[]", 2)[0];
        switch (head) {
            case "input":
                return INPUT_SIZE;
            case "kernel":
                return KERNEL_SIZE;
            case "channels":
                return CHANNELS;
            case "groups":
                return GROUPS;
            case "stride":
                return STRIDE;
            case "padding":
                return PADDING;
            case "padding_mode":
                return PADDING_MODE;
            case "dilation":
                return DILATION;
            case "flip":
                return FLIP;
            case "transposed":
                return TRANSPOSED;
            case "output_padding":
                return OUTPUT_PADDING;
            case "bias":
                return BIAS;
            case "activation":
                return ACTIVATION;
            case "pool":
                return POOL;
            default:
                return GENERAL;
        }
    }
}
