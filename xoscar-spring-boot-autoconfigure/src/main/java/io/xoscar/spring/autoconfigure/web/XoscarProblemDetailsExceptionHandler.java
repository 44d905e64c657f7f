package io.xoscar.spring.autoconfigure.web;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.xoscar.exception.ActorAlreadyExistsException;
import io.xoscar.exception.ActorNotFoundException;
import io.xoscar.exception.CallTimeoutException;
import io.xoscar.exception.DeadlockException;
import io.xoscar.exception.NoIdleSlotException;
import io.xoscar.exception.PoolDownException;
import io.xoscar.exception.PoolStartException;
import io.xoscar.exception.WireValueException;
import io.xoscar.exception.XoscarException;

/**
 * Answers requests to Spring MVC and WebFlux controllers that fail with one of xoscar's exceptions
 * with an RFC 9457 problem detail: type {@code urn:xoscar:problem:<kind>}, a title, the status and the
 * exception's message as detail, plus what the exception carries (actor uid and address, placement
 * label and mark, pool name, index and exit code):
 * <table>
 * <caption>Statuses</caption>
 * <tr><th>exception</th><th>status</th><th>kind</th></tr>
 * <tr><td>{@link PoolDownException}</td><td>503, with {@code Retry-After}</td><td>pool-down</td></tr>
 * <tr><td>{@link PoolStartException}</td><td>503</td><td>pool-start</td></tr>
 * <tr><td>{@link NoIdleSlotException}</td><td>503</td><td>no-idle-slot</td></tr>
 * <tr><td>{@link CallTimeoutException}</td><td>504</td><td>call-timeout</td></tr>
 * <tr><td>{@link DeadlockException}</td><td>500</td><td>deadlock</td></tr>
 * <tr><td>{@link WireValueException}</td><td>500</td><td>wire-value</td></tr>
 * <tr><td>{@link ActorNotFoundException}</td><td>404</td><td>actor-not-found</td></tr>
 * <tr><td>{@link ActorAlreadyExistsException}</td><td>409</td><td>actor-already-exists</td></tr>
 * </table>
 * A {@link PoolDownException} of a process pool that recovery is restarting
 * ({@link PoolDownException#restarting()}) answers {@code Retry-After: 1} and carries
 * {@code restarting: true}: the same request is likely to succeed within seconds. Other pools that
 * are down answer the configured {@code Retry-After} ({@code xoscar.web.problem-details.retry-after}).
 * <p>
 * The exception may arrive wrapped (a {@code CompletionException} or {@code ExecutionException} of a
 * future, a checked exception of the application's): the first of these in its cause chain decides.
 * Exceptions an actor threw itself ({@code RemoteActorException}, {@code ActorCheckedException}) are
 * the application's to map, as are the runtime's other exceptions, which mean a programming error.
 * <p>
 * The advice has the lowest precedence, so the application's own {@code @ExceptionHandler}s (in its
 * controllers and {@code @ControllerAdvice}s) win. The details carry the exceptions' messages, which
 * name actors, methods and addresses: turn this off ({@code xoscar.web.problem-details.enabled=false})
 * where clients must not see those.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class XoscarProblemDetailsExceptionHandler {

	/** Starts the type of every problem this handler answers with. */
	public static final String TYPE_PREFIX = "urn:xoscar:problem:";

	private static final Logger logger = LoggerFactory.getLogger(XoscarProblemDetailsExceptionHandler.class);

	/** The {@code Retry-After} of a pool that recovery is restarting: it is back within seconds. */
	static final String RESTARTING_RETRY_AFTER = "1";

	private final String retryAfter;

	/**
	 * @param retryAfter the {@code Retry-After} of the answer to a call to a pool that is down, rounded
	 * up to whole seconds
	 */
	public XoscarProblemDetailsExceptionHandler(Duration retryAfter) {
		long seconds = retryAfter.getSeconds() + ((retryAfter.getNano() > 0) ? 1 : 0);
		this.retryAfter = Long.toString(seconds);
	}

	/**
	 * @param exception the exception a controller failed with: one of those in the table, or one
	 * whose cause chain holds one
	 * @return the problem detail, with its status and, for a pool that is down, {@code Retry-After}
	 * @throws Exception the exception itself if none of those is in its cause chain (it then goes to
	 * the next handler)
	 */
	@ExceptionHandler({ PoolDownException.class, PoolStartException.class, NoIdleSlotException.class,
			CallTimeoutException.class, DeadlockException.class, WireValueException.class,
			ActorNotFoundException.class, ActorAlreadyExistsException.class })
	public ResponseEntity<ProblemDetail> handleXoscarException(Exception exception) throws Exception {
		XoscarException cause = find(exception);
		if (cause == null) {
			throw exception;
		}
		Kind kind = Kind.of(cause);
		if (kind.status.is5xxServerError() && kind.status != HttpStatus.SERVICE_UNAVAILABLE
				&& kind.status != HttpStatus.GATEWAY_TIMEOUT) {
			logger.warn("Answering {} ({}) to a request that failed", kind.status.value(), kind.title, exception);
		}
		else {
			logger.debug("Answering {} ({}) to a request that failed", kind.status.value(), kind.title, exception);
		}
		ResponseEntity.BodyBuilder response = ResponseEntity.status(kind.status);
		if (cause instanceof PoolDownException down) {
			response.header(HttpHeaders.RETRY_AFTER, down.restarting() ? RESTARTING_RETRY_AFTER : this.retryAfter);
		}
		return response.body(problemDetail(kind, cause));
	}

	/**
	 * @param exception an exception
	 * @return the first exception of the table in its cause chain, or {@code null}
	 */
	static XoscarException find(Throwable exception) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = exception; current != null && seen.add(current); current = current.getCause()) {
			if (Kind.of(current) != null) {
				return (XoscarException) current;
			}
		}
		return null;
	}

	private static ProblemDetail problemDetail(Kind kind, XoscarException exception) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, exception.getMessage());
		problem.setType(URI.create(TYPE_PREFIX + kind.name));
		problem.setTitle(kind.title);
		if (exception instanceof ActorNotFoundException notFound) {
			problem.setProperty("uid", notFound.uid());
			problem.setProperty("address", notFound.address());
		}
		else if (exception instanceof ActorAlreadyExistsException exists) {
			problem.setProperty("uid", exists.uid());
			problem.setProperty("address", exists.address());
		}
		else if (exception instanceof NoIdleSlotException noSlot) {
			problem.setProperty("label", noSlot.label());
			problem.setProperty("mark", noSlot.mark());
		}
		else if (exception instanceof PoolDownException down && down.restarting()) {
			problem.setProperty("restarting", true);
		}
		else if (exception instanceof PoolStartException notStarted) {
			problem.setProperty("pool", notStarted.pool());
			problem.setProperty("index", notStarted.index());
			notStarted.exitCode().ifPresent((code) -> problem.setProperty("exitCode", code));
		}
		return problem;
	}

	/** The table. */
	private enum Kind {

		POOL_DOWN(PoolDownException.class, HttpStatus.SERVICE_UNAVAILABLE, "pool-down", "Actor pool down"),

		POOL_START(PoolStartException.class, HttpStatus.SERVICE_UNAVAILABLE, "pool-start",
				"Actor pool did not start"),

		NO_IDLE_SLOT(NoIdleSlotException.class, HttpStatus.SERVICE_UNAVAILABLE, "no-idle-slot",
				"No idle actor slot"),

		CALL_TIMEOUT(CallTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT, "call-timeout", "Actor call timed out"),

		DEADLOCK(DeadlockException.class, HttpStatus.INTERNAL_SERVER_ERROR, "deadlock", "Deadlock between actors"),

		WIRE_VALUE(WireValueException.class, HttpStatus.INTERNAL_SERVER_ERROR, "wire-value",
				"Value cannot cross between processes"),

		ACTOR_NOT_FOUND(ActorNotFoundException.class, HttpStatus.NOT_FOUND, "actor-not-found", "Actor not found"),

		ACTOR_ALREADY_EXISTS(ActorAlreadyExistsException.class, HttpStatus.CONFLICT, "actor-already-exists",
				"Actor already exists");

		private final Class<? extends XoscarException> type;

		private final HttpStatus status;

		private final String name;

		private final String title;

		Kind(Class<? extends XoscarException> type, HttpStatus status, String name, String title) {
			this.type = type;
			this.status = status;
			this.name = name;
			this.title = title;
		}

		static Kind of(Throwable exception) {
			for (Kind kind : values()) {
				if (kind.type.isInstance(exception)) {
					return kind;
				}
			}
			return null;
		}

	}

}
