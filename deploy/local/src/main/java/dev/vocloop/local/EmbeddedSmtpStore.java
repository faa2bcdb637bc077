package dev.vocloop.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The SMTP server that survey-service sends to: an external one when configured, otherwise an
 * embedded SMTP server that also writes every message it receives as an {@code .eml} file under
 * {@code $VOCLOOP_HOME/mail/}, so that a local user can read what customers were sent.
 */
final class EmbeddedSmtpStore implements AutoCloseable {

    private GreenMail greenMail;
    private EmlWriter eml;
    private final ScheduledExecutorService writer;
    private final String host;
    private final int port;

    private EmbeddedSmtpStore(GreenMail greenMail, ScheduledExecutorService writer, String host, int port) {
        this.greenMail = greenMail;
        this.writer = writer;
        this.host = host;
        this.port = port;
    }

    static EmbeddedSmtpStore start(LocalConfig config) throws IOException {
        if (config.smtpHost() != null) {
            return new EmbeddedSmtpStore(null, null, config.smtpHost(), config.smtpPort());
        }
        Path mailDir = Files.createDirectories(config.home().resolve("mail"));
        GreenMail mail = new GreenMail(new ServerSetup(config.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "eml-writer");
            t.setDaemon(true);
            return t;
        });
        EmbeddedSmtpStore store = new EmbeddedSmtpStore(mail, writer, "127.0.0.1", config.smtpPort());
        store.eml = new EmlWriter(mail, mailDir);
        writer.scheduleWithFixedDelay(store::writeNewMail, 200, 200, TimeUnit.MILLISECONDS);
        return store;
    }

    private synchronized void writeNewMail() {
        if (eml != null) {
            eml.writeNew();
        }
    }

    /** Stops accepting mail, as an outage would; what arrived so far is written first. */
    synchronized void stopServer() {
        eml.writeNew();
        greenMail.stop();
    }

    /** Accepts mail again on the same port. */
    synchronized void startServer() {
        GreenMail mail = new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
        mail.start();
        greenMail = mail;
        eml = eml.forServer(mail);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.shutdown();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Writes each received message once, as it arrived, named by arrival order. */
    private static final class EmlWriter {
        private final GreenMail mail;
        private final Path dir;
        // A message sent to several recipients is stored once per mailbox: key by Message-ID.
        private final Set<String> written = new HashSet<>();
        private int count;

        EmlWriter(GreenMail mail, Path dir) {
            this.mail = mail;
            this.dir = dir;
        }

        /** The same numbering and memory of what was written, for a restarted server. */
        EmlWriter forServer(GreenMail restarted) {
            EmlWriter next = new EmlWriter(restarted, dir);
            next.written.addAll(written);
            next.count = count;
            return next;
        }

        void writeNew() {
            try {
                for (MimeMessage message : mail.getReceivedMessages()) {
                    String id = message.getMessageID();
                    if (written.add(id == null ? "identity:" + System.identityHashCode(message) : id)) {
                        write(message);
                    }
                }
            } catch (RuntimeException | IOException | MessagingException e) {
                System.err.println("could not write a received e-mail: " + e.getMessage());
            }
        }

        private void write(MimeMessage message) throws IOException, MessagingException {
            String base = String.format("%d-%04d", System.currentTimeMillis(), ++count);
            Path tmp = dir.resolve(base + ".eml.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                message.writeTo(out);
            }
            // Readers only ever see complete files.
            Files.move(tmp, dir.resolve(base + ".eml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
