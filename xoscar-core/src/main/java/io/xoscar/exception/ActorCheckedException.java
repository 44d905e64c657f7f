package io.xoscar.exception;

/**
 * A checked exception thrown by an actor method, as the blocking API delivers it: {@code call} and
 * blocking typed proxy methods throw unchecked exceptions as themselves and checked ones inside this
 * one ({@link #getCause()}), unless the proxy method declares the checked exception, which it then
 * throws as itself. Futures deliver the exception itself, inside their usual wrapper.
 */
public class ActorCheckedException extends XoscarException {

	public ActorCheckedException(String message, Throwable cause) {
		super(message, cause);
	}

}
