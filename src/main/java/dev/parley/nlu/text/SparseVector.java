package dev.parley.nlu.text;

import java.util.Arrays;

/**
 * An immutable sparse vector: strictly increasing indices below {@link #dimension()} and their values.
 */
public final class SparseVector {

    private final int dimension;
    private final int[] indices;
    private final float[] values;

    /**
     * A vector from its entries (copied).
     *
     * @throws IllegalArgumentException if the arrays differ in length or the indices are not strictly
     *         increasing within {@code [0, dimension)}
     */
    public SparseVector(int dimension, int[] indices, float[] values) {
        this(dimension, indices.clone(), values.clone(), true);
    }

    private SparseVector(int dimension, int[] indices, float[] values, boolean check) {
        if (check) {
            if (indices.length != values.length) {
                throw new IllegalArgumentException(indices.length + " indices but " + values.length + " values");
            }
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= dimension || (i > 0 && indices[i] <= indices[i - 1])) {
                    throw new IllegalArgumentException("Indices must increase within [0, " + dimension + "): "
                            + Arrays.toString(indices));
                }
            }
        }
        this.dimension = dimension;
        this.indices = indices;
        this.values = values;
    }

    /** Wraps arrays the caller hands over and never touches again. */
    static SparseVector wrap(int dimension, int[] indices, float[] values) {
        return new SparseVector(dimension, indices, values, false);
    }

    /** The dimension of the space. */
    public int dimension() {
        return dimension;
    }

    /** Number of non-zero entries. */
    public int size() {
        return indices.length;
    }

    /** Index of the {@code i}-th entry. */
    public int index(int i) {
        return indices[i];
    }

    /** Value of the {@code i}-th entry. */
    public float value(int i) {
        return values[i];
    }

    /** A copy of the indices. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the values. */
    public float[] values() {
        return values.clone();
    }

    /** The value at {@code index} (0 where there is no entry). */
    public float get(int index) {
        int at = Arrays.binarySearch(indices, index);
        return at >= 0 ? values[at] : 0f;
    }

    /** Dot product with a dense vector of this dimension (e.g. a weight row). */
    public double dot(float[] dense) {
        if (dense.length != dimension) {
            throw new IllegalArgumentException("dense vector of " + dense.length + ", expected " + dimension);
        }
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            sum += (double) values[i] * dense[indices[i]];
        }
        return sum;
    }

    /** Dot product with another sparse vector. */
    public double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            int a = indices[i];
            int b = other.indices[j];
            if (a == b) {
                sum += (double) values[i++] * other.values[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Euclidean length. */
    public double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** As a dense array of {@link #dimension()} floats. */
    public float[] toDense() {
        float[] dense = new float[dimension];
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] = values[i];
        }
        return dense;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && v.dimension == dimension && Arrays.equals(v.indices, indices)
                && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SparseVector[").append(dimension).append("]{");
        for (int i = 0; i < indices.length; i++) {
            s.append(i == 0 ? "" : ", ").append(indices[i]).append('=').append(values[i]);
        }
        return s.append('}').toString();
    }
}
