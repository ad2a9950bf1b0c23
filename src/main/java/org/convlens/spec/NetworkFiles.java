package org.convlens.spec;

import org.convlens.io.AtomicFiles;
import org.convlens.network.Network;
import org.convlens.network.NetworkPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trained network on disk, three files in one folder, written together or not at all
 * ({@link AtomicFiles}): {@value #NETWORK} (the network file, weights included, as
 * {@code convlens network} reads it), {@value #WEIGHTS} (the same weights in safetensors under
 * the PyTorch names of {@value #SCRIPT}'s {@code nn.Sequential}) and {@value #SCRIPT} (that
 * {@code nn.Sequential}, with a loader; see {@link TorchExport}).
 */
public final class NetworkFiles {
    public static final String NETWORK = "network.json";
    public static final String WEIGHTS = "weights.safetensors";
    public static final String SCRIPT = "model.py";

    private NetworkFiles() {
    }

    /**
     * Writes the three files into {@code dir} (created if needed), replacing any there.
     *
     * @throws org.convlens.network.NetworkException for a layer PyTorch has no module for (nothing written)
     */
    public static void save(Path dir, NetworkProblem p) throws IOException {
        NetworkPlan plan = NetworkPlan.of(p.network());
        String script = TorchExport.script(plan, WEIGHTS);
        byte[] weights = SafeTensors.write(TorchExport.entries(plan), Map.of("format", "pt"));
        String json = NetworkWriter.toJson(p);
        List<AtomicFiles.Staged> staged = new ArrayList<>();
        try {
            staged.add(AtomicFiles.stage(dir.resolve(NETWORK), out -> out.write(json.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))));
            staged.add(AtomicFiles.stage(dir.resolve(WEIGHTS), out -> out.write(weights)));
            staged.add(AtomicFiles.stage(dir.resolve(SCRIPT), out -> out.write(script.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8))));
            for (AtomicFiles.Staged s : staged) {
                s.commit();
            }
        } finally {
            for (AtomicFiles.Staged s : staged) {
                s.close();
            }
        }
    }

    /**
     * The network of {@code network} with the weights of the safetensors file {@code weights}.
     *
     * @throws org.convlens.network.NetworkException naming the tensor that is missing, has the
     *     wrong shape, or a file that is not safetensors
     */
    public static Network withWeights(Network network, Path weights) throws IOException {
        return TorchExport.withWeights(NetworkPlan.of(network), SafeTensors.read(weights));
    }
}
