package dev.runway.render.chart;

import dev.runway.render.RenderException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/** Reads a packaged subchart (.tgz): plain ustar entries, the top folder (the chart's name) stripped. */
final class TarGz {
    private TarGz() {
    }

    static Map<String, byte[]> read(byte[] archive) {
        Map<String, byte[]> files = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archive))) {
            byte[] header = new byte[512];
            String longName = null;
            long total = 0;
            while (in.readNBytes(header, 0, 512) == 512) {
                if (header[0] == 0) {
                    break;
                }
                String name = field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0"
                        : field(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                if (size > ChartLoader.MAX_FILE_BYTES) {
                    throw new RenderException("cannot read packaged subchart: entry " + name + " has " + size
                            + " bytes; chart files are limited to " + ChartLoader.MAX_FILE_BYTES + " bytes (as in Helm)");
                }
                total += size;
                if (total > ChartLoader.MAX_CHART_BYTES) {
                    throw new RenderException("cannot read packaged subchart: it unpacks to more than "
                            + ChartLoader.MAX_CHART_BYTES + " bytes; charts are limited to that size (as in Helm)");
                }
                byte[] data = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                if (type == 'L') {
                    longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (type != '0' && type != 0) {
                    continue;
                }
                int slash = name.indexOf('/');
                if (slash >= 0) {
                    files.put(name.substring(slash + 1), data);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new RenderException("cannot read packaged subchart: " + e.getMessage(), e);
        }
        return files;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
