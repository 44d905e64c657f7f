package io.xoscar.config;

import java.util.List;
import java.util.Objects;

/**
 * What the child JVM of a process pool runs. By default ({@link #BARE}) a node and nothing else. A
 * framework integration runs its own main class, which gets the pool's arguments followed by
 * {@code args}, builds its node from {@link io.xoscar.ProcessPoolChild#parse(String[])} and then
 * calls {@link io.xoscar.ProcessPoolChild#ready(io.xoscar.ActorSystem)}.
 *
 * @param mainClass the child's main class, on the parent's class path
 * @param args arguments appended after the pool's own
 */
public record ProcessPoolMain(String mainClass, List<String> args) {

	/** A node with one pool, nothing else. */
	public static final ProcessPoolMain BARE = new ProcessPoolMain("io.xoscar.internal.pool.SubPoolMain", List.of());

	public ProcessPoolMain {
		Objects.requireNonNull(mainClass, "mainClass");
		args = List.copyOf(args);
	}

}
