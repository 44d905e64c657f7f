package io.xoscar.internal.pool;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pools of a node that are gone (a process pool's process exited, a pool was removed) and the
 * actors that went with them, so that calls to them fail saying which pool, since when and why,
 * instead of with a socket error or as if the actor had never been; and the actors removed by the
 * runtime (given up by their supervision, not made again after their process pool restarted), with why.
 */
final class PoolEnds {

	private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9,
			"SIGKILL", 11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM");

	/** By pool address. */
	private final Map<String, String> pools = new ConcurrentHashMap<>();

	/** By uid: the end of the pool the actor lived in, until the uid is used again. */
	private final Map<String, String> actors = new ConcurrentHashMap<>();

	/** By uid: why the runtime removed an actor, until the uid is used again. */
	private final Map<String, String> removedActors = new ConcurrentHashMap<>();

	/** The runtime removed an actor (its supervision gave it up, ...): calls to it fail saying why. */
	void removedActor(String uid, String why) {
		this.removedActors.put(uid, why);
	}

	/** @return why the runtime removed the actor, or {@code null} if it did not */
	String removedActor(String uid) {
		return this.removedActors.get(uid);
	}

	/** A process pool's process exited without being asked to. */
	void exited(ProcessActorPool pool, int exitCode, Collection<String> uids) {
		ended(pool, uids, describe(pool) + " is down: its process (pid " + pool.pid() + ") " + exit(exitCode) + " at "
				+ now());
	}

	/**
	 * A process pool is down for good.
	 * @param why what happened
	 * @return the reason calls to it give: "process pool 1 (gpu) at ... is down: {@code why} (at ...)"
	 */
	String down(ProcessActorPool pool, Collection<String> uids, String why) {
		String reason = describe(pool) + " is down: " + why + " (at " + now() + ")";
		ended(pool, uids, reason);
		return reason;
	}

	/** A pool was removed. */
	void removed(ActorPool pool, Collection<String> uids) {
		ended(pool, uids, describe(pool) + " was removed at " + now());
	}

	private void ended(ActorPool pool, Collection<String> uids, String why) {
		this.pools.put(pool.address(), why);
		for (String uid : uids) {
			this.actors.put(uid, why);
		}
	}

	/** @return why the pool at this address is gone, or {@code null} if it is not known to be */
	String pool(String address) {
		return this.pools.get(address);
	}

	/** @return why the actor is gone with its pool, or {@code null} if it did not go with one */
	String actor(String uid) {
		return this.actors.get(uid);
	}

	/** A new actor takes the uid. */
	void reused(String uid) {
		this.actors.remove(uid);
		this.removedActors.remove(uid);
	}

	static String describe(ActorPool pool) {
		return ((pool instanceof ProcessActorPool) ? "process pool " : "pool ") + pool.index() + " (" + pool.name()
				+ ") at " + pool.address();
	}

	/** @return "exited with code 1", or for a process killed by a signal "was killed by signal 9 (SIGKILL)" */
	static String exit(int code) {
		if (code > 128 && code < 160) {
			int signal = code - 128;
			String name = SIGNALS.get(signal);
			return "was killed by signal " + signal + ((name != null) ? " (" + name + ")" : "") + ", exit code " + code;
		}
		return "exited with code " + code;
	}

	/** @return "SIGKILL" for a process killed by signal 9, else "exit-3" for exit code 3: a meter tag */
	static String exitKind(int code) {
		if (code > 128 && code < 160 && SIGNALS.containsKey(code - 128)) {
			return SIGNALS.get(code - 128);
		}
		return "exit-" + code;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
