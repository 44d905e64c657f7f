package io.xoscar.internal.reflect;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;

import io.xoscar.exception.AmbiguousActorMethodException;
import io.xoscar.exception.NoSuchActorMethodException;

/**
 * A {@link io.xoscar.BatchOf @BatchOf} implementation: binds every call of a batch to the batched
 * method's parameters, then invokes the implementation once with one list per parameter.
 */
public final class BatchMethod {

	private final String batchedName;

	private final MethodInfo implementation;

	private final List<MethodInfo> singles;

	private final Class<?>[] elementTypes;

	BatchMethod(String batchedName, MethodInfo implementation, List<MethodInfo> singles) {
		this.batchedName = batchedName;
		this.implementation = implementation;
		this.singles = singles;
		this.elementTypes = elementTypes(implementation.method());
	}

	private static Class<?>[] elementTypes(Method method) {
		Type[] types = method.getGenericParameterTypes();
		Class<?>[] elements = new Class<?>[types.length];
		for (int i = 0; i < types.length; i++) {
			if (method.getParameterTypes()[i] != List.class) {
				throw new IllegalArgumentException("@BatchOf method " + Signatures.describe(method)
						+ " must take only List parameters (one list per parameter of the batched method)");
			}
			elements[i] = elementType(types[i]);
		}
		return elements;
	}

	private static Class<?> elementType(Type listType) {
		if (listType instanceof ParameterizedType parameterized) {
			Type element = parameterized.getActualTypeArguments()[0];
			if (element instanceof WildcardType wildcard) {
				element = wildcard.getUpperBounds()[0];
			}
			if (element instanceof Class<?> type) {
				return type;
			}
			if (element instanceof ParameterizedType nested && nested.getRawType() instanceof Class<?> raw) {
				return raw;
			}
		}
		return Object.class;
	}

	public String batchedName() {
		return this.batchedName;
	}

	/**
	 * @param targets the overload each call of a batch was bound to
	 * @return whether they all bound to one overload of this batch implementation's shape, so that
	 * {@link #check} has nothing left to find
	 */
	public boolean boundAlike(List<Invocable> targets) {
		Invocable first = targets.get(0);
		if (!(first instanceof MethodInfo method) || !this.singles.contains(method)
				|| method.parameterTypes().length != this.elementTypes.length) {
			return false;
		}
		for (Invocable target : targets) {
			if (target != first) {
				return false;
			}
		}
		return true;
	}

	Class<?>[] elementTypes() {
		return this.elementTypes;
	}

	public MethodInfo implementation() {
		return this.implementation;
	}

	/**
	 * Checks that every call of a batch binds to the batched method's parameters, as a direct call
	 * would (overload resolution included).
	 * @param calls the arguments of every call
	 * @throws NoSuchActorMethodException if a call does not bind
	 */
	public void check(List<Object[]> calls) {
		for (Object[] args : calls) {
			checkBindable(args);
		}
	}

	/**
	 * Binds each call as a direct call of the batched method would be bound: a value of a primitive
	 * parameter is widened to it (an {@code Integer} for a {@code long} parameter arrives as a
	 * {@code Long}), whether the call came from this JVM or over the wire.
	 * @param calls the arguments of every call, already {@link #check checked}
	 * @return one list per parameter of the implementation
	 */
	public Object[] bind(List<Object[]> calls) {
		int arity = this.elementTypes.length;
		List<List<Object>> columns = new ArrayList<>(arity);
		for (int i = 0; i < arity; i++) {
			columns.add(new ArrayList<>(calls.size()));
		}
		for (Object[] args : calls) {
			Class<?>[] types = boundTypes(args);
			for (int i = 0; i < arity; i++) {
				columns.get(i).add(Overloads.coerce(types[i], args[i]));
			}
		}
		return columns.toArray();
	}

	/** @return the parameter types of the overload the call binds to (the lists' elements without one) */
	private Class<?>[] boundTypes(Object[] args) {
		if (this.singles.isEmpty()) {
			return this.elementTypes;
		}
		if (this.singles.size() == 1) {
			return this.singles.get(0).parameterTypes();
		}
		List<MethodInfo> selected = Overloads.select(this.singles, MethodInfo::parameterTypes, args);
		return (selected.size() == 1) ? selected.get(0).parameterTypes() : this.elementTypes;
	}

	private void checkBindable(Object[] args) {
		if (this.singles.isEmpty()) {
			if (!Overloads.accepts(this.elementTypes, args)) {
				throw new NoSuchActorMethodException(
						describeCall(args) + " does not fit batch implementation " + this.implementation);
			}
			return;
		}
		List<MethodInfo> selected = Overloads.select(this.singles, MethodInfo::parameterTypes, args);
		if (selected.size() > 1) {
			throw new AmbiguousActorMethodException(describeCall(args) + " is ambiguous between " + selected);
		}
		if (selected.isEmpty() || selected.get(0).parameterTypes().length != this.elementTypes.length) {
			throw new NoSuchActorMethodException(describeCall(args) + " matches no overload bound by batch implementation "
					+ this.implementation + "; overloads: " + this.singles);
		}
	}

	private String describeCall(Object[] args) {
		return "call " + this.batchedName + Signatures.describeArgs(args) + " in a batch";
	}

	/**
	 * A direct call of the batched method that has no single implementation: runs the batch
	 * implementation with one call and unwraps its result.
	 */
	public Invocable asSingle() {
		return new Invocable() {

			@Override
			public Object invoke(Object actor, Object[] args) throws Throwable {
				List<Object[]> calls = List.<Object[]>of(args);
				check(calls);
				Object[] lists = bind(calls);
				return BatchResults.first(BatchMethod.this.implementation.invoke(actor, lists), 1,
						BatchMethod.this.implementation);
			}

			@Override
			public boolean noLock() {
				return BatchMethod.this.implementation.noLock();
			}

			@Override
			public String name() {
				return BatchMethod.this.batchedName;
			}

			@Override
			public int meterIndex() {
				return BatchMethod.this.implementation.meterIndex();
			}

			@Override
			public CallLimits limits() {
				return BatchMethod.this.implementation.limits();
			}

		};
	}

}
