package dev.vocloop.gateway;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for what ordinary clients will not send: a Content-Length without
 * the body, or a chunked body that is still being written when the answer is expected.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the head and {@code body}, leaves the connection open, and answers the status line and headers. */
    public static String exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException closedEarly) {
                // The gateway may close the connection before the whole body is written: that is the point.
            }
            return readHead(socket.getInputStream());
        }
    }

    /** A chunked body of {@code size} bytes of JSON-ish text, without the final zero-length chunk. */
    public static byte[] unfinishedChunkedBody(int size) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int chunk = 8192;
        for (int sent = 0; sent < size; sent += chunk) {
            int n = Math.min(chunk, size - sent);
            chunks.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes("a".repeat(n).getBytes(StandardCharsets.US_ASCII));
            chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return chunks.toByteArray();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                return text;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
