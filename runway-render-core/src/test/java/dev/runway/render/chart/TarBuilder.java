package dev.runway.render.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives byte by byte for tests, well formed or not: USTAR headers with checksums, PAX headers, GNU
 * long names, and size fields given raw (base-256, negative, garbage), which no archiving library would write.
 */
public final class TarBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TarBuilder file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public TarBuilder file(String name, byte[] data) {
        return entry(name, '0', octal(data.length, 12), data);
    }

    /** One header and its data; {@code size} is the raw 12-byte size field. */
    public TarBuilder entry(String name, char type, byte[] size, byte[] data) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, octal(0644, 8));
        put(h, 108, octal(0, 8));
        put(h, 116, octal(0, 8));
        put(h, 124, Arrays.copyOf(size, 12));
        put(h, 136, octal(0, 12));
        h[156] = (byte) type;
        put(h, 257, "ustar\0".getBytes(StandardCharsets.ISO_8859_1));
        put(h, 263, "00".getBytes(StandardCharsets.ISO_8859_1));
        Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, octal(sum, 7));
        out.writeBytes(h);
        out.writeBytes(data);
        out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        return this;
    }

    /** A PAX extended header ('x') for the next entry. */
    public TarBuilder pax(Map<String, String> records) {
        StringBuilder text = new StringBuilder();
        records.forEach((k, v) -> {
            String body = " " + k + "=" + v + "\n";
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            int total = length + String.valueOf(length).length();
            if (String.valueOf(total).length() != String.valueOf(length).length()) {
                total++;
            }
            text.append(total).append(body);
        });
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        return entry("PaxHeaders/x", 'x', octal(data.length, 12), data);
    }

    /** A GNU long name ('L') for the next entry. */
    public TarBuilder gnuLongName(String name) {
        byte[] data = (name + "\0").getBytes(StandardCharsets.UTF_8);
        return entry("././@LongLink", 'L', octal(data.length, 12), data);
    }

    public byte[] tar() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(new byte[1024]);
        return all.toByteArray();
    }

    public byte[] tgz() {
        return gzip(tar());
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A numeric field in octal, NUL-terminated, {@code width} bytes in all. */
    public static byte[] octal(long value, int width) {
        String digits = String.format("%0" + (width - 1) + "o", value);
        return (digits + "\0").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A size field in base-256 (the high bit set), as GNU tar writes big or negative numbers. */
    public static byte[] base256(long value) {
        byte[] f = new byte[12];
        for (int i = 11; i >= 4; i--) {
            f[i] = (byte) (value >> (8 * (11 - i)));
        }
        byte fill = (byte) (value < 0 ? 0xff : 0);
        for (int i = 0; i < 4; i++) {
            f[i] = fill;
        }
        f[0] = (byte) (value < 0 ? 0xff : 0x80);
        return f;
    }

    private static void put(byte[] h, int at, byte[] field) {
        System.arraycopy(field, 0, h, at, field.length);
    }
}
