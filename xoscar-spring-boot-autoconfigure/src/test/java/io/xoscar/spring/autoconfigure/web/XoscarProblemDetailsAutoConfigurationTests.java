package io.xoscar.spring.autoconfigure.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import io.xoscar.spring.autoconfigure.InvalidXoscarPropertyException;

import static org.assertj.core.api.Assertions.assertThat;

class XoscarProblemDetailsAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations
		.of(XoscarProblemDetailsAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void mapsXoscarExceptionsInServletAndReactiveApplications() {
		this.servlet.run((context) -> assertThat(context).hasSingleBean(XoscarProblemDetailsExceptionHandler.class));
		this.reactive.run((context) -> assertThat(context).hasSingleBean(XoscarProblemDetailsExceptionHandler.class));
	}

	@Test
	void notInApplicationsWithoutAWebServerOrWithoutSpringWeb() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.run((context) -> assertThat(context).doesNotHaveBean(XoscarProblemDetailsExceptionHandler.class));
		this.servlet.withClassLoader(new FilteredClassLoader(ProblemDetail.class))
			.run((context) -> assertThat(context).doesNotHaveBean(XoscarProblemDetailsExceptionHandler.class));
	}

	@Test
	void switchedOffByItsPropertyOrWithXoscar() {
		this.servlet.withPropertyValues("xoscar.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(XoscarProblemDetailsExceptionHandler.class));
		this.reactive.withPropertyValues("xoscar.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(XoscarProblemDetailsExceptionHandler.class));
	}

	@Test
	void backsOffFromTheApplicationsOwnHandler() {
		this.servlet.withUserConfiguration(OwnHandler.class)
			.run((context) -> assertThat(context).getBean(XoscarProblemDetailsExceptionHandler.class)
				.isSameAs(context.getBean(OwnHandler.class).handler));
	}

	@Test
	void rejectsARetryAfterThatIsNotPositive() {
		this.servlet.withPropertyValues("xoscar.web.problem-details.retry-after=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidXoscarPropertyException.class)
				.hasMessageContaining("xoscar.web.problem-details.retry-after"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandler {

		final XoscarProblemDetailsExceptionHandler handler = new XoscarProblemDetailsExceptionHandler(
				Duration.ofSeconds(30));

		@Bean
		XoscarProblemDetailsExceptionHandler ownHandler() {
			return this.handler;
		}

	}

}
