package dev.vocloop.survey.support;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable single-use tokens that act as a customer's credential in links. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** 192 random bits, URL-safe base64 without padding (32 characters). */
    public static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a string can be a token at all; anything else is unknown without a database look-up. */
    public static boolean plausible(String token) {
        return token != null && token.length() >= 16 && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }
}
