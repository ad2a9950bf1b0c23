package org.convlens.ui.network;

import javafx.beans.value.ObservableBooleanValue;
import org.convlens.spec.NetworkProblem;

/**
 * A request to the Network tab (through {@link org.convlens.ui.UiContext#show}): show this network
 * with its own input and weights, a cell traced, and the numbers a question asks for covered
 * while {@code numbersHidden} is true.
 *
 * @param problem the input and the layers
 * @param trace the cell to trace, or null
 * @param numbersHidden true while shapes, counts and receptive fields would give an answer away
 */
public record ShowNetwork(NetworkProblem problem, NetworkViewModel.Cell trace, ObservableBooleanValue numbersHidden) {
}
