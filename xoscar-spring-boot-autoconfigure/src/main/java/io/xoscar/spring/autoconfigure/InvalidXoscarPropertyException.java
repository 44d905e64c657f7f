package io.xoscar.spring.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Thrown when binding an {@code xoscar.*} property to a value the actor system cannot run with.
 * {@link #getName()} is the property key as written in configuration, such as
 * {@code xoscar.pools.gpu.count}.
 */
public final class InvalidXoscarPropertyException extends InvalidConfigurationPropertyValueException {

	private final String action;

	/**
	 * @param name the property key, such as {@code xoscar.pools.gpu.count}
	 * @param value the invalid value
	 * @param reason why the value is invalid
	 * @param action what to change
	 */
	public InvalidXoscarPropertyException(String name, Object value, String reason, String action) {
		super(name, value, reason);
		this.action = action;
	}

	/**
	 * @return what to change to fix the property
	 */
	public String getAction() {
		return this.action;
	}

}
