package org.convlens.ui.export;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An animated GIF through javax.imageio's GIF writer: each frame with its delay, looping forever
 * (the NETSCAPE2.0 extension). No extra library.
 */
public final class GifWriter implements Closeable {
    private final ImageWriter writer;
    private final ImageOutputStream out;
    private boolean started;

    public GifWriter(OutputStream target) throws IOException {
        var writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer in this Java");
        }
        writer = writers.next();
        out = ImageIO.createImageOutputStream(target);
        writer.setOutput(out);
    }

    /** Adds a frame shown for {@code delayMillis} (GIF counts in hundredths of a second). */
    public void add(BufferedImage frame, int delayMillis) throws IOException {
        if (!started) {
            writer.prepareWriteSequence(null);
            started = true;
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
        gce.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode apps = child(root, "ApplicationExtensions");
        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
        app.setAttribute("applicationID", "NETSCAPE");
        app.setAttribute("authenticationCode", "2.0");
        app.setUserObject(new byte[] {1, 0, 0});
        apps.appendChild(app);
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(frame, null, meta), param);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode n = new IIOMetadataNode(name);
        root.appendChild(n);
        return n;
    }

    @Override
    public void close() throws IOException {
        try {
            if (started) {
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
            out.close();
        }
    }
}
