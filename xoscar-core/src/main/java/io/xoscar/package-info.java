/**
 * The actor API: {@link io.xoscar.ActorSystem} (a node), {@link io.xoscar.Actor} and
 * {@link io.xoscar.StatelessActor} (what users write), {@link io.xoscar.ActorHandle} and
 * {@link io.xoscar.ActorMethod} (how they are called), and the annotations of actor methods.
 * Types of the {@code io.xoscar.internal} packages are not part of it.
 */
@NullMarked
package io.xoscar;

import org.jspecify.annotations.NullMarked;
