package com.terminalacc.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real DNS server on loopback (UDP), small enough to read: it answers TXT questions from records the test sets,
 * NOERROR without data for names that exist without a TXT record, NXDOMAIN for everything else, and nothing at all
 * for names the test wants to time out. Keycloak (another process) queries it through the realm attribute
 * {@code terminal.dns.resolver}.
 */
public final class TestDnsServer implements AutoCloseable {

    private static final int TYPE_TXT = 16;

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Set<String> existing = ConcurrentHashMap.newKeySet();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();

    public TestDnsServer() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code host:port} for the realm attribute. */
    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public void txt(String name, String... values) {
        txt.put(name.toLowerCase(Locale.ROOT), List.of(values));
    }

    public void existsWithoutTxt(String name) {
        existing.add(name.toLowerCase(Locale.ROOT));
    }

    public void silent(String name) {
        silent.add(name.toLowerCase(Locale.ROOT));
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(packet.getData(), packet.getLength());
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] answer(byte[] q, int length) {
        // header (12 bytes), then one question: labels, type, class
        int pos = 12;
        StringBuilder name = new StringBuilder();
        while (q[pos] != 0) {
            int len = q[pos] & 0xff;
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(q, pos + 1, len, StandardCharsets.US_ASCII));
            pos += len + 1;
        }
        pos++;
        int type = ((q[pos] & 0xff) << 8) | (q[pos + 1] & 0xff);
        int questionEnd = pos + 4;
        String qname = name.toString().toLowerCase(Locale.ROOT);
        if (silent.contains(qname)) {
            return null;
        }
        List<String> records = type == TYPE_TXT ? txt.getOrDefault(qname, List.of()) : List.of();
        boolean known = txt.containsKey(qname) || existing.contains(qname);
        int rcode = known ? 0 : 3; // NXDOMAIN

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(q[0]);
        out.write(q[1]); // id
        out.write(0x84 | (q[2] & 0x01)); // QR, AA, RD as asked
        out.write(0x80 | rcode); // RA, rcode
        short16(out, 1);
        short16(out, records.size());
        short16(out, 0);
        short16(out, 0);
        out.write(q, 12, questionEnd - 12);
        for (String value : records) {
            byte[] text = value.getBytes(StandardCharsets.US_ASCII);
            short16(out, 0xc00c); // the name: a pointer to the question
            short16(out, TYPE_TXT);
            short16(out, 1); // IN
            short16(out, 0);
            short16(out, 60); // TTL
            short16(out, text.length + 1);
            out.write(text.length);
            out.write(text, 0, text.length);
        }
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write((value >> 8) & 0xff);
        out.write(value & 0xff);
    }

    @Override
    public void close() {
        socket.close();
    }
}
