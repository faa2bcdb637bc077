package dev.vocloop.survey.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A customer as every VoC Loop service passes it (CONTRACT.md); only {@code id} is required.
 *
 * @param id the customer's id in the client's systems
 * @param email where e-mail goes, if any
 * @param name display name
 * @param locale e.g. {@code zh-CN} or {@code en}; picks the language of what the customer receives
 * @param tier customer tier, e.g. gold
 * @param lifecycleStage new, growing, active, high-value, dormant
 * @param attributes further segmentation attributes (product, region, ...)
 */
public record CustomerRef(
        @NotBlank @Size(max = 200) String id,
        @Email @Size(max = 320) String email,
        @Size(max = 200) String name,
        @Size(max = 35) String locale,
        @Size(max = 50) String tier,
        @Size(max = 50) String lifecycleStage,
        @Size(max = 50) Map<@Size(max = 100) String, @Size(max = 500) String> attributes) {

    /** Whether texts for this customer are written in Chinese. */
    public boolean chinese() {
        return isChinese(locale);
    }

    /** zh, zh-CN, zh-Hans... are Chinese; everything else (and nothing) gets English. */
    public static boolean isChinese(String locale) {
        return locale != null && locale.toLowerCase(java.util.Locale.ROOT).startsWith("zh");
    }
}
