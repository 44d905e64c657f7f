package io.xoscar.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

/**
 * The child JVM of a plain process pool alone, without the pool around it: from launching it to its
 * ready line ({@code SubPoolMain}: its node bound, nothing else), and the bare JVM for scale
 * ({@code java -version} with the same class path and options). {@code sharing}: {@code archive} is
 * what children get (the class-data sharing archive of this class path, which the warm-up
 * iterations train if there is none yet), {@code jdk} names the JDK's own archive as
 * {@code -XX:SharedArchiveFile}, which leaves children as they were before they had archives.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class ChildJvmStart {

	private static final String SUB_POOL_MAIN = "io.xoscar.internal.pool.SubPoolMain";

	@Param({ "archive", "jdk" })
	public String sharing;

	private List<String> jvmArgs;

	private ChildJvm child;

	@Setup(Level.Trial)
	public void options() {
		this.jvmArgs = new ArrayList<>(Systems.CHILD_JVM_ARGS);
		if (this.sharing.equals("jdk")) {
			this.jvmArgs.add("-XX:SharedArchiveFile="
					+ Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));
		}
	}

	@Benchmark
	public String subPoolMainReady() {
		this.child = ChildJvm.start(ChildJvmSpec.of("start", SUB_POOL_MAIN)
			.withArgs("--xoscar-pool.threads=1")
			.withJvmArgs(this.jvmArgs)
			.withStartTimeout(Duration.ofSeconds(60)));
		return this.child.readyPayload();
	}

	@Benchmark
	public int javaVersion() throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmArgs);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-version"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start()
			.waitFor();
	}

	@TearDown(Level.Iteration)
	public void stop() {
		if (this.child != null) {
			this.child.stop(Duration.ofSeconds(10));
			this.child = null;
		}
	}

}
