package io.mgp.pipeline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * A setting for the commands that run without Camel ({@code build}, {@code test}), resolved as Camel resolves it
 * for the others: a {@code -D} system property, then the environment ({@code mgp.lake} → {@code MGP_LAKE}), then
 * application.properties.
 */
final class Settings {

    private static final Properties DEFAULTS = load();

    private Settings() {
    }

    static String get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"));
        }
        return value == null ? DEFAULTS.getProperty(key) : value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        return properties;
    }
}
