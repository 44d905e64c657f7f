package io.xoscar.spring.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.JacksonModule;

import io.xoscar.ActorSystem;
import io.xoscar.config.ActorSystemConfig;

/**
 * Auto-configuration of the node's {@link ActorSystem} from the {@code xoscar.*} properties, of
 * {@link io.xoscar.spring.XActor @XActor} actors (built from their bean definitions, created at
 * start) and of {@link io.xoscar.spring.ActorRef @ActorRef} injection. Process pools run this
 * application's context in their child JVMs. {@link XoscarActorSystemCustomizer} beans adjust the
 * configuration of the application's node, {@link XoscarProcessPoolCustomizer} beans that of a
 * process pool's node (in its child JVM); a user-defined {@link ActorSystemConfig} or
 * {@link ActorSystem} bean replaces the auto-configured one.
 */
@AutoConfiguration(after = SslAutoConfiguration.class)
@ConditionalOnClass(ActorSystem.class)
@ConditionalOnBooleanProperty(name = "xoscar.enabled", matchIfMissing = true)
@EnableConfigurationProperties(XoscarProperties.class)
public final class XoscarAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(XoscarAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ActorSystemConfig xoscarActorSystemConfig(XoscarProperties properties,
			ObjectProvider<XoscarActorSystemCustomizer> customizers,
			ObjectProvider<XoscarProcessPoolCustomizer> processPoolCustomizers, ObjectProvider<ProcessPoolRole> role,
			ObjectProvider<ApplicationArguments> arguments, ObjectProvider<JacksonModule> jacksonModules,
			ObjectProvider<SslBundles> sslBundles, ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		ProcessPoolRole child = role.getIfAvailable();
		ActorSystemConfig.Builder builder = (child != null) ? child.arguments().config()
				: ActorSystemConfigFactory.builder(properties);
		builder.actorFactory(new BeanFactoryActorFactory(beanFactory));
		// the application's Jackson modules (those Boot's JsonMapper gets) serialize its types on the wire too
		jacksonModules.orderedStream().forEach(builder::jacksonModule);
		if (child != null) {
			// the pool's node is what its parent asked for; only what it needs from this JVM is added
			processPoolCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}
		XoscarProperties.Security.Tls tls = properties.security().tls();
		if (tls.enabled()) {
			builder.tls(SslBundleTls.of(tls, sslBundles.getIfAvailable()));
		}
		Class<?> application = applicationClass(beanFactory);
		if (application != null) {
			String[] args = arguments.getIfAvailable(() -> new DefaultApplicationArguments()).getSourceArgs();
			builder.processPoolMain(ProcessPoolApplication.of(application, environment, args));
		}
		else if (!properties.pools().isEmpty()) {
			logger.info("No @SpringBootConfiguration class found: process pools run a bare node, without this"
					+ " application's beans");
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ActorSystem xoscarActorSystem(ActorSystemConfig config) {
		return ActorSystem.create(config);
	}

	@Bean
	@ConditionalOnBean(SslBundles.class)
	SslBundleTlsReload xoscarTlsReload(ActorSystem system, SslBundles sslBundles, XoscarProperties properties,
			ObjectProvider<ProcessPoolRole> role) {
		// a process pool's child keeps the material it was started with
		boolean reload = properties.security().tls().enabled() && role.getIfAvailable() == null;
		return new SslBundleTlsReload(system, sslBundles, properties.security().tls(), reload);
	}

	@Bean
	static ActorRefResolverInstaller xoscarActorRefResolver() {
		return new ActorRefResolverInstaller(true);
	}

	@Bean
	XActorDefinitions xoscarActorDefinitions(ConfigurableListableBeanFactory beanFactory) {
		return new XActorDefinitions(XActorDefinition.find(beanFactory));
	}

	@Bean
	ActorReferences xoscarActorReferences(ActorSystem system, ConfigurableListableBeanFactory beanFactory,
			XActorDefinitions definitions, XoscarProperties properties) {
		return new ActorReferences(system, beanFactory, definitions.all(), properties.debug().callTimeout());
	}

	@Bean
	XoscarLifecycle xoscarLifecycle(ActorSystem system, XActorDefinitions definitions,
			ObjectProvider<ProcessPoolRole> role, XoscarProperties properties, Environment environment) {
		// in a process pool's child the parent places the actors
		List<XActorDefinition> actors = (role.getIfAvailable() != null) ? List.of() : definitions.all();
		Duration shutdownTimeout = Binder.get(environment)
			.bind("spring.lifecycle.timeout-per-shutdown-phase", Duration.class)
			.orElse(Duration.ofSeconds(30));
		return new XoscarLifecycle(system, actors, properties.debug().callTimeout(), shutdownTimeout);
	}

	/** The application's main configuration class, which process pools run in their child JVMs. */
	private static Class<?> applicationClass(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanNamesForAnnotation(SpringBootConfiguration.class)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				return ClassUtils.getUserClass(type);
			}
		}
		return null;
	}

}
