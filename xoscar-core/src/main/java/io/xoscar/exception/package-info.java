/**
 * The errors the Xoscar runtime raises ({@link io.xoscar.exception.XoscarException} and its
 * subclasses).
 */
@NullMarked
package io.xoscar.exception;

import org.jspecify.annotations.NullMarked;
