package dev.vocloop.feedback.items;

import dev.vocloop.commons.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A single item is small: its body is limited to 64 KB (configurable) instead of the 10 MB a batch
 * may send. Announced sizes are refused at once; chunked bodies are cut off while being read.
 */
public class ItemBodyLimitFilter {

    private final IntakeConfig config;

    public ItemBodyLimitFilter(IntakeConfig config) {
        this.config = config;
    }

    @ServerRequestFilter
    public void limit(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api/v1/feedback") && !path.equals("/internal/feedback")) {
            return;
        }
        int max = config.maxItemBodyBytes();
        if (request.getLength() > max) {
            throw ProblemException.tooLarge("a single item may have at most " + max + " bytes; use /api/v1/feedback/batch for more");
        }
        request.setEntityStream(new Limited(request.getEntityStream(), max));
    }

    /** Throws 413 once more than the limit has been read. */
    private static final class Limited extends FilterInputStream {
        private final int max;
        private long read;

        Limited(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw ProblemException.tooLarge("a single item may have at most " + max + " bytes");
            }
        }
    }
}
