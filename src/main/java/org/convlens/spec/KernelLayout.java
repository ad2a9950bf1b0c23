package org.convlens.spec;

/**
 * How a kernel's two channel dimensions pair output and input channels (PyTorch's layout:
 * {@code Cout x Cin/groups} for a convolution, {@code Cin x Cout/groups} for a transposed one).
 */
record KernelLayout(int inChannels, int outChannels, int groups, boolean transposed, int kh, int kw) {
    int dim0() {
        return transposed ? inChannels : outChannels;
    }

    int dim1() {
        return Math.max(1, transposed ? outChannels / groups : inChannels / groups);
    }

    /** {outChannel, inChannel} of slice (i0, i1). */
    int[] pair(int i0, int i1) {
        if (transposed) {
            int perGroup = inChannels / groups;
            return new int[] {i0 / perGroup * (outChannels / groups) + i1, i0};
        }
        int perGroup = outChannels / groups;
        return new int[] {i0, i0 / perGroup * (inChannels / groups) + i1};
    }

    /** The slice (i0, i1) joining output {@code co} and input {@code ci}, or null if they are in different groups. */
    int[] slice(int co, int ci) {
        int gOut = co / (outChannels / groups);
        int gIn = ci / (inChannels / groups);
        if (gOut != gIn) {
            return null;
        }
        return transposed ? new int[] {ci, co % (outChannels / groups)} : new int[] {co, ci % (inChannels / groups)};
    }

    boolean valid() {
        return groups >= 1 && inChannels % groups == 0 && outChannels % groups == 0;
    }
}

