package io.xoscar.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.xoscar.ActorSystem;
import io.xoscar.ProcessPoolChild;
import io.xoscar.config.ProcessPoolMain;

/**
 * The main class of a process pool's child JVM in a Spring Boot application: runs the application's
 * own context in a sub-pool role, so that the actors the pool hosts are built from their bean
 * definitions with their dependencies. That context has no web server, creates beans lazily (only
 * what the hosted actors need), runs no {@code ApplicationRunner} or {@code CommandLineRunner}, and
 * its node is the pool ({@link ProcessPoolRole}). It gets the parent's command line arguments and
 * active profiles, and the parent's effective properties ({@link ParentProperties}: test property
 * sources included) through the child's private input.
 */
public final class ProcessPoolApplication {

	private static final String APPLICATION = "--xoscar.process-pool.application=";

	private ProcessPoolApplication() {
	}

	/**
	 * @param application the application's main configuration class
	 * @param environment the application's environment: its active profiles, which the child
	 * activates too, and its properties, which the child gets when it is launched
	 * @param applicationArgs the parent's command line arguments, which the child gets too
	 * @return what process pools of that application run
	 */
	static ProcessPoolMain of(Class<?> application, Environment environment, String[] applicationArgs) {
		List<String> args = new ArrayList<>();
		args.add(APPLICATION + application.getName());
		args.addAll(List.of(applicationArgs));
		String[] activeProfiles = environment.getActiveProfiles();
		if (activeProfiles.length > 0) {
			args.add("--spring.profiles.active=" + String.join(",", activeProfiles));
		}
		ProcessPoolMain main = new ProcessPoolMain(ProcessPoolApplication.class.getName(), args);
		if (environment instanceof ConfigurableEnvironment configurable) {
			main = main.withPrivateInput(() -> ParentProperties.of(configurable).encode());
		}
		return main;
	}

	public static void main(String[] args) throws Exception {
		// first: this also makes the JVM halt when its parent goes away
		ParentProperties parentProperties = ParentProperties.decode(ProcessPoolChild.takePrivateInput());
		ProcessPoolChild.Arguments arguments = ProcessPoolChild.parse(args);
		String application = null;
		List<String> springArgs = new ArrayList<>();
		for (String arg : arguments.others()) {
			if (arg.startsWith(APPLICATION)) {
				application = arg.substring(APPLICATION.length());
			}
			else {
				springArgs.add(arg);
			}
		}
		if (application == null) {
			throw new IllegalArgumentException("missing " + APPLICATION + "<main configuration class>");
		}
		SpringApplication spring = new SpringApplication(ClassUtils.forName(application, null));
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setLazyInitialization(true);
		spring.setBannerMode(Banner.Mode.OFF);
		spring.addListeners(parentProperties);
		spring.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton(ProcessPoolRole.BEAN_NAME, new ProcessPoolRole(arguments));
			context.addBeanFactoryPostProcessor((beanFactory) -> removeRunners(beanFactory));
		});
		ConfigurableApplicationContext context = spring.run(springArgs.toArray(String[]::new));
		ProcessPoolChild.ready(context.getBean(ActorSystem.class));
		// the pool lives until its parent goes away, which halts this JVM
		new CountDownLatch(1).await();
	}

	private static void removeRunners(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory instanceof BeanDefinitionRegistry registry) {
			for (Class<?> runner : List.of(ApplicationRunner.class, CommandLineRunner.class)) {
				for (String name : beanFactory.getBeanNamesForType(runner, true, false)) {
					if (registry.containsBeanDefinition(name)) {
						registry.removeBeanDefinition(name);
					}
				}
			}
		}
	}

}
