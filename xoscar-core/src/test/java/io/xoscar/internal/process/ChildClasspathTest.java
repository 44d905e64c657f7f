package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Detection of Spring Boot executable archives on jars and directories built here.
 */
class ChildClasspathTest {

	private static final String MAIN = "com.example.PoolMain";

	@TempDir
	Path temp;

	@Test
	void ordinaryClassPathIsPassedOnAsItIs() {
		String classPath = String.join(File.pathSeparator, "/a/classes", "/b/lib.jar");

		ChildClasspath classpath = ChildClasspath.of(classPath, getClass().getClassLoader());

		assertThat(classpath.isSpringBootArchive()).isFalse();
		assertThat(classpath.classPath()).isEqualTo(classPath);
		assertThat(classpath.jvmOptions(MAIN)).isEmpty();
		assertThat(classpath.launchClass(MAIN)).isEqualTo(MAIN);
	}

	@Test
	void testClassPathIsNoSpringBootArchive() {
		ChildClasspath classpath = ChildClasspath.detect();

		assertThat(classpath.isSpringBootArchive()).isFalse();
		assertThat(classpath.classPath()).isEqualTo(System.getProperty("java.class.path"));
	}

	@Test
	void springBootJarIsLaunchedThroughPropertiesLauncher() throws IOException {
		Path jar = jar("app.jar", Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher",
				"Start-Class", "com.example.App"));

		ChildClasspath classpath = ChildClasspath.of(jar.toString(), null);

		assertThat(classpath.isSpringBootArchive()).isTrue();
		assertThat(classpath.classPath()).isEqualTo(jar.toAbsolutePath().toString());
		assertThat(classpath.jvmOptions(MAIN)).containsExactly("-Dloader.main=" + MAIN);
		assertThat(classpath.launchClass(MAIN)).isEqualTo("org.springframework.boot.loader.launch.PropertiesLauncher");
	}

	@Test
	void jarWithPropertiesLauncherOrOnlyAStartClassIsASpringBootJar() throws IOException {
		Path properties = jar("props.jar",
				Map.of("Main-Class", "org.springframework.boot.loader.launch.PropertiesLauncher"));
		Path startClassOnly = jar("start.jar", Map.of("Start-Class", "com.example.App"));

		assertThat(ChildClasspath.of(properties.toString(), null).launchClass(MAIN))
			.isEqualTo("org.springframework.boot.loader.launch.PropertiesLauncher");
		assertThat(ChildClasspath.of(startClassOnly.toString(), null).isSpringBootArchive()).isTrue();
	}

	@Test
	void jarOfSpringBootBefore32UsesTheLegacyPropertiesLauncher() throws IOException {
		Path jar = jar("old.jar", Map.of("Main-Class", "org.springframework.boot.loader.JarLauncher",
				"Start-Class", "com.example.App"));

		assertThat(ChildClasspath.of(jar.toString(), null).launchClass(MAIN))
			.isEqualTo("org.springframework.boot.loader.PropertiesLauncher");
	}

	@Test
	void plainJarIsPassedOnAsItIs() throws IOException {
		Path jar = jar("plain.jar", Map.of("Main-Class", "com.example.App"));
		Path noManifest = this.temp.resolve("empty.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(noManifest))) {
			out.putNextEntry(new JarEntry("a.txt"));
		}

		assertThat(ChildClasspath.of(jar.toString(), null).isSpringBootArchive()).isFalse();
		assertThat(ChildClasspath.of(noManifest.toString(), null).isSpringBootArchive()).isFalse();
		Path missing = this.temp.resolve("missing.jar");
		assertThat(ChildClasspath.of(missing.toString(), null).isSpringBootArchive()).isFalse();
		assertThat(ChildClasspath.of("", null).classPath()).isEmpty();
	}

	@Test
	void explodedSpringBootArchiveIsDetectedByItsManifest() throws IOException {
		Path exploded = Files.createDirectories(this.temp.resolve("exploded"));
		Files.createDirectories(exploded.resolve("META-INF"));
		try (OutputStream out = Files.newOutputStream(exploded.resolve(JarFile.MANIFEST_NAME))) {
			manifest(Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher")).write(out);
		}

		ChildClasspath classpath = ChildClasspath.of(exploded.toString(), null);

		assertThat(classpath.isSpringBootArchive()).isTrue();
		assertThat(classpath.classPath()).isEqualTo(exploded.toString());
	}

	@Test
	void springBootJarAmongOtherEntriesIsAnOrdinaryClassPath() throws IOException {
		Path jar = jar("app.jar", Map.of("Main-Class", "org.springframework.boot.loader.launch.JarLauncher"));

		assertThat(ChildClasspath.of(jar + File.pathSeparator + "/other.jar", null).isSpringBootArchive()).isFalse();
	}

	private Path jar(String name, Map<String, String> attributes) throws IOException {
		Path jar = this.temp.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(attributes))) {
			out.putNextEntry(new JarEntry("BOOT-INF/classes/"));
		}
		return jar;
	}

	private static Manifest manifest(Map<String, String> attributes) {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		attributes.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
		return manifest;
	}

}
