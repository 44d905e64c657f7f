package io.xoscar.spring.autoconfigure.dashboard;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard's routes on Spring MVC. Owns the scheduler that feeds the event streams: each
 * client's periodic snapshot stops when its stream completes, times out or fails to send (the
 * client went away).
 */
final class DashboardMvcRoutes implements DisposableBean {

	private static final Log logger = LogFactory.getLog(DashboardMvcRoutes.class);

	private final DashboardSnapshots snapshots;

	private final ScheduledThreadPoolExecutor scheduler;

	/** Event streams being fed now. */
	private final AtomicInteger active = new AtomicInteger();

	DashboardMvcRoutes(DashboardSnapshots snapshots) {
		this.snapshots = snapshots;
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "xoscar-dashboard-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.scheduler = new ScheduledThreadPoolExecutor(2, factory);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	RouterFunction<ServerResponse> routes(String base) {
		RouterFunctions.Builder routes = RouterFunctions.route();
		if (!base.isEmpty()) {
			routes.GET(base, (request) -> ServerResponse.temporaryRedirect(URI.create(DashboardAssets.redirect(base)))
				.build());
		}
		return routes
			.GET(base + "/", (request) -> ServerResponse.ok()
				.contentType(MediaType.TEXT_HTML)
				.cacheControl(CacheControl.noCache())
				.body(DashboardAssets.index()))
			.GET(base + "/api/snapshot", this::snapshot)
			.GET(base + "/api/events", this::events)
			.GET(base + "/api/history", (request) -> json(this.snapshots.history()))
			.GET(base + "/api/actor", this::actor)
			.resources(base + "/vendor/uplot/**", DashboardAssets.uplot())
			.resources(base + "/vendor/echarts/**", DashboardAssets.echarts())
			.resources(base + "/**", DashboardAssets.assets())
			.build();
	}

	private ServerResponse snapshot(ServerRequest request) {
		DashboardQuery query;
		try {
			query = query(request);
		}
		catch (IllegalArgumentException ex) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
		}
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.body(this.snapshots.take(query));
	}

	private ServerResponse actor(ServerRequest request) {
		String uid = request.param("uid").orElse("");
		if (uid.isBlank()) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).body("uid is required");
		}
		DashboardActor actor = this.snapshots.actor(uid);
		if (actor == null) {
			return ServerResponse.status(404).contentType(MediaType.TEXT_PLAIN).body("no actor '" + uid + "' is listed");
		}
		return json(actor);
	}

	private static ServerResponse json(Object body) {
		return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore()).body(body);
	}

	private ServerResponse events(ServerRequest request) {
		DashboardQuery query;
		try {
			query = query(request);
		}
		catch (IllegalArgumentException ex) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).body(ex.getMessage());
		}
		return ServerResponse.sse((sse) -> {
			AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
			AtomicBoolean stopped = new AtomicBoolean();
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					this.active.decrementAndGet();
				}
				ScheduledFuture<?> scheduled = task.get();
				if (scheduled != null) {
					scheduled.cancel(false);
				}
			};
			this.active.incrementAndGet();
			sse.onComplete(stop);
			sse.onTimeout(stop);
			sse.onError((ex) -> stop.run());
			task.set(this.scheduler.scheduleWithFixedDelay(() -> {
				try {
					sse.event("snapshot").send(this.snapshots.take(query));
				}
				catch (IOException | RuntimeException ex) {
					// the client went away (or the snapshot failed): end this stream, the page reconnects
					logger.debug("Dashboard event stream ends", ex);
					stop.run();
					sse.error(ex);
				}
			}, 0, DashboardEvents.PERIOD.toMillis(), TimeUnit.MILLISECONDS));
		}, DashboardEvents.STREAM_TIMEOUT);
	}

	private static DashboardQuery query(ServerRequest request) {
		return DashboardQuery.of((name) -> request.param(name).orElse(null));
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

	/** @return how many event streams are being fed now (for tests) */
	int activeStreams() {
		return this.active.get();
	}

}
