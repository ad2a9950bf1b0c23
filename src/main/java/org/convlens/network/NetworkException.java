package org.convlens.network;

import org.convlens.engine.Messages;
import org.convlens.engine.SpecException;

/**
 * A network that cannot be built or run, with the JSON path of the layer and field
 * ({@code $.layers[2].kernel}) and a message from the network's bundle
 * ({@code org/convlens/network/messages*.properties}).
 */
public final class NetworkException extends SpecException {
    static final Messages TEXT = Messages.bundle("org.convlens.network.messages");

    public NetworkException(String field, String key, Object... args) {
        super(TEXT, field, key, args);
    }
}
