package io.xoscar.spring.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import io.xoscar.ActorSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's auto-configurations as Spring Boot finds them: each listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, a final
 * class, and those that need the node ordered after {@link XoscarAutoConfiguration}, which makes it.
 */
class AutoConfigurationImportsTests {

	private final ClassLoader classLoader = AutoConfigurationImportsTests.class.getClassLoader();

	@Test
	void everyAutoConfigurationIsListedAndEveryListedOneExists() throws IOException {
		assertThat(listed()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared());
	}

	@Test
	void autoConfigurationsAreFinal() throws Exception {
		for (String name : listed()) {
			assertThat(Modifier.isFinal(ClassUtils.forName(name, this.classLoader).getModifiers())).as(name).isTrue();
		}
	}

	@Test
	void thoseThatNeedTheNodeComeAfterTheOneThatMakesIt() throws Exception {
		for (String name : listed()) {
			Class<?> type = ClassUtils.forName(name, this.classLoader);
			ConditionalOnBean onBean = type.getAnnotation(ConditionalOnBean.class);
			if (onBean != null && List.of(onBean.value()).contains(ActorSystem.class)) {
				assertThat(type.getAnnotation(AutoConfiguration.class).after()).as(name)
					.contains(XoscarAutoConfiguration.class);
			}
		}
	}

	private List<String> listed() {
		return ImportCandidates.load(AutoConfiguration.class, this.classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.xoscar."))
			.toList();
	}

	/** @return the classes annotated {@code @AutoConfiguration}, read without evaluating their conditions */
	private List<String> declared() throws IOException {
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(this.classLoader);
		List<String> declared = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver(this.classLoader)
			.getResources("classpath*:io/xoscar/spring/**/*.class")) {
			AnnotationMetadata metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
			if (metadata.hasAnnotation(AutoConfiguration.class.getName())) {
				declared.add(metadata.getClassName());
			}
		}
		return declared;
	}

}
