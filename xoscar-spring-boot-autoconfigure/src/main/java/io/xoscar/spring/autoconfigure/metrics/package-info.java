/**
 * Micrometer meters of the node: the application's {@code MeterRegistry} handed to the node's
 * configuration ({@link io.xoscar.spring.autoconfigure.metrics.XoscarMetricsAutoConfiguration}).
 */
package io.xoscar.spring.autoconfigure.metrics;
