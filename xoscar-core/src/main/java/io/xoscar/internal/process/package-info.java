/**
 * Child JVMs of the running application, for actor pools that need their own process (their own
 * environment such as {@code CUDA_VISIBLE_DEVICES}, their own heap, crash isolation).
 * <p>
 * Parent side: {@link io.xoscar.internal.process.ChildJvm#start(ChildJvmSpec)} launches the child
 * with the parent's JDK and classes and returns once the child is ready. Child side: the child's
 * {@code main} calls {@link io.xoscar.internal.process.ParentWatch#install()} first, so that it dies
 * with its parent, and {@link io.xoscar.internal.process.ChildMainSupport#ready(String)} once it can
 * serve. Bytes the child must not get through its command line or environment (secrets, settings)
 * go through its standard input: {@link io.xoscar.internal.process.ChildJvmSpec#withPrivateInput(byte[])}
 * on the parent's side, {@link io.xoscar.internal.process.ChildMainSupport#takePrivateInput()} on the
 * child's.
 */
package io.xoscar.internal.process;
