/**
 * The configuration of a node ({@link io.xoscar.config.ActorSystemConfig}, made with its builder)
 * and of its pools ({@link io.xoscar.config.PoolConfig}).
 */
@NullMarked
package io.xoscar.config;

import org.jspecify.annotations.NullMarked;
