package io.xoscar.exception;

/**
 * Every pool with the label already holds an actor created with the same idle mark.
 */
public class NoIdleSlotException extends XoscarException {

	public NoIdleSlotException(String label, String mark) {
		super("no idle pool with label '" + label + "' for mark '" + mark + "': every such pool already holds one");
	}
}
