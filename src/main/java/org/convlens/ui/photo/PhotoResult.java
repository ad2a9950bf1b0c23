package org.convlens.ui.photo;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.image.MapStats;
import org.convlens.image.Photo;

/**
 * One finished run on a photo.
 *
 * @param photo the photo it ran on
 * @param result the engine's feature map and pooled map
 * @param featureStats range of the feature map
 * @param pooledStats range of the pooled map, or null without pooling
 * @param engineMs time inside {@code ConvEngine.run}
 * @param editNanos {@code System.nanoTime()} of the earliest edit this run answers (0 if none)
 * @param preview 1 for the full result; {@code k > 1} for a preview of every k-th output row and
 *     column (exact values there, computed by the same engine with the stride times k)
 */
public record PhotoResult(Photo photo, ConvEngine.Result result, MapStats featureStats, MapStats pooledStats,
                          double engineMs, long editNanos, int preview) {
    public boolean isPreview() {
        return preview > 1;
    }

    public ConvPlan plan() {
        return result.plan();
    }
}
