package io.xoscar.spring.autoconfigure.dashboard;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dashboard's routes on Spring WebFlux. Snapshots are taken on the bounded-elastic scheduler
 * (listing the actors of process pools blocks); a client that goes away cancels its stream's ticks.
 */
final class DashboardWebFluxRoutes {

	private static final ParameterizedTypeReference<ServerSentEvent<DashboardSnapshot>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final DashboardSnapshots snapshots;

	private final AtomicInteger activeStreams = new AtomicInteger();

	DashboardWebFluxRoutes(DashboardSnapshots snapshots) {
		this.snapshots = snapshots;
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
				.bodyValue(DashboardAssets.index()))
			.GET(base + "/api/snapshot", this::snapshot)
			.GET(base + "/api/events", this::events)
			.GET(base + "/api/history", (request) -> json(Mono.fromCallable(this.snapshots::history)))
			.GET(base + "/api/actor", this::actor)
			.resources(base + "/vendor/uplot/**", DashboardAssets.uplot())
			.resources(base + "/vendor/echarts/**", DashboardAssets.echarts())
			.resources(base + "/**", DashboardAssets.assets())
			.build();
	}

	private Mono<ServerResponse> snapshot(ServerRequest request) {
		DashboardQuery query;
		try {
			query = query(request);
		}
		catch (IllegalArgumentException ex) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).bodyValue(ex.getMessage());
		}
		return take(query).flatMap((snapshot) -> ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(snapshot));
	}

	private Mono<ServerResponse> actor(ServerRequest request) {
		String uid = request.queryParam("uid").orElse("");
		if (uid.isBlank()) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).bodyValue("uid is required");
		}
		return Mono.fromCallable(() -> Optional.ofNullable(this.snapshots.actor(uid)))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((actor) -> actor.isPresent() ? json(Mono.just(actor.get()))
					: ServerResponse.status(404).contentType(MediaType.TEXT_PLAIN).bodyValue("no actor '" + uid + "' is listed"));
	}

	private static Mono<ServerResponse> json(Mono<?> body) {
		return body.flatMap((value) -> ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(value));
	}

	private Mono<ServerResponse> events(ServerRequest request) {
		DashboardQuery query;
		try {
			query = query(request);
		}
		catch (IllegalArgumentException ex) {
			return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN).bodyValue(ex.getMessage());
		}
		Flux<ServerSentEvent<DashboardSnapshot>> events = Flux
			.interval(java.time.Duration.ZERO, DashboardEvents.PERIOD)
			.onBackpressureDrop()
			.concatMap((tick) -> take(query), 1)
			.map((snapshot) -> ServerSentEvent.builder(snapshot).event("snapshot").build())
			.take(DashboardEvents.STREAM_TIMEOUT)
			.doOnSubscribe((subscription) -> this.activeStreams.incrementAndGet())
			.doFinally((signal) -> this.activeStreams.decrementAndGet());
		return ServerResponse.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(events, EVENT);
	}

	private Mono<DashboardSnapshot> take(DashboardQuery query) {
		return Mono.fromCallable(() -> this.snapshots.take(query)).subscribeOn(Schedulers.boundedElastic());
	}

	private static DashboardQuery query(ServerRequest request) {
		return DashboardQuery.of((name) -> request.queryParam(name).orElse(null));
	}

	/** @return how many event streams are being fed now (for tests) */
	int activeStreams() {
		return this.activeStreams.get();
	}

}
