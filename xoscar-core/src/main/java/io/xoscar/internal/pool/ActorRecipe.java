package io.xoscar.internal.pool;

import io.xoscar.CreateOptions;

/**
 * How an actor was made, so that it can be made again the same way (recovery replays these in
 * {@link #order}).
 *
 * @param order the actor's place among the node's creations, oldest first
 * @param uid the actor uid
 * @param type the actor class
 * @param options how it was created (placement, uid)
 * @param args the constructor arguments
 * @param poolAddress the pool it was placed in
 */
record ActorRecipe(long order, String uid, Class<?> type, CreateOptions options, Object[] args, String poolAddress) {
}
