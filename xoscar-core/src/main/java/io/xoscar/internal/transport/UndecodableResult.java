package io.xoscar.internal.transport;

/**
 * Stands for a result that did not decode into the type its call expects; the call fails with the
 * error.
 *
 * @param error why
 */
record UndecodableResult(RuntimeException error) {
}
