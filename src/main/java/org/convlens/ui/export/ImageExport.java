package org.convlens.ui.export;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.convlens.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Pictures of the window: a node as PNG (on the JavaFX thread). */
public final class ImageExport {
    private ImageExport() {
    }

    /** A snapshot of {@code node} as an RGB image (the scene's background colour behind it). */
    public static BufferedImage snapshot(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        Color bg = Color.WHITE;
        if (node.getScene() != null && node.getScene().getFill() instanceof Color c) {
            bg = c;
        }
        p.setFill(bg);
        WritableImage img = node.snapshot(p, null);
        BufferedImage argb = SwingFXUtils.fromFXImage(img, null);
        BufferedImage rgb = new BufferedImage(argb.getWidth(), argb.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = rgb.createGraphics();
        g.setColor(new java.awt.Color((float) bg.getRed(), (float) bg.getGreen(), (float) bg.getBlue()));
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Writes a snapshot of {@code node} as a PNG file (atomically). */
    public static void png(Node node, Path file) throws IOException {
        writePng(snapshot(node), file);
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", out)) {
            throw new IOException("no PNG writer");
        }
        AtomicFiles.write(file, out.toByteArray());
    }
}
