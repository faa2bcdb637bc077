package dev.vocloop.feedback.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PiiMaskerTest {

    private final PiiMasker masker = new PiiMasker();

    @Test
    void masksMainlandMobilesAndInternationalNumbers() {
        assertEquals("电话[PHONE]，谢谢", masker.mask("电话13812345678，谢谢"));
        assertEquals("call [PHONE] now", masker.mask("call +86 138 1234 5678 now"));
        assertEquals("call [PHONE] now", masker.mask("call +44 20 7946 0958 now"));
        // 12 digits starting with 1 is not a mobile number.
        assertEquals("order 138123456789", masker.mask("order 138123456789"));
        assertEquals("mobile 12812345678", masker.mask("mobile 12812345678"));
    }

    @Test
    void masksPrcIdOnlyWithAValidCheckDigit() {
        // 11010519491231002X is the well-known specimen number with a valid check digit.
        assertEquals("身份证[ID_NUMBER]", masker.mask("身份证11010519491231002X"));
        assertEquals("身份证110105194912310021", masker.mask("身份证110105194912310021"));
    }

    @Test
    void masksBankCardsOnlyWhenLuhnHolds() {
        assertEquals("card [BANK_CARD] was charged", masker.mask("card 4111 1111 1111 1111 was charged"));
        assertEquals("卡号[BANK_CARD]", masker.mask("卡号6222021234567890128"));
        assertEquals("ref 4111111111111112", masker.mask("ref 4111111111111112"));
    }

    @Test
    void masksEmails() {
        assertEquals("mail [EMAIL] or [EMAIL]", masker.mask("mail li.wei@example.com or a+b@mail.example.cn"));
    }
}
