package io.xoscar.spring.autoconfigure.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Where the dashboard's files are on the class path: the page and its assets in this jar, the
 * charting library (uPlot) in its webjar.
 */
final class DashboardAssets {

	/** The page and its assets. */
	static final String LOCATION = "META-INF/xoscar/dashboard/";

	/** The uPlot webjar's Maven properties, which give its version (and so its folder). */
	private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

	private static final String UPLOT_FALLBACK_VERSION = "1.6.30";

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
		return new ClassPathResource("META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/",
				DashboardAssets.class.getClassLoader());
	}

	static String uplotVersion() {
		ClassPathResource pom = new ClassPathResource(UPLOT_POM, DashboardAssets.class.getClassLoader());
		if (pom.exists()) {
			try (InputStream in = pom.getInputStream()) {
				Properties properties = new Properties();
				properties.load(in);
				return properties.getProperty("version", UPLOT_FALLBACK_VERSION);
			}
			catch (IOException ex) {
				// fall back to the version this module is built with
			}
		}
		return UPLOT_FALLBACK_VERSION;
	}

	/**
	 * @param base the dashboard's path, empty for {@code /}
	 * @return where {@code GET base} sends the browser: relative, so it holds under any context path
	 */
	static String redirect(String base) {
		return base.substring(base.lastIndexOf('/') + 1) + "/";
	}

}
