package dev.patchexplorer.model.catalog;

import java.util.List;

/** A tensor a checkpoint must contain, with its exact shape: cheap proof that a file is the right model. */
public record ExpectedTensor(String name, List<Long> shape) {
    public ExpectedTensor {
        shape = List.copyOf(shape);
    }
}
