package org.convlens.train;

import java.util.Objects;

/**
 * A training set and a test set of the same image shape and classes.
 *
 * @param train what the network learns from
 * @param test what its accuracy is measured on (never trained on)
 */
public record DataSplit(Dataset train, Dataset test) {
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()
                || train.classCount() != test.classCount()) {
            throw new IllegalArgumentException("train " + train + " and test " + test + " differ");
        }
    }
}
