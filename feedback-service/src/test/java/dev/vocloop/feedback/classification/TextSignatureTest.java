package dev.vocloop.feedback.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextSignatureTest {

    private static double similarity(String a, String b) {
        return TextSignature.similarity(TextSignature.of(a), TextSignature.of(b));
    }

    @Test
    void theSameProblemInOtherWordsIsSimilar() {
        double s = similarity("The app crashes when I open the payment page", "Crashing every time I open the payment page!");
        assertTrue(s >= 0.3, "similar English reports: " + s);
        double zh = similarity("支付页面一打开就闪退", "每次打开支付页面都闪退了");
        assertTrue(zh >= 0.3, "similar Chinese reports: " + zh);
    }

    @Test
    void differentProblemsAreNot() {
        double s = similarity("The app crashes when I open the payment page", "Please add a dark mode for the reading view");
        assertTrue(s < 0.15, "unrelated English: " + s);
        double zh = similarity("支付页面一打开就闪退", "希望增加夜间模式，晚上看着刺眼");
        assertTrue(zh < 0.15, "unrelated Chinese: " + zh);
        // Function words alone do not make texts alike.
        double filler = similarity("It was what it was and that is that", "This is what they have and what you get");
        assertEquals(0, filler, "only function words: no terms at all");
    }

    @Test
    void stableAndTotal() {
        String text = "Sync lost my notes 同步失败";
        assertArrayEquals(TextSignature.of(text), TextSignature.of(text));
        assertEquals(1.0, similarity(text, text));
        assertEquals(0, TextSignature.of("!!! ... ???").length, "no terms, empty signature");
        assertEquals(0, TextSignature.similarity(new int[0], TextSignature.of(text)));
        assertEquals(0, TextSignature.similarity(null, TextSignature.of(text)));
    }
}
