package io.xoscar.process;

import java.security.CodeSource;

import io.xoscar.Actor;
import io.xoscar.ActorHandle;
import io.xoscar.ActorSystem;
import io.xoscar.CreateOptions;
import io.xoscar.Placement;
import io.xoscar.config.ActorSystemConfig;
import io.xoscar.config.PoolConfig;

/**
 * An application packaged as a Spring Boot executable jar by {@link FatJarProcessPoolTest} and run
 * with {@code java -jar}: creates a node with one process pool, calls an actor there, closes the node
 * and prints one line, {@value #OK} followed by tab-separated {@code key=value} facts about this JVM
 * and the process pool's, then returns from {@code main} (exit code 0). On any failure it prints
 * {@value #FAILED} and the stack trace and exits with code 1.
 */
public final class FatJarApp {

	/** Starts the line reporting success. */
	public static final String OK = "FATJAR-OK";

	/** Starts the line reporting a failure. */
	public static final String FAILED = "FATJAR-FAILED";

	private FatJarApp() {
	}

	public static void main(String[] args) {
		String line;
		try (ActorSystem system = ActorSystem.create(ActorSystemConfig.builder()
			.mainPoolThreads(1)
			.pool(PoolConfig.process("fat").jvmArgs("-Xmx64m"))
			.build())) {
			ActorHandle<Where> where = system.createActor(Where.class, CreateOptions.at(Placement.pool(1))).join();
			String child = where.method("describe").call();
			line = OK + describe("parent", FatJarApp.class) + "\tpoolPid=" + system.pools().get(1).pid() + child;
		}
		catch (Throwable ex) {
			System.out.println(FAILED + " " + ex);
			ex.printStackTrace(System.out);
			System.out.flush();
			System.exit(1);
			return;
		}
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * Says where the JVM running it took its classes from.
	 */
	public static class Where extends Actor {

		public String describe() {
			return FatJarApp.describe("child", Where.class);
		}

	}

	/**
	 * @param prefix starts the keys
	 * @param type a class of this application
	 * @return the pid, class path and {@code loader.main} property of the running JVM, the class loader
	 * and code source of {@code type} in it, each as a tab and {@code <prefix>Key=value}
	 */
	static String describe(String prefix, Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		return "\t" + prefix + "Pid=" + ProcessHandle.current().pid()
				+ "\t" + prefix + "ClassPath=" + System.getProperty("java.class.path")
				+ "\t" + prefix + "LoaderMain=" + System.getProperty("loader.main")
				+ "\t" + prefix + "ClassLoader=" + type.getClassLoader().getClass().getName()
				+ "\t" + prefix + "CodeSource=" + ((source != null) ? source.getLocation() : null);
	}

}
