package io.xoscar.internal.reflect;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import io.xoscar.Extensible;
import io.xoscar.NoLock;

/**
 * One public actor method, ready to invoke.
 */
public final class MethodInfo implements Invocable {

	private final Method method;

	private final Class<?>[] parameterTypes;

	private final boolean noLock;

	private final boolean extensible;

	private final List<String> signature;

	private final int meterIndex;

	private final CallLimits limits;

	private final boolean returnsStream;

	MethodInfo(Method method, int meterIndex) {
		this.returnsStream = Streams.isStream(method.getReturnType());
		this.meterIndex = meterIndex;
		method.setAccessible(true);
		this.method = method;
		this.parameterTypes = method.getParameterTypes();
		this.noLock = method.isAnnotationPresent(NoLock.class);
		this.extensible = method.isAnnotationPresent(Extensible.class);
		this.signature = Arrays.stream(this.parameterTypes).map(Class::getName).toList();
		this.limits = CallLimits.of(method);
	}

	/**
	 * @return the parameter type names, as sent over the wire to pick this overload
	 */
	public List<String> signature() {
		return this.signature;
	}

	@Override
	public String name() {
		return this.method.getName();
	}

	public Method method() {
		return this.method;
	}

	public Class<?>[] parameterTypes() {
		return this.parameterTypes;
	}

	@Override
	public boolean noLock() {
		return this.noLock;
	}

	@Override
	public int meterIndex() {
		return this.meterIndex;
	}

	@Override
	public CallLimits limits() {
		return this.limits;
	}

	/** @return whether it declares a stream as its result: it is called with {@code stream}, not {@code call} */
	public boolean returnsStream() {
		return this.returnsStream;
	}

	public boolean extensible() {
		return this.extensible;
	}

	/**
	 * @param target the actor
	 * @param args the arguments, already checked by {@link Overloads}
	 * @return what the method returned (a value, a future or a Mono)
	 * @throws Throwable what the method threw, unwrapped
	 */
	@Override
	public Object invoke(Object target, Object[] args) throws Throwable {
		try {
			return this.method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Override
	public String toString() {
		return Signatures.describe(this.method);
	}

}
