package io.xoscar.exception;

/**
 * A placement names a pool (by index, label or address) that the node does not have.
 */
public class NoSuchPoolException extends XoscarException {

	public NoSuchPoolException(String message) {
		super(message);
	}
}
