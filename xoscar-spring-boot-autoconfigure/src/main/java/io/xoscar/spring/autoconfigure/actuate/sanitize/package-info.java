/**
 * Keeps xoscar's secrets out of the actuator's endpoints
 * ({@link io.xoscar.spring.autoconfigure.actuate.sanitize.XoscarSanitizingAutoConfiguration}, which
 * needs {@code spring-boot-actuator}).
 */
package io.xoscar.spring.autoconfigure.actuate.sanitize;
