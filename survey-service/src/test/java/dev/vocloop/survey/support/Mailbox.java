package dev.vocloop.survey.support;

import com.icegreen.greenmail.util.GreenMail;
import dev.vocloop.testing.SmtpResource;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the service currently sends to. Normally {@link SmtpResource}'s; the SMTP outage
 * test replaces it by a fresh server on the same port, which then serves all later tests.
 */
public final class Mailbox {

    private static volatile GreenMail current;

    private Mailbox() {
    }

    public static GreenMail server() {
        return current != null ? current : SmtpResource.greenMail();
    }

    public static void replace(GreenMail server) {
        current = server;
    }

    /** Messages received for one address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits for the first message to an address. */
    public static MimeMessage awaitOne(String address) {
        return Eventually.await("mail to " + address, Duration.ofSeconds(20), () -> to(address), l -> !l.isEmpty()).get(0);
    }

    /** The plain-text body of a message. */
    public static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new AssertionError("unreadable mail", e);
        }
    }
}
