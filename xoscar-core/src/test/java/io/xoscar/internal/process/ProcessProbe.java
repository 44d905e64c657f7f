package io.xoscar.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a process is gone, for the tests.
 */
public final class ProcessProbe {

	private ProcessProbe() {
	}

	/**
	 * A zombie (a process that has exited but was not reaped yet) counts as gone: orphans stay zombies
	 * where PID 1 does not reap them, as in some containers, and {@link ProcessHandle#isAlive()} counts
	 * them as alive.
	 * @param pid a process id
	 * @return whether that process is no longer running
	 */
	public static boolean isGone(long pid) {
		Optional<ProcessHandle> handle = ProcessHandle.of(pid);
		if (handle.isEmpty() || !handle.get().isAlive()) {
			return true;
		}
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (!Files.exists(stat)) {
			return false;
		}
		try {
			String text = Files.readString(stat);
			char state = text.charAt(text.lastIndexOf(')') + 2);
			return state == 'Z' || state == 'X';
		}
		catch (IOException | RuntimeException ex) {
			return !Files.exists(stat);
		}
	}

}
