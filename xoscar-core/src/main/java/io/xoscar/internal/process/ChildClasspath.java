package io.xoscar.internal.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a child JVM gets the classes of the running application. Normally the child gets the parent's
 * class path ({@code java.class.path}) and runs the main class directly. When the parent runs from a
 * packaged Spring Boot executable archive, whose application classes and libraries are nested inside
 * it ({@code BOOT-INF/classes}, {@code BOOT-INF/lib}) and invisible to a plain class path, the child
 * gets the archive as its class path and runs Spring Boot's {@code PropertiesLauncher} with
 * {@code -Dloader.main=<main class>}, which sets up the nested class path and then calls the main
 * class.
 * <p>
 * The parent counts as running from such an archive when its class path is a single jar (or
 * directory) whose manifest names a Spring Boot launcher as {@code Main-Class} or has a
 * {@code Start-Class}, or when this class was loaded by Spring Boot's launched class loader (then the
 * archive is where that loader came from). Executable wars are not supported.
 */
final class ChildClasspath {

	static final String LAUNCH_PACKAGE = "org.springframework.boot.loader.launch.";

	/** The package of the launchers before Spring Boot 3.2. */
	static final String LEGACY_LAUNCH_PACKAGE = "org.springframework.boot.loader.";

	private static final Logger logger = LoggerFactory.getLogger(ChildClasspath.class);

	private final String classPath;

	private final String launcher;

	private ChildClasspath(String classPath, String launcher) {
		this.classPath = classPath;
		this.launcher = launcher;
	}

	/**
	 * @return how children of this JVM get its classes
	 */
	static ChildClasspath detect() {
		return of(System.getProperty("java.class.path", ""), ChildClasspath.class.getClassLoader());
	}

	/**
	 * @param classPath the class path of the parent, as in {@code java.class.path}
	 * @param loader the class loader of the application classes, its parents are searched too; may be
	 * {@code null}
	 * @return how children get the parent's classes
	 */
	static ChildClasspath of(String classPath, ClassLoader loader) {
		String[] entries = classPath.isEmpty() ? new String[0] : classPath.split(Pattern.quote(File.pathSeparator));
		if (entries.length == 1) {
			try {
				Path archive = Path.of(entries[0]).toAbsolutePath();
				String launcher = propertiesLauncherFor(readManifest(archive));
				if (launcher != null) {
					return new ChildClasspath(archive.toString(), launcher);
				}
			}
			catch (InvalidPathException ex) {
				logger.debug("Class path entry '{}' is not a path", entries[0], ex);
			}
		}
		for (ClassLoader candidate = loader; candidate != null; candidate = candidate.getParent()) {
			Class<?> type = candidate.getClass();
			String launcher = launcherPackageOfLoader(type.getName());
			Path archive = (launcher != null) ? locationOf(type) : null;
			if (archive != null) {
				return new ChildClasspath(archive.toString(), launcher + "PropertiesLauncher");
			}
		}
		return new ChildClasspath(classPath, null);
	}

	/**
	 * @param manifest the manifest of the single class path entry, may be {@code null}
	 * @return the {@code PropertiesLauncher} to use if the manifest is a Spring Boot executable jar's,
	 * else {@code null}
	 */
	static String propertiesLauncherFor(Manifest manifest) {
		if (manifest == null) {
			return null;
		}
		Attributes attributes = manifest.getMainAttributes();
		String mainClass = attributes.getValue(Attributes.Name.MAIN_CLASS);
		for (String launchPackage : List.of(LAUNCH_PACKAGE, LEGACY_LAUNCH_PACKAGE)) {
			if ((launchPackage + "JarLauncher").equals(mainClass)
					|| (launchPackage + "PropertiesLauncher").equals(mainClass)) {
				return launchPackage + "PropertiesLauncher";
			}
		}
		return (attributes.getValue("Start-Class") != null) ? LAUNCH_PACKAGE + "PropertiesLauncher" : null;
	}

	private static String launcherPackageOfLoader(String loaderClass) {
		if ((LAUNCH_PACKAGE + "LaunchedClassLoader").equals(loaderClass)) {
			return LAUNCH_PACKAGE;
		}
		if ((LEGACY_LAUNCH_PACKAGE + "LaunchedURLClassLoader").equals(loaderClass)) {
			return LEGACY_LAUNCH_PACKAGE;
		}
		return null;
	}

	private static Manifest readManifest(Path entry) {
		try {
			if (Files.isRegularFile(entry)) {
				try (JarFile jar = new JarFile(entry.toFile())) {
					return jar.getManifest();
				}
			}
			Path manifest = entry.resolve(JarFile.MANIFEST_NAME);
			if (Files.isRegularFile(manifest)) {
				try (InputStream in = Files.newInputStream(manifest)) {
					return new Manifest(in);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not read the manifest of class path entry {}", entry, ex);
		}
		return null;
	}

	private static Path locationOf(Class<?> type) {
		try {
			CodeSource source = type.getProtectionDomain().getCodeSource();
			URL location = (source != null) ? source.getLocation() : null;
			return (location != null) ? Path.of(location.toURI()).toAbsolutePath() : null;
		}
		catch (URISyntaxException | RuntimeException ex) {
			logger.debug("Could not locate the archive of {}", type.getName(), ex);
			return null;
		}
	}

	/**
	 * @return whether children are launched through Spring Boot's {@code PropertiesLauncher}
	 */
	boolean isSpringBootArchive() {
		return this.launcher != null;
	}

	/**
	 * @return what goes after {@code -cp}, empty if the parent has no class path
	 */
	String classPath() {
		return this.classPath;
	}

	/**
	 * @param mainClass the main class the child must run
	 * @return the JVM options that select it, before the class path
	 */
	List<String> jvmOptions(String mainClass) {
		return isSpringBootArchive() ? List.of("-Dloader.main=" + mainClass) : List.of();
	}

	/**
	 * @param mainClass the main class the child must run
	 * @return the class the {@code java} command line names
	 */
	String launchClass(String mainClass) {
		return isSpringBootArchive() ? this.launcher : mainClass;
	}

	@Override
	public String toString() {
		return isSpringBootArchive() ? "Spring Boot archive " + this.classPath + " via " + this.launcher
				: "class path of " + this.classPath.length() + " characters";
	}

}
