package io.xoscar;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users see of the core names no internal type: no public or protected member of a public type
 * of the public packages, nor its superclass, interfaces or permitted subclasses, mentions a type of
 * {@code io.xoscar.internal}; and the public packages are {@link NullMarked}.
 */
class PublicApiTest {

	private static final List<String> PUBLIC_PACKAGES = List.of("io.xoscar", "io.xoscar.config",
			"io.xoscar.exception", "io.xoscar.debug", "io.xoscar.observation", "io.xoscar.time");

	private static final String INTERNAL = "io.xoscar.internal.";

	@Test
	void publicSignaturesNameNoInternalType() throws Exception {
		List<Class<?>> types = publicTypes();
		assertThat(types).as("public types found").hasSizeGreaterThan(40).contains(ActorSystem.class,
				AbstractActor.class, io.xoscar.config.ActorSystemConfig.Builder.class);
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : types) {
			leaks.addAll(leaksOf(type));
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void publicPackagesAreNullMarked() throws ClassNotFoundException {
		for (String pkg : PUBLIC_PACKAGES) {
			Class<?> info = Class.forName(pkg + ".package-info", false, PublicApiTest.class.getClassLoader());
			assertThat(info.isAnnotationPresent(NullMarked.class)).as(pkg).isTrue();
		}
	}

	@Test
	void theScanSeesALeak() {
		assertThat(leaksOf(Leaky.class)).containsExactly(Leaky.class.getName() + " method "
				+ "public java.util.List io.xoscar.PublicApiTest$Leaky.runners(): java.util.List<"
				+ io.xoscar.internal.call.ActorUids.class.getName() + ">");
	}

	private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
		Path root = Path.of(ActorSystem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<Class<?>> types = new ArrayList<>();
		for (String pkg : PUBLIC_PACKAGES) {
			try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', '/')))) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".class")).sorted().toList()) {
					String name = file.getFileName().toString();
					if (name.equals("package-info.class")) {
						continue;
					}
					Class<?> type = Class.forName(pkg + "." + name.substring(0, name.length() - 6), false,
							PublicApiTest.class.getClassLoader());
					if (visible(type)) {
						types.add(type);
					}
				}
			}
		}
		return types;
	}

	/** Whether a user can name the type: public, or a protected member of a visible type. */
	private static boolean visible(Class<?> type) {
		if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
			return false;
		}
		int modifiers = type.getModifiers();
		if (type.getDeclaringClass() == null) {
			return Modifier.isPublic(modifiers);
		}
		return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && visible(type.getDeclaringClass());
	}

	private static List<String> leaksOf(Class<?> type) {
		List<String> leaks = new ArrayList<>();
		check(leaks, type, "superclass", type.getGenericSuperclass());
		for (Type each : type.getGenericInterfaces()) {
			check(leaks, type, "interface", each);
		}
		for (TypeVariable<?> variable : type.getTypeParameters()) {
			check(leaks, type, "type parameter", variable);
		}
		if (type.isSealed()) {
			for (Class<?> permitted : type.getPermittedSubclasses()) {
				check(leaks, type, "permitted subclass", permitted);
			}
		}
		for (Field field : type.getDeclaredFields()) {
			if (exposed(field.getModifiers()) && !field.isSynthetic()) {
				check(leaks, type, "field " + field, field.getGenericType());
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (exposed(constructor.getModifiers()) && !constructor.isSynthetic()) {
				checkExecutable(leaks, type, "constructor " + constructor, constructor);
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (exposed(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
				checkExecutable(leaks, type, "method " + method, method);
				check(leaks, type, "method " + method, method.getGenericReturnType());
			}
		}
		return leaks;
	}

	private static boolean exposed(int modifiers) {
		return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
	}

	private static void checkExecutable(List<String> leaks, Class<?> owner, String what, Executable executable) {
		for (TypeVariable<?> variable : executable.getTypeParameters()) {
			check(leaks, owner, what, variable);
		}
		for (Type parameter : executable.getGenericParameterTypes()) {
			check(leaks, owner, what, parameter);
		}
		for (Type exception : executable.getGenericExceptionTypes()) {
			check(leaks, owner, what, exception);
		}
	}

	private static void check(List<String> leaks, Class<?> owner, String what, Type type) {
		if (type != null && mentionsInternal(type, new HashSet<>())) {
			leaks.add(owner.getName() + " " + what + ": " + type.getTypeName());
		}
	}

	private static boolean mentionsInternal(Type type, Set<Type> seen) {
		if (!seen.add(type)) {
			return false;
		}
		if (type instanceof Class<?> raw) {
			Class<?> element = raw;
			while (element.isArray()) {
				element = element.getComponentType();
			}
			return element.getName().startsWith(INTERNAL);
		}
		if (type instanceof ParameterizedType parameterized) {
			return mentionsInternal(parameterized.getRawType(), seen)
					|| (parameterized.getOwnerType() != null && mentionsInternal(parameterized.getOwnerType(), seen))
					|| anyMentionsInternal(parameterized.getActualTypeArguments(), seen);
		}
		if (type instanceof WildcardType wildcard) {
			return anyMentionsInternal(wildcard.getUpperBounds(), seen)
					|| anyMentionsInternal(wildcard.getLowerBounds(), seen);
		}
		if (type instanceof TypeVariable<?> variable) {
			return anyMentionsInternal(variable.getBounds(), seen);
		}
		if (type instanceof GenericArrayType array) {
			return mentionsInternal(array.getGenericComponentType(), seen);
		}
		return false;
	}

	private static boolean anyMentionsInternal(Type[] types, Set<Type> seen) {
		for (Type each : types) {
			if (mentionsInternal(each, seen)) {
				return true;
			}
		}
		return false;
	}

	/** A type that leaks, to show the scan finds what it looks for. */
	public static class Leaky {

		public List<io.xoscar.internal.call.ActorUids> runners() {
			return List.of();
		}

		List<io.xoscar.internal.call.ActorUids> hidden() {
			return List.of();
		}

	}

}
