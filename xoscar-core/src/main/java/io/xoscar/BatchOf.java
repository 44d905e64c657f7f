package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the batch implementation of the {@link Extensible} method named by {@link #value()}.
 * <p>
 * Each parameter of the batch implementation is a {@code List} holding, in call order, the
 * corresponding argument of every call in the batch; it returns a {@code List} with one result
 * per call (or a {@code CompletionStage}/{@code Mono} of one). For example
 * <pre>{@code
 * @Extensible public String get(String key) { ... }
 * @BatchOf("get") public List<String> getAll(List<String> keys) { ... }
 * }</pre>
 * A direct call goes to the single method when there is one, otherwise to the batch
 * implementation with one-element lists.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BatchOf {

	/**
	 * @return the name of the method this one implements batches of
	 */
	String value();

}
