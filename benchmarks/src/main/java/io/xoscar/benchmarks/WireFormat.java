package io.xoscar.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.smile.SmileMapper;
import tools.jackson.dataformat.smile.SmileWriteFeature;

/**
 * The choice of binary format for frames: CBOR against Smile (raw binary, no 7-bit encoding), each
 * encoding a frame shaped like xoscar's (an eight-element array) and decoding it back to a tree, as
 * the transport does. Payloads: a small call (a long, a string and a record) and a 1 MiB byte array.
 * Score: round trips per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class WireFormat {

	public record Measure(double value, String unit, Instant at, Duration took) {
	}

	@Param({ "cbor", "smile" })
	public String format;

	@Param({ "small", "binary1MiB" })
	public String payload;

	private ObjectMapper mapper;

	private Object[] frame;

	@Setup(Level.Trial)
	public void setup() {
		this.mapper = switch (this.format) {
			case "cbor" -> CBORMapper.builder().build();
			case "smile" -> SmileMapper.builder().disable(SmileWriteFeature.ENCODE_BINARY_AS_7BIT).build();
			default -> throw new IllegalArgumentException(this.format);
		};
		Object args = switch (this.payload) {
			case "small" -> new Object[] { 42L, "text",
					new Measure(2.5, "kg", Instant.parse("2026-11-23T07:00:00Z"), Duration.ofMillis(1500)) };
			case "binary1MiB" -> new Object[] { new byte[1 << 20] };
			default -> throw new IllegalArgumentException(this.payload);
		};
		this.frame = new Object[] { 1, 123456789L, "127.0.0.1:7700/1", "counter", "add",
				List.of("long", "java.lang.String", Measure.class.getName()), args, null };
	}

	@Benchmark
	public JsonNode roundTrip() {
		byte[] bytes = this.mapper.writeValueAsBytes(this.frame);
		return this.mapper.readTree(bytes);
	}

}
