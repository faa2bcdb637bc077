package dev.vocloop.e2e;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads the {@code .eml} files the local platform's SMTP server wrote, as a customer's mail client would. */
final class Mailbox {

    /** One received message, decoded. */
    record Mail(String to, String subject, String text) {
    }

    private final Path dir;

    Mailbox(Path home) {
        this.dir = home.resolve("mail");
    }

    /** Waits until exactly one mail to {@code address} is in the folder and returns it. */
    Mail awaitOne(String address, java.time.Duration timeout) {
        Mail[] mail = new Mail[1];
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(java.time.Duration.ofMillis(250)).untilAsserted(() -> {
            List<Mail> mails = to(address);
            org.junit.jupiter.api.Assertions.assertEquals(1, mails.size(), "exactly one follow-up e-mail to " + address);
            mail[0] = mails.get(0);
        });
        return mail[0];
    }

    List<Mail> to(String address) throws Exception {
        List<Mail> mails = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return mails;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        Session session = Session.getInstance(new Properties());
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                MimeMessage m = new MimeMessage(session, in);
                Address[] recipients = m.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Stream.of(recipients).anyMatch(a -> a.toString().contains(address))) {
                    mails.add(new Mail(address, m.getSubject(), text(m)));
                }
            }
        }
        return mails;
    }

    /** All text of a message: plain and HTML parts alike, decoded from their transfer encodings. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                s.append(text(bp)).append('\n');
            }
            return s.toString();
        }
        return "";
    }

}
