package io.xoscar.internal.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of this user's class-data sharing archives for child JVMs, by key
 * ({@code <key>-<crc32c>.jsa}). An archive gets there complete or not at all: the JVM dumps it to a
 * temporary file, which is moved to its name once its checksum is known. Before an archive is used it
 * is checked against the checksum in its name (once per file and JVM), because the JVM of JDK 17
 * crashes on a truncated archive instead of ignoring it; one that does not match is deleted.
 * <p>
 * The directory is the user's alone ({@code rwx------}, owned by {@code user.name}): an archive holds
 * classes a child runs, so one that somebody else could have written is never used.
 */
final class ArchiveCache {

	static final String SUFFIX = ".jsa";

	private static final String DUMP_SUFFIX = ".dump";

	/** How long an archive that no child started with is kept. */
	static final Duration UNUSED_FOR = Duration.ofDays(30);

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private static final Logger logger = LoggerFactory.getLogger(ArchiveCache.class);

	private final Path directory;

	/** Archives whose checksum matched, with the size and time they had then. */
	private final Map<Path, String> verified = new ConcurrentHashMap<>();

	ArchiveCache(Path directory) {
		this.directory = directory.toAbsolutePath();
	}

	/**
	 * @return the cache of the user running this JVM, in {@code java.io.tmpdir}
	 */
	static ArchiveCache forThisUser() {
		String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
		return new ArchiveCache(Path.of(System.getProperty("java.io.tmpdir"), "xoscar-cds-" + user));
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Creates the directory if it does not exist yet.
	 * @return whether it exists now and only this user can write to it
	 */
	boolean prepare() {
		try {
			if (!Files.exists(this.directory, LinkOption.NOFOLLOW_LINKS)) {
				createDirectory();
			}
			if (!Files.isDirectory(this.directory, LinkOption.NOFOLLOW_LINKS)) {
				logger.debug("{} is not a directory: children start without class-data sharing", this.directory);
				return false;
			}
			if (Files.getFileAttributeView(this.directory, PosixFileAttributeView.class,
					LinkOption.NOFOLLOW_LINKS) == null) {
				return true;
			}
			PosixFileAttributes attributes = Files.readAttributes(this.directory, PosixFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			boolean mine = attributes.owner().getName().equals(System.getProperty("user.name"))
					&& OWNER_ONLY.containsAll(attributes.permissions());
			if (!mine) {
				logger.debug("{} is not this user's alone ({}, {}): children start without class-data sharing",
						this.directory, attributes.owner().getName(),
						PosixFilePermissions.toString(attributes.permissions()));
			}
			return mine;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot use {}: children start without class-data sharing", this.directory, ex);
			return false;
		}
	}

	private void createDirectory() throws IOException {
		try {
			if (this.directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createDirectory(this.directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createDirectory(this.directory);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// another JVM created it meanwhile: checked like any existing one
		}
	}

	/**
	 * @param key the archive's key
	 * @return an archive of that key whose checksum matches, or {@code null}
	 */
	Path find(String key) {
		for (Path candidate : archives(key)) {
			if (isIntact(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * @param key the archive's key
	 * @return a file name for the JVM to dump an archive of that key to (the file does not exist yet)
	 */
	Path dumpFile(String key) {
		return this.directory.resolve(key + "-" + Long.toHexString(System.nanoTime()) + "-"
				+ ProcessHandle.current().pid() + DUMP_SUFFIX);
	}

	/**
	 * Moves a dumped archive to its name, with its checksum, and deletes older archives of the key.
	 * @param key the archive's key
	 * @param dumped what the JVM dumped
	 * @return the archive
	 * @throws IOException if it cannot be read or moved
	 */
	Path install(String key, Path dumped) throws IOException {
		Path archive = this.directory.resolve(key + "-" + checksum(dumped) + SUFFIX);
		try {
			Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING);
		}
		for (Path older : archives(key)) {
			if (!older.equals(archive)) {
				deleteQuietly(older);
			}
		}
		return archive;
	}

	/**
	 * Deletes archives unused for {@link #UNUSED_FOR} (of class paths since rebuilt) and dumps left
	 * behind by trainings that did not end (their parent died) for a day.
	 */
	void prune() {
		long now = System.currentTimeMillis();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory)) {
			for (Path file : files) {
				String name = file.getFileName().toString();
				long age = now - Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
				if ((name.endsWith(SUFFIX) && age > UNUSED_FOR.toMillis())
						|| (name.endsWith(DUMP_SUFFIX) && age > Duration.ofDays(1).toMillis())) {
					deleteQuietly(file);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot prune {}", this.directory, ex);
		}
	}

	private List<Path> archives(String key) {
		List<Path> archives = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, key + "-*" + SUFFIX)) {
			files.forEach(archives::add);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot list the archives in {}", this.directory, ex);
		}
		return archives;
	}

	/**
	 * @return whether the archive's content has the checksum its name says; one that has not is deleted
	 */
	private boolean isIntact(Path archive) {
		String name = archive.getFileName().toString();
		String expected = name.substring(name.lastIndexOf('-') + 1, name.length() - SUFFIX.length());
		try {
			String stamp = stamp(archive);
			if (stamp.equals(this.verified.get(archive))) {
				return true;
			}
			if (!expected.equals(checksum(archive))) {
				logger.debug("Deleting class-data sharing archive {}: its checksum does not match", archive);
				deleteQuietly(archive);
				return false;
			}
			// the time tells prune() it is in use; the JVM checks sizes and times of jars, not of the archive
			Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
			this.verified.put(archive, stamp(archive));
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Cannot check class-data sharing archive {}", archive, ex);
			return false;
		}
	}

	private static String stamp(Path file) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
		return Files.size(file) + "@" + modified.toMillis();
	}

	static String checksum(Path file) throws IOException {
		CRC32C crc = new CRC32C();
		ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			while (channel.read(buffer) != -1) {
				buffer.flip();
				crc.update(buffer);
				buffer.clear();
			}
		}
		return String.format("%08x", crc.getValue());
	}

	static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}", file, ex);
		}
	}

}
