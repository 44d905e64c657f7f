package io.xoscar.exception;

/**
 * Every pool with the label already holds an actor created with the same idle mark.
 */
public class NoIdleSlotException extends XoscarException {

	private final String label;

	private final String mark;

	public NoIdleSlotException(String label, String mark) {
		super("no idle pool with label '" + label + "' for mark '" + mark + "': every such pool already holds one");
		this.label = label;
		this.mark = mark;
	}

	public String label() {
		return this.label;
	}

	public String mark() {
		return this.mark;
	}
}
