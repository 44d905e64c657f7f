package io.xoscar;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.xoscar.recovery.Supervision;

/**
 * Options of {@link ActorSystem#createActor}: the uid (generated when absent), the placement (the
 * main pool when absent) and the supervision (none when absent: a failing method only fails its
 * call).
 *
 * @param uid the uid, or {@code null} to generate one
 * @param placement where the actor goes
 * @param supervision when the actor is restarted (actors of this JVM's pools; refused for process
 * pools)
 */
public record CreateOptions(@Nullable String uid, Placement placement, Supervision supervision) {

	private static final CreateOptions DEFAULTS = new CreateOptions(null, Placement.mainPool());

	public CreateOptions {
		Objects.requireNonNull(placement, "placement");
		Objects.requireNonNull(supervision, "supervision");
	}

	/**
	 * @param uid the uid, or {@code null} to generate one
	 * @param placement where the actor goes
	 */
	public CreateOptions(@Nullable String uid, Placement placement) {
		this(uid, placement, Supervision.NONE);
	}

	/**
	 * @return a generated uid, on the main pool
	 */
	public static CreateOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * @param uid the uid
	 * @return options with that uid, on the main pool
	 */
	public static CreateOptions uid(String uid) {
		return new CreateOptions(Objects.requireNonNull(uid, "uid"), Placement.mainPool());
	}

	/**
	 * @param placement where the actor goes
	 * @return options with a generated uid and that placement
	 */
	public static CreateOptions at(Placement placement) {
		return new CreateOptions(null, placement);
	}

	/**
	 * @param placement where the actor goes
	 * @return these options with that placement
	 */
	public CreateOptions placement(Placement placement) {
		return new CreateOptions(this.uid, placement, this.supervision);
	}

	/**
	 * @param uid the uid
	 * @return these options with that uid
	 */
	public CreateOptions withUid(String uid) {
		return new CreateOptions(Objects.requireNonNull(uid, "uid"), this.placement, this.supervision);
	}

	/**
	 * @param supervision when the actor is restarted
	 * @return these options with that supervision
	 */
	public CreateOptions withSupervision(Supervision supervision) {
		return new CreateOptions(this.uid, this.placement, supervision);
	}

}
