package org.example.outside;

/**
 * An exception of a package that is not on any allow-list: it must not be instantiated from the
 * wire.
 */
public class SecretException extends RuntimeException {

	public SecretException(String message) {
		super(message);
	}

}
