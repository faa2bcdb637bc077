package dev.vocloop.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The console's texts in English and Simplified Chinese, from
 * {@code console/i18n/messages_<lang>.properties} (UTF-8). Every page is rendered with one of the
 * two maps; a key missing in Chinese falls back to English rather than showing a blank.
 */
@ApplicationScoped
public class Messages {

    public static final String EN = "en";
    public static final String ZH = "zh-CN";
    /** The cookie that keeps a user's language choice. */
    public static final String LANG_COOKIE = "vocloop_lang";

    private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

    public Messages() {
        Map<String, String> en = load(EN);
        Map<String, String> zh = new HashMap<>(en);
        zh.putAll(load(ZH));
        byLanguage.put(EN, Collections.unmodifiableMap(en));
        byLanguage.put(ZH, Collections.unmodifiableMap(zh));
    }

    /** The texts of a language ({@link #EN} or {@link #ZH}). */
    public Map<String, String> of(String language) {
        return byLanguage.getOrDefault(language, byLanguage.get(EN));
    }

    /**
     * The language of a request: the user's explicit choice (cookie or {@code lang} parameter)
     * wins, then the first of Accept-Language that we speak, then English.
     */
    public static String resolve(String explicit, String acceptLanguage) {
        String chosen = normalize(explicit);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null) {
            for (String part : acceptLanguage.split(",")) {
                String tag = part.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (tag.startsWith("zh")) {
                    return ZH;
                }
                if (tag.startsWith("en")) {
                    return EN;
                }
            }
        }
        return EN;
    }

    /** {@link #EN} or {@link #ZH} for a user-supplied value, {@code null} for anything else. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("zh")) {
            return ZH;
        }
        return v.equals("en") || v.startsWith("en-") ? EN : null;
    }

    private static Map<String, String> load(String language) {
        String file = "console/i18n/messages_" + language.replace('-', '_') + ".properties";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing " + file);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            p.forEach((k, v) -> map.put((String) k, (String) v));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
