package io.xoscar.test;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.xoscar.config.PoolConfig;

/**
 * What {@link XoscarTest @XoscarTest} registers: an {@link ActorSystemExtension} built from the
 * annotation of the test class, kept in the class's extension store for its tests.
 */
final class XoscarTestExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(XoscarTest.class);

	@Override
	public void beforeAll(ExtensionContext context) {
		delegate(context).beforeAll(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		delegate(context).afterAll(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		delegate(context).beforeEach(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		delegate(context).afterEach(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return delegate(extensionContext).supportsParameter(parameterContext, extensionContext);
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return delegate(extensionContext).resolveParameter(parameterContext, extensionContext);
	}

	/** The extension of the annotated class, built when the class starts and found from its tests. */
	private static ActorSystemExtension delegate(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		XoscarTest settings = AnnotationSupport.findAnnotation(testClass, XoscarTest.class)
			.orElseThrow(() -> new IllegalStateException(testClass.getName() + " is not annotated @XoscarTest"));
		return context.getStore(NAMESPACE)
			.computeIfAbsent(testClass, (key) -> build(settings), ActorSystemExtension.class);
	}

	private static ActorSystemExtension build(XoscarTest settings) {
		ActorSystemExtension.Builder builder = ActorSystemExtension.builder()
			.mainPoolThreads(settings.mainPoolThreads());
		for (XoscarTest.Pool pool : settings.pools()) {
			PoolConfig group = (pool.process() ? PoolConfig.process(pool.name()) : PoolConfig.thread(pool.name()))
				.count(pool.count())
				.threads(pool.threads())
				.labels(pool.labels());
			builder.pool(group);
		}
		if (settings.manualClock()) {
			builder.manualClock();
		}
		return builder.build();
	}

}
