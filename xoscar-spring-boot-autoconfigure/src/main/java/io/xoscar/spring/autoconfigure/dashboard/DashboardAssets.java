package io.xoscar.spring.autoconfigure.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Where the dashboard's files are on the class path: the page and its assets in this jar, the
 * charting libraries in their webjars (uPlot for time series, ECharts for the call graph).
 */
final class DashboardAssets {

	/** The page and its assets. */
	static final String LOCATION = "META-INF/xoscar/dashboard/";

	private static final String UPLOT_FALLBACK_VERSION = "1.6.30";

	private static final String ECHARTS_FALLBACK_VERSION = "5.3.1";

	private DashboardAssets() {
	}

	static Resource index() {
		return new ClassPathResource(LOCATION + "index.html", DashboardAssets.class.getClassLoader());
	}

	static Resource assets() {
		return new ClassPathResource(LOCATION, DashboardAssets.class.getClassLoader());
	}

	/** @return the folder of uPlot's built files ({@code uPlot.esm.js}, {@code uPlot.min.css}) */
	static Resource uplot() {
		return webjarDist("uplot", UPLOT_FALLBACK_VERSION);
	}

	/** @return the folder of ECharts' built files ({@code echarts.esm.min.js}), which draws the call graph */
	static Resource echarts() {
		return webjarDist("echarts", ECHARTS_FALLBACK_VERSION);
	}

	static String uplotVersion() {
		return webjarVersion("uplot", UPLOT_FALLBACK_VERSION);
	}

	private static Resource webjarDist(String name, String fallbackVersion) {
		return new ClassPathResource("META-INF/resources/webjars/" + name + "/" + webjarVersion(name, fallbackVersion)
				+ "/dist/", DashboardAssets.class.getClassLoader());
	}

	/** @return the version of a webjar on the class path, from its Maven properties (which give its folder) */
	private static String webjarVersion(String name, String fallbackVersion) {
		ClassPathResource pom = new ClassPathResource("META-INF/maven/org.webjars.npm/" + name + "/pom.properties",
				DashboardAssets.class.getClassLoader());
		if (pom.exists()) {
			try (InputStream in = pom.getInputStream()) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", fallbackVersion);
			}
			catch (IOException ex) {
				// fall back to the version this module is built with
			}
		}
		return fallbackVersion;
	}

	/**
	 * @param base the dashboard's path, empty for {@code /}
	 * @return where {@code GET base} sends the browser: relative, so it holds under any context path
	 */
	static String redirect(String base) {
		return base.substring(base.lastIndexOf('/') + 1) + "/";
	}

}
