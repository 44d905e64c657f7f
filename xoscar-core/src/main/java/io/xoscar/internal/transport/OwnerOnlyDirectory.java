package io.xoscar.internal.transport;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A directory of this user's alone, for the files through which the processes of one user on one
 * host talk (Unix sockets, shared memory segments). It is created {@code rwx------} (the mode is
 * given at creation: there is no moment when it is open), and one that exists already is used only
 * if it is a real directory (not a symbolic link) owned by this user and closed to everybody else.
 * Anything else may have been made by another user to reach, read or replace those files.
 */
final class OwnerOnlyDirectory {

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	/** The user id of this process, or -1 where the platform does not tell it. */
	static final int UID = currentUid();

	private OwnerOnlyDirectory() {
	}

	/**
	 * @return what tells this user's directories apart from other users': the user id, else (no
	 * {@code unix} attributes) the user name
	 */
	static String userTag() {
		return (UID >= 0) ? Integer.toString(UID)
				: System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9._-]", "_");
	}

	/**
	 * Creates the directory if it does not exist, and checks it.
	 * @param directory the directory
	 * @return the directory
	 * @throws IOException if it cannot be created, or is not this user's alone (the message says why)
	 */
	static Path prepare(Path directory) throws IOException {
		if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return Files.createDirectories(directory);
		}
		try {
			Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		catch (FileAlreadyExistsException ex) {
			// made before, by this user or by another: checked like any existing one
		}
		String refusal = refusal(directory);
		if (refusal != null) {
			throw new IOException(directory + " " + refusal + ", so it is not used");
		}
		return directory;
	}

	/** @return whether the directory exists and is this user's alone */
	static boolean isOwnerOnly(Path directory) {
		return !directory.getFileSystem().supportedFileAttributeViews().contains("posix")
				? Files.isDirectory(directory) : refusal(directory) == null;
	}

	/** @return why the directory is not this user's alone, or {@code null} when it is */
	static String refusal(Path directory) {
		try {
			PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			if (attributes.isSymbolicLink()) {
				return "is a symbolic link";
			}
			if (!attributes.isDirectory()) {
				return "is not a directory";
			}
			if (!isMine(directory, attributes)) {
				return "belongs to user " + attributes.owner().getName() + ", not to this process's user";
			}
			if (!OWNER_ONLY.containsAll(attributes.permissions())) {
				return "is open to other users (" + PosixFilePermissions.toString(attributes.permissions())
						+ ", it must be rwx------)";
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return "cannot be checked (" + ex + ")";
		}
	}

	private static boolean isMine(Path directory, PosixFileAttributes attributes) throws IOException {
		if (UID >= 0) {
			return ((Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == UID;
		}
		return attributes.owner().getName().equals(System.getProperty("user.name"));
	}

	/**
	 * The owner of {@code /proc/self} on Linux; elsewhere the owner of a file this process creates
	 * (a new file belongs to the process's effective user).
	 */
	private static int currentUid() {
		try {
			return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		}
		catch (IOException | RuntimeException ex) {
			// no procfs, or no unix attributes
		}
		try {
			Path probe = Files.createTempFile("xoscar-uid-", ".probe");
			try {
				return (Integer) Files.getAttribute(probe, "unix:uid");
			}
			finally {
				Files.deleteIfExists(probe);
			}
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
