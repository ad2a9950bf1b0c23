package org.convlens.ui.train;

import org.convlens.train.TrainSettings;

/**
 * A request to the Training tab (through {@link org.convlens.ui.UiContext#show}): set up a run on
 * the shipped Fashion-MNIST subset with these settings and a fresh network, for the student to
 * start. A run in progress is cancelled.
 *
 * @param images how many training images the run learns from
 * @param epochs passes over them
 * @param batch images per step
 * @param learningRate the step size
 * @param optimizer SGD with momentum or Adam
 * @param seed the seed of the initial weights and of the order of the images
 * @param startLocked true while Start must wait (a question asks to predict the run), or null
 */
public record ShowTraining(int images, int epochs, int batch, double learningRate,
                           TrainSettings.OptimizerKind optimizer, long seed,
                           javafx.beans.value.ObservableBooleanValue startLocked) {
}
