/**
 * Child JVMs of the running application, for actor pools that need their own process (their own
 * environment such as {@code CUDA_VISIBLE_DEVICES}, their own heap, crash isolation).
 * <p>
 * Parent side: {@link io.xoscar.internal.process.ChildJvm#start(ChildJvmSpec)} launches the child
 * with the parent's JDK and classes and returns once the child is ready. Child side: the child's
 * {@code main} calls {@link io.xoscar.internal.process.ParentWatch#install()} first, so that it dies
 * with its parent, and {@link io.xoscar.internal.process.ChildMainSupport#ready(String)} once it can
 * serve.
 */
package io.xoscar.internal.process;
