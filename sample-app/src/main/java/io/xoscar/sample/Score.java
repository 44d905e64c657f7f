package io.xoscar.sample;

/**
 * What the model says about one text.
 *
 * @param sentiment the score: above 0 positive, below 0 negative
 * @param batchSize how many requests the model scored in the same batch
 * @param device the device the model ran on ({@code CUDA_VISIBLE_DEVICES} of its pool)
 * @param pid the process the model ran in
 */
public record Score(double sentiment, int batchSize, String device, long pid) {
}
