package io.xoscar;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an actor method as safe to repeat: a call to it that was in flight when the actor's
 * process pool crashed is sent once more to the re-created actor (once the pool is back, within
 * the node's restart wait) instead of failing with {@link io.xoscar.exception.PoolDownException}.
 * The same for one call site: {@link ActorMethod#idempotent()}. On an interface method of a typed
 * proxy it applies to the calls made through that proxy.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {

}
