package io.xoscar.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations an {@link io.xoscar.ActorSystem} with an observation registry makes around every
 * actor call, and their keys. Low cardinality (also tags of the timers Micrometer makes from them):
 * {@code actor} (the actor's class name), {@code method}, {@code kind} ({@link ActorCallKind});
 * Micrometer adds {@code error}. High cardinality (span tags only): {@code uid}, {@code address}
 * (the actor's pool).
 */
public enum ActorCallObservation implements ObservationDocumentation {

	/**
	 * The caller's side, {@link ActorCallClientContext}: from the moment the call is made until its
	 * result arrives (a tell or a tell batch: until it is handed over). Opened in scope on the
	 * calling thread while the call is handed over, so it is the parent of the callee's side and
	 * writes the trace headers the call carries.
	 */
	CLIENT {

		@Override
		public String getName() {
			return "xoscar.call.client";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	},

	/**
	 * The callee's side, {@link ActorCallServerContext}: while the method runs in the actor (an
	 * asynchronous method: until its result completes). Opened in scope on the thread that runs the
	 * method, so that its logs and the calls it makes see it as current; its parent is the caller's
	 * side (in this JVM the caller's observation, from another process the trace headers).
	 */
	SERVER {

		@Override
		public String getName() {
			return "xoscar.call.server";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/** Keys whose values are bounded: they come from code. */
	public enum LowCardinalityKeys implements KeyName {

		/** The actor's class name, {@code unknown} when the caller does not know it. */
		ACTOR {
			@Override
			public String asString() {
				return "actor";
			}
		},

		/** The method called. */
		METHOD {
			@Override
			public String asString() {
				return "method";
			}
		},

		/** How the call was made ({@link ActorCallKind#value()}). */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		}

	}

	/** Keys with a value per actor. */
	public enum HighCardinalityKeys implements KeyName {

		/** The actor's uid. */
		UID {
			@Override
			public String asString() {
				return "uid";
			}
		},

		/** The address of the actor's pool. */
		ADDRESS {
			@Override
			public String asString() {
				return "address";
			}
		}

	}

}
