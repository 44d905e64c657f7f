package io.xoscar.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.xoscar.internal.process.ChildJvm;
import io.xoscar.internal.process.ChildJvmSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Nodes put their Unix sockets in {@code <tmpdir>/xoscar-<uid>}, a directory of the user's alone.
 * One that somebody prepared for them (open to others, a link, another user's) is not trusted: the
 * nodes warn and talk over TCP, and still work. Each case runs in a child JVM with a temporary
 * directory of its own.
 */
class UntrustedSocketDirectoryTest {

	private static int uid;

	@BeforeAll
	static void linuxOnly() throws IOException {
		assumeThat(Path.of("/proc/self")).as("Linux").exists();
		uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
	}

	/** @return channel, answer, then the warnings of the transport */
	private static List<String> runNodesIn(Path tmpdir) {
		try (ChildJvm child = ChildJvm.start(ChildJvmSpec.of("untrusted-dir", UntrustedSocketDirectoryMain.class.getName())
			.withJvmArgs("-Xmx128m", "-Djava.io.tmpdir=" + tmpdir))) {
			return List.of(child.readyPayload().split("\\|", -1));
		}
	}

	private static void assertTcpWithWarning(List<String> report, Path directory, String why) {
		assertThat(report.get(0)).as("channel").isEqualTo("tcp");
		assertThat(report.get(1)).as("answer").isEqualTo("still works");
		assertThat(report.subList(2, report.size())).hasSize(2)
			.allSatisfy((warning) -> assertThat(warning).startsWith("Cannot listen on a Unix domain socket for 127.0.0.1:")
				.endsWith(": same-host peers use TCP (" + directory + " " + why + ", so it is not used)"));
	}

	@Test
	void aFreshDirectoryIsCreatedForTheUserAloneAndUsed(@TempDir Path tmpdir) throws IOException {
		List<String> report = runNodesIn(tmpdir);
		assertThat(report).containsExactly("unix", "still works", "");
		Path directory = tmpdir.resolve("xoscar-" + uid);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
	}

	@Test
	void aDirectoryOpenToOthersIsNotTrusted(@TempDir Path tmpdir) throws IOException {
		Path directory = Files.createDirectory(tmpdir.resolve("xoscar-" + uid));
		Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertTcpWithWarning(runNodesIn(tmpdir), directory, "is open to other users (rwxrwxrwx, it must be rwx------)");
		assertThat(directory).isEmptyDirectory();
	}

	@Test
	void aSymbolicLinkIsNotTrustedEvenToADirectoryOfTheUser(@TempDir Path tmpdir) throws IOException {
		Path target = Files.createDirectory(tmpdir.resolve("elsewhere"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path link = Files.createSymbolicLink(tmpdir.resolve("xoscar-" + uid), target);
		assertTcpWithWarning(runNodesIn(tmpdir), link, "is a symbolic link");
		assertThat(target).isEmptyDirectory();
	}

	@Test
	void aDirectoryOfAnotherUserIsNotTrusted(@TempDir Path tmpdir) throws IOException {
		assumeThat(uid).as("root, to give a directory away").isZero();
		Path directory = Files.createDirectory(tmpdir.resolve("xoscar-" + uid),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Files.setAttribute(directory, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
		List<String> report = runNodesIn(tmpdir);
		assertThat(report.get(0)).isEqualTo("tcp");
		assertThat(report.get(2)).contains(directory + " belongs to user ").contains("not to this process's user");
	}

}
