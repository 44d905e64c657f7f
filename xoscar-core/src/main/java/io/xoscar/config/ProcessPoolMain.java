package io.xoscar.config;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the child JVM of a process pool runs. By default ({@link #BARE}) a node and nothing else. A
 * framework integration runs its own main class, which gets the pool's arguments followed by
 * {@code args}, builds its node from {@link io.xoscar.ProcessPoolChild#parse(String[])} and then
 * calls {@link io.xoscar.ProcessPoolChild#ready(io.xoscar.ActorSystem)}. It may also hand each child
 * bytes that must not show on a command line or in an environment (settings, secrets): the child
 * takes them with {@link io.xoscar.ProcessPoolChild#takePrivateInput()}.
 *
 * @param mainClass the child's main class, on the parent's class path
 * @param args arguments appended after the pool's own
 * @param privateInput called each time a child is launched, for the bytes it gets privately (through
 * the pipe of its standard input, which only the two processes hold); one that returns {@code null}
 * for none (given {@code null}, one that always does)
 */
public record ProcessPoolMain(String mainClass, List<String> args, Supplier<byte @Nullable []> privateInput) {

	// before BARE, which uses it
	private static final Supplier<byte @Nullable []> NO_INPUT = () -> null;

	/** A node with one pool, nothing else. */
	public static final ProcessPoolMain BARE = new ProcessPoolMain("io.xoscar.internal.pool.SubPoolMain", List.of());

	/**
	 * @param mainClass the child's main class, on the parent's class path
	 * @param args arguments appended after the pool's own
	 * @param privateInput called each time a child is launched, for the bytes it gets privately;
	 * {@code null} or one that returns {@code null} for none
	 */
	public ProcessPoolMain(String mainClass, List<String> args, @Nullable Supplier<byte @Nullable []> privateInput) {
		this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
		this.args = List.copyOf(args);
		this.privateInput = (privateInput != null) ? privateInput : NO_INPUT;
	}

	/**
	 * A main class whose children get no private input.
	 * @param mainClass the child's main class, on the parent's class path
	 * @param args arguments appended after the pool's own
	 */
	public ProcessPoolMain(String mainClass, List<String> args) {
		this(mainClass, args, NO_INPUT);
	}

	/**
	 * @param input called each time a child is launched, for the bytes it gets privately;
	 * {@code null} or one that returns {@code null} for none
	 * @return a copy handing children these bytes
	 */
	public ProcessPoolMain withPrivateInput(@Nullable Supplier<byte @Nullable []> input) {
		return new ProcessPoolMain(this.mainClass, this.args, input);
	}

}
