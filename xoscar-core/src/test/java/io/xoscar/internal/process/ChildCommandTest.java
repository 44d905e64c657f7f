package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChildCommandTest {

	private static final ChildJvmSpec SPEC = ChildJvmSpec.of("pool", "com.example.PoolMain")
		.withArgs("--port", "0")
		.withJvmArgs("-Xmx64m", "-Dxoscar.test=yes")
		.withEnv(Map.of("CUDA_VISIBLE_DEVICES", "1"));

	/** The command on this JDK: the java binary, the options of its version, then {@code rest}. */
	private static List<String> command(String... rest) {
		List<String> command = new ArrayList<>();
		command.add(ChildCommand.javaBinary());
		command.addAll(ChildCommand.stdioEncodingOptions(Runtime.version().feature()));
		command.addAll(ChildCommand.nativeAccessOptions(Runtime.version().feature(), SPEC.jvmArgs()));
		command.add("-Dio.netty.jfr.enabled=false");
		command.addAll(List.of(rest));
		return command;
	}

	@Test
	void shortClassPathIsOnTheCommandLine() throws IOException {
		String classPath = String.join(File.pathSeparator, "/a/classes", "/b/lib.jar");

		try (ChildCommand command = ChildCommand.create(SPEC, ChildClasspath.of(classPath, null), 1000)) {
			assertThat(command.arguments()).containsExactlyElementsOf(command("-Xmx64m", "-Dxoscar.test=yes", "-cp",
					classPath, "com.example.PoolMain", "--port", "0"));
			assertThat(command.argFile()).isEmpty();
		}
	}

	@Test
	void javaBinaryIsTheOneOfThisJvm() {
		assertThat(Path.of(ChildCommand.javaBinary())).startsWith(Path.of(System.getProperty("java.home")))
			.isExecutable();
	}

	@Test
	void emptyClassPathIsLeftOut() throws IOException {
		try (ChildCommand command = ChildCommand.create(SPEC, ChildClasspath.of("", null), 1000)) {
			assertThat(command.arguments()).doesNotContain("-cp").contains("com.example.PoolMain");
		}
	}

	@Test
	void longClassPathGoesIntoAnArgumentFileDeletedOnClose() throws IOException {
		String classPath = String.join(File.pathSeparator, "/a/classes", "/b/lib.jar");

		ChildCommand command = ChildCommand.create(SPEC, ChildClasspath.of(classPath, null), 10);
		Path argFile = command.argFile().orElseThrow();

		assertThat(command.arguments()).containsExactlyElementsOf(command("-Xmx64m", "-Dxoscar.test=yes",
				"@" + argFile, "com.example.PoolMain", "--port", "0"));
		assertThat(argFile).content().isEqualTo("-cp\n\"" + classPath + "\"\n");
		command.close();
		assertThat(argFile).doesNotExist();
	}

	@Test
	void springBootArchiveRunsThePropertiesLauncherWithTheMainClassAsProperty(@TempDir Path temp) throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes()
			.put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
		Path jar = temp.resolve("app.jar");
		new JarOutputStream(Files.newOutputStream(jar), manifest).close();

		try (ChildCommand command = ChildCommand.create(SPEC, ChildClasspath.of(jar.toString(), null), 100_000)) {
			assertThat(command.arguments()).containsExactlyElementsOf(command("-Xmx64m", "-Dxoscar.test=yes",
					"-Dloader.main=com.example.PoolMain", "-cp", jar.toString(),
					"org.springframework.boot.loader.launch.PropertiesLauncher", "--port", "0"));
		}
	}

	@Test
	void argFileQuotingEscapesBackslashesQuotesAndControlCharacters() {
		assertThat(ChildCommand.argFileQuote("/a b/c.jar")).isEqualTo("\"/a b/c.jar\"");
		assertThat(ChildCommand.argFileQuote("C:\\lib\\a.jar;\"q\"")).isEqualTo("\"C:\\\\lib\\\\a.jar;\\\"q\\\"\"");
		assertThat(ChildCommand.argFileQuote("a\nb\tc")).isEqualTo("\"a\\nb\\tc\"");
		assertThat(ChildCommand.argFileQuote("")).isEqualTo("\"\"");
	}

	@Test
	void nettysJfrEventsAreOffUnlessTheJvmArgumentsRecordOrDecide() {
		assertThat(ChildCommand.nettyJfrOptions(List.of("-Xmx1g"))).containsExactly("-Dio.netty.jfr.enabled=false");
		assertThat(ChildCommand.nettyJfrOptions(List.of("-Dio.netty.jfr.enabled=true"))).isEmpty();
		assertThat(ChildCommand.nettyJfrOptions(List.of("-XX:StartFlightRecording=duration=30s"))).isEmpty();
		assertThat(ChildCommand.nettyJfrOptions(List.of("-XX:+FlightRecorder"))).isEmpty();
	}

	@Test
	void runtimeOptionsComeBeforeTheSpecsOwnSoThatTheSpecsWin() throws IOException {
		try (ChildCommand command = ChildCommand.create(SPEC, ChildClasspath.of("", null), 1000,
				List.of("-XX:SharedArchiveFile=/a.jsa"))) {
			assertThat(command.arguments()).containsSubsequence("-XX:SharedArchiveFile=/a.jsa", "-Xmx64m");
		}
	}

	@Test
	void nativeAccessIsGrantedFromJdk22UnlessTheJvmArgumentsSayOtherwise() {
		assertThat(ChildCommand.nativeAccessOptions(17, List.of())).isEmpty();
		assertThat(ChildCommand.nativeAccessOptions(25, List.of())).containsExactly("--enable-native-access=ALL-UNNAMED");
		assertThat(ChildCommand.nativeAccessOptions(25, List.of("--enable-native-access=M"))).isEmpty();
	}

	@Test
	void stdioEncodingPropertiesDependOnTheJdk() {
		assertThat(ChildCommand.stdioEncodingOptions(17)).containsExactly("-Dsun.stdout.encoding=UTF-8",
				"-Dsun.stderr.encoding=UTF-8");
		assertThat(ChildCommand.stdioEncodingOptions(25)).containsExactly("-Dstdout.encoding=UTF-8",
				"-Dstderr.encoding=UTF-8");
	}

}
