package io.xoscar.spring.autoconfigure;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Reports an {@link InvalidXoscarPropertyException} with the property key, its value, where it was
 * set (for a list or map, where its first entry was set), and what to change. Runs before Spring
 * Boot's generic binding analyzer, which would only name the enclosing {@code xoscar} group.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class InvalidXoscarPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidXoscarPropertyException> {

	private final Environment environment;

	InvalidXoscarPropertyFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidXoscarPropertyException cause) {
		StringBuilder description = new StringBuilder();
		description.append("Invalid value '").append(cause.getValue()).append("' for property '")
			.append(cause.getName()).append("'");
		String origin = origin(cause.getName());
		if (origin != null) {
			description.append(" (from ").append(origin).append(")");
		}
		description.append(": ").append(cause.getReason()).append(".");
		String action = "Update '" + cause.getName() + "' in your configuration. " + cause.getAction();
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private String origin(String key) {
		ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(key);
		if (name == null || !(this.environment instanceof ConfigurableEnvironment)) {
			return null;
		}
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			Origin origin = origin(source, name);
			if (origin != null) {
				return origin.toString();
			}
		}
		return null;
	}

	private static Origin origin(ConfigurationPropertySource source, ConfigurationPropertyName name) {
		ConfigurationProperty property = source.getConfigurationProperty(name);
		if (property != null) {
			return property.getOrigin();
		}
		if (source instanceof IterableConfigurationPropertySource iterable) {
			return iterable.stream()
				.filter(name::isAncestorOf)
				.findFirst()
				.map(source::getConfigurationProperty)
				.map(ConfigurationProperty::getOrigin)
				.orElse(null);
		}
		return null;
	}

}
