package io.xoscar.exception;

/**
 * More than one overload of an actor method accepts the given arguments equally well.
 */
public class AmbiguousActorMethodException extends NoSuchActorMethodException {

	public AmbiguousActorMethodException(String message) {
		super(message);
	}
}
