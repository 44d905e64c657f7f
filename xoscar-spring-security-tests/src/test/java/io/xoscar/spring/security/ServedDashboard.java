package io.xoscar.spring.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.xoscar.ActorSystem;
import io.xoscar.spring.security.app.Greeter;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard answers when the chain lets the request through. */
final class ServedDashboard {

	private ServedDashboard() {
	}

	static void assertPage(HttpResponse<String> page) {
		assertThat(page.statusCode()).as("GET /xoscar/").isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<table id=\"pools\">", "id=\"calls-chart\"", "src=\"dashboard.js\"");
	}

	static void assertSnapshotOf(ActorSystem system, HttpResponse<String> snapshot) {
		assertThat(snapshot.statusCode()).as("GET /xoscar/api/snapshot: %s", snapshot.body()).isEqualTo(200);
		assertThat(snapshot.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		JsonNode json = DashboardHttp.json(snapshot);
		assertThat(json.get("address").asString()).isEqualTo(system.address());
		List<String> uids = new ArrayList<>();
		json.get("actors").get("items").forEach((actor) -> uids.add(actor.get("uid").asString()));
		assertThat(uids).contains(Greeter.UID);
	}

	static void assertEventStream(HttpResponse<?> events) {
		assertThat(events.statusCode()).as("GET /xoscar/api/events").isEqualTo(200);
		assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
	}

	static void assertAssets(DashboardHttp client) throws Exception {
		for (String asset : DashboardHttp.ASSETS) {
			HttpResponse<String> response = client.get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.body()).as(asset).isNotEmpty();
		}
	}

	static void assertRedirectToThePage(HttpResponse<String> bare) {
		assertThat(bare.statusCode()).as("GET /xoscar").isEqualTo(307);
		assertThat(bare.headers().firstValue("Location")).hasValue("xoscar/");
	}

}
