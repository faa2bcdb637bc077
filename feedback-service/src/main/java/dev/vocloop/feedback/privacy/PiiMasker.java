package dev.vocloop.feedback.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in the text analysts see: e-mail addresses, phone numbers (mainland mobile
 * and international), PRC resident ID numbers and bank card numbers. Numbers are only masked when
 * their check digit fits, so order numbers and amounts stay readable.
 */
@ApplicationScoped
public class PiiMasker {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
    private static final Pattern PRC_ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d+-])(\\d(?:[ -]?\\d){12,18})(?![\\d-])");
    private static final Pattern CN_MOBILE = Pattern.compile("(?<!\\d)(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}(?!\\d)");
    private static final Pattern INTL_PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+|00)[1-9]\\d{0,2}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,4}(?:[ .-]?\\d{2,4}){1,4}(?!\\d)");
    private static final Pattern LOCAL_PHONE = Pattern.compile("(?<!\\d)\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}(?!\\d)");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public String mask(String text) {
        String out = EMAIL.matcher(text).replaceAll("[EMAIL]");
        out = replaceIf(out, PRC_ID, PiiMasker::isPrcId, "[ID_NUMBER]");
        // Phones with a country code first: "+86 138 1234 5678" would otherwise pass as a Luhn-valid card by chance.
        out = CN_MOBILE.matcher(out).replaceAll("[PHONE]");
        out = INTL_PHONE.matcher(out).replaceAll("[PHONE]");
        out = replaceIf(out, CARD, s -> luhn(s.replaceAll("[ -]", "")), "[BANK_CARD]");
        out = LOCAL_PHONE.matcher(out).replaceAll("[PHONE]");
        return out;
    }

    private static String replaceIf(String text, Pattern pattern, java.util.function.Predicate<String> check, String token) {
        Matcher m = pattern.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, check.test(m.group(1)) ? Matcher.quoteReplacement(token) : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** GB 11643-1999 check digit of an 18-digit resident ID. */
    static boolean isPrcId(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11];
    }

    static boolean luhn(String digits) {
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
