package io.xoscar.internal.process;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChildJvmSpecTest {

	@Test
	void ofHasNoArgumentsNoEnvironmentNoJvmOptionsAndTheDefaultTimeout() {
		ChildJvmSpec spec = ChildJvmSpec.of("gpu-0", "com.example.PoolMain");

		assertThat(spec.args()).isEmpty();
		assertThat(spec.env()).isEmpty();
		assertThat(spec.jvmArgs()).isEmpty();
		assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(ChildJvmSpec.DEFAULT_START_TIMEOUT);
	}

	@Test
	void withersReturnChangedCopies() {
		ChildJvmSpec base = ChildJvmSpec.of("gpu-0", "com.example.PoolMain");

		ChildJvmSpec spec = base.withArgs("--port", "0")
			.withEnvVar("CUDA_VISIBLE_DEVICES", "0")
			.withEnvVar("OMP_NUM_THREADS", "4")
			.withJvmArgs("-Xmx2g", "-Dkey=value")
			.withStartTimeout(Duration.ofSeconds(5));

		assertThat(spec.args()).containsExactly("--port", "0");
		assertThat(spec.env()).containsOnly(Map.entry("CUDA_VISIBLE_DEVICES", "0"), Map.entry("OMP_NUM_THREADS", "4"));
		assertThat(spec.jvmArgs()).containsExactly("-Xmx2g", "-Dkey=value");
		assertThat(spec.startTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(spec.withEnv(Map.of("A", "1")).env()).containsOnly(Map.entry("A", "1"));
		assertThat(base).isEqualTo(ChildJvmSpec.of("gpu-0", "com.example.PoolMain"));
	}

	@Test
	void componentsAreImmutableCopies() {
		List<String> args = new ArrayList<>(List.of("a"));
		ChildJvmSpec spec = new ChildJvmSpec("n", "com.example.Main", args, null, null, null, null);
		args.add("b");

		assertThat(spec.args()).containsExactly("a");
		assertThat(spec.env()).isEmpty();
		assertThat(spec.jvmArgs()).isEmpty();
		assertThat(spec.startTimeout()).isEqualTo(ChildJvmSpec.DEFAULT_START_TIMEOUT);
		assertThat(spec.privateInput()).isEqualTo(PrivateInput.NONE);
		assertThatThrownBy(() -> spec.args().add("c")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void privateInputIsCopiedComparedByContentAndNotShown() {
		byte[] secret = "token=s3cr3t".getBytes(StandardCharsets.UTF_8);
		ChildJvmSpec spec = ChildJvmSpec.of("n", "com.example.Main").withPrivateInput(secret);
		secret[0] = 'X';

		assertThat(spec.privateInput().bytes()).asString(StandardCharsets.UTF_8).isEqualTo("token=s3cr3t");
		assertThat(spec).isEqualTo(ChildJvmSpec.of("n", "com.example.Main")
			.withPrivateInput("token=s3cr3t".getBytes(StandardCharsets.UTF_8)));
		assertThat(spec.toString()).contains("PrivateInput[12 bytes]").doesNotContain("s3cr3t");
		assertThat(spec.withArgs("a").withEnvVar("A", "1").withJvmArgs("-Xmx1g").withStartTimeout(Duration.ofSeconds(1))
			.privateInput()).isEqualTo(spec.privateInput());
		assertThat(spec.withPrivateInput(null).privateInput()).isEqualTo(PrivateInput.NONE);
	}

	@Test
	void privateInputIsBounded() {
		ChildJvmSpec spec = ChildJvmSpec.of("n", "com.example.Main");

		assertThat(spec.withPrivateInput(new byte[PrivateInput.MAX_LENGTH]).privateInput().length())
			.isEqualTo(PrivateInput.MAX_LENGTH);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> spec.withPrivateInput(new byte[PrivateInput.MAX_LENGTH + 1]))
			.withMessageContaining("must not be longer than " + PrivateInput.MAX_LENGTH + " bytes");
	}

	@Test
	void nameAndMainClassMustNotBeBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChildJvmSpec.of(" ", "com.example.Main"))
			.withMessageContaining("name");
		assertThatIllegalArgumentException().isThrownBy(() -> ChildJvmSpec.of(null, "com.example.Main"));
		assertThatIllegalArgumentException().isThrownBy(() -> ChildJvmSpec.of("n", ""))
			.withMessageContaining("main class of child JVM 'n'");
	}

	@Test
	void mainClassMustBeAQualifiedClassName() {
		assertThat(ChildJvmSpec.of("n", "Main").mainClass()).isEqualTo("Main");
		assertThat(ChildJvmSpec.of("n", "a.b.Outer$Inner").mainClass()).isEqualTo("a.b.Outer$Inner");
		for (String bad : List.of("-Xmx1g", "@file", "a..b", "a.b.", "a b", "1a")) {
			assertThatIllegalArgumentException().isThrownBy(() -> ChildJvmSpec.of("n", bad))
				.withMessageContaining("not a fully qualified class name");
		}
	}

	@Test
	void startTimeoutMustBePositive() {
		ChildJvmSpec spec = ChildJvmSpec.of("n", "com.example.Main");

		assertThatIllegalArgumentException().isThrownBy(() -> spec.withStartTimeout(Duration.ZERO))
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> spec.withStartTimeout(Duration.ofSeconds(-1)));
	}

	@Test
	void environmentVariableNamesMustBeValid() {
		ChildJvmSpec spec = ChildJvmSpec.of("n", "com.example.Main");

		assertThatIllegalArgumentException().isThrownBy(() -> spec.withEnvVar("A=B", "1"))
			.withMessageContaining("Invalid environment variable");
		assertThatIllegalArgumentException().isThrownBy(() -> spec.withEnvVar("", "1"));
		assertThatThrownBy(() -> spec.withEnvVar("A", null)).isInstanceOf(NullPointerException.class);
	}

}
