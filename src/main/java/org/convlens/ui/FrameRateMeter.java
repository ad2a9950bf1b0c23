package org.convlens.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Counts the frames JavaFX actually renders (one {@link AnimationTimer} call per pulse) and
 * reports frames per second over each second, plus the total since {@link #start()}.
 */
public final class FrameRateMeter {
    private final ReadOnlyDoubleWrapper fps = new ReadOnlyDoubleWrapper(this, "fps", 0);
    private long windowStart;
    private int windowFrames;
    private long firstFrame;
    private long lastFrame;
    private long frames;
    private long slowest;
    private long previous;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    /** Frames in the last whole second. */
    public ReadOnlyDoubleProperty fpsProperty() {
        return fps.getReadOnlyProperty();
    }

    public void start() {
        windowStart = 0;
        windowFrames = 0;
        frames = 0;
        firstFrame = 0;
        slowest = 0;
        previous = 0;
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    void frame(long now) {
        if (firstFrame == 0) {
            firstFrame = now;
            windowStart = now;
        } else {
            slowest = Math.max(slowest, now - previous);
        }
        previous = now;
        lastFrame = now;
        frames++;
        windowFrames++;
        if (now - windowStart >= 1_000_000_000L) {
            fps.set(windowFrames * 1e9 / (now - windowStart));
            windowStart = now;
            windowFrames = 0;
        }
    }

    /** Mean frames per second since start. */
    public double meanFps() {
        return lastFrame > firstFrame ? (frames - 1) * 1e9 / (lastFrame - firstFrame) : 0;
    }

    public long frames() {
        return frames;
    }

    /** The longest gap between two frames since start, in milliseconds. */
    public double slowestFrameMillis() {
        return slowest / 1e6;
    }
}
