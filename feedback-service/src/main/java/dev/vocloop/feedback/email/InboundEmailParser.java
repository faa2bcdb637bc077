package dev.vocloop.feedback.email;

import dev.vocloop.commons.problem.ProblemException;
import dev.vocloop.feedback.items.Channel;
import dev.vocloop.feedback.items.Customer;
import dev.vocloop.feedback.items.FeedbackRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a raw RFC 822 message into a feedback request with Angus Mail: MIME multipart, quoted-
 * printable and base64, any charset the JDK knows (UTF-8, GBK, GB18030, Big5, ...). HTML-only
 * mails become text with jsoup; quoted replies and signatures are cut off, because only the
 * customer's new words are feedback.
 */
@ApplicationScoped
public class InboundEmailParser {

    private static final Session SESSION = Session.getInstance(new Properties());

    // Lines that start the quoted part of a reply or a signature, in English and Chinese mail clients.
    private static final Pattern CUT = Pattern.compile(
            "^(?:-- ?$|_{5,}|-{3,}\\s*(?:Original Message|原始邮件|Forwarded message|转发的邮件)\\s*-{3,}"
                    + "|On .{3,200} wrote:\\s*$|在.{2,200}写道[:：]\\s*$|.{0,100}于.{2,100}写道[:：]\\s*$"
                    + "|(?:From|发件人)\\s*[:：].{1,200}$"
                    + "|Sent from my .{1,40}$|发自我的.{1,40}$|Get Outlook for .{1,40}$)",
            Pattern.CASE_INSENSITIVE);

    public FeedbackRequest parse(InputStream raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, raw);
            String messageId = message.getMessageID();
            InternetAddress from = sender(message);
            String subject = message.getSubject();
            String body = textOf(message);
            if (body == null) {
                throw ProblemException.unprocessable("the message has no text/plain or text/html part");
            }
            String text = stripQuotesAndSignature(body);
            if (text.isBlank() && subject != null) {
                text = subject;
            }
            String address = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
            Customer customer = address == null ? null
                    : new Customer(address, address, from.getPersonal(), null, null, null, null);
            Date sent = message.getSentDate();
            return new FeedbackRequest(Channel.EMAIL, messageId, text, null, null, customer,
                    sent == null ? null : sent.toInstant(), null, null, null, null, subject, null, null, null, null, null, null);
        } catch (MessagingException e) {
            throw ProblemException.unprocessable("the body is not a readable RFC 822 message: " + e.getClass().getSimpleName());
        } catch (UnsupportedEncodingException e) {
            throw ProblemException.unprocessable("the message uses an unknown charset");
        } catch (IOException e) {
            throw ProblemException.unprocessable("the message could not be decoded");
        }
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        try {
            var addresses = message.getFrom();
            return addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress a ? a : null;
        } catch (jakarta.mail.internet.AddressException e) {
            return null;
        }
    }

    /** The best text of a part: text/plain first, else text/html turned into text. */
    static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return contentAsString(part);
        }
        if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return htmlToText(contentAsString(part));
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    return contentAsString(child);
                }
                if (html == null) {
                    html = textOf(child);
                }
            }
            return html;
        }
        if (part.isMimeType("message/rfc822")) {
            return textOf((Part) part.getContent());
        }
        return null;
    }

    private static String contentAsString(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        // Unknown charset names end up here as a raw stream: read it as UTF-8 rather than fail.
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String htmlToText(String html) {
        Document doc = Jsoup.parse(html);
        // Quoted history in HTML replies lives in blockquotes and client-specific containers.
        doc.select("blockquote, div.gmail_quote, div#divRplyFwdMsg, div.moz-cite-prefix, #appendonsend, style, script").remove();
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4").before("\\n");
        String text = doc.text().replace("\\n", "\n");
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").replaceAll("\n{3,}", "\n\n").strip();
    }

    static String stripQuotesAndSignature(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String stripped = line.strip();
            if (line.equals("-- ") || CUT.matcher(stripped).find()) {
                break;
            }
            if (stripped.startsWith(">")) {
                continue;
            }
            out.append(line).append('\n');
        }
        return out.toString().strip();
    }
}
