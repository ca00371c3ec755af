package io.eventpipe.relay.attacks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bytes on a socket, for requests no HTTP client would send (smuggling shapes, slow or oversized headers). */
final class RawHttp {

    private static final int READ_TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** Sends the bytes and returns the first response's status line (empty when the server closed without answering). */
    static String statusLine(int port, String request) throws IOException {
        try (Socket socket = connect(port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = readAll(socket.getInputStream());
            int end = response.indexOf("\r\n");
            return end < 0 ? response : response.substring(0, end);
        }
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(READ_TIMEOUT_MS);
        return socket;
    }

    /** What the server sends until it closes the connection or stops sending for the read timeout. */
    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // the server keeps the connection open: what it sent so far is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
