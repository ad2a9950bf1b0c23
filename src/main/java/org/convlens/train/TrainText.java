package org.convlens.train;

import org.convlens.engine.Messages;

/** The train package's messages ({@code org/convlens/train/messages*.properties}). */
final class TrainText {
    static final Messages TEXT = Messages.bundle("org.convlens.train.messages");

    private TrainText() {
    }
}
