package dev.runway.render.chart;

import dev.runway.render.api.RenderException;
import dev.runway.render.glob.GoPath;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a packaged chart (.tgz) as Helm's loader does (pkg/chart/loader/archive LoadArchiveFiles over Go's
 * archive/tar): the first path element (the chart's folder) dropped, the rest cleaned as Go's path.Clean, entries
 * that leave the chart refused with Helm's messages. The tar format is read as Go reads it: header checksums,
 * octal and base-256 numbers, USTAR prefixes, PAX {@code path}/{@code size} records and GNU long names. Errors carry
 * Helm's (or Go's) words; the caller adds which archive it was.
 *
 * <p>Every archive of one chart load draws on one {@link Budget}: Helm gives each nested archive its own 100 MiB,
 * so a small chart of archives nested in archives could unpack to gigabytes; here the whole chart, packaged
 * subcharts at any depth included, unpacks to at most {@link ChartLoader#MAX_CHART_BYTES}.
 */
final class TarGz {
    /** Go's archive/tar maxSpecialFileSize: the largest PAX header or GNU long name it reads. */
    private static final int MAX_SPECIAL_BYTES = 1 << 20;
    /** Go's tar.ErrHeader. */
    private static final String INVALID_HEADER = "archive/tar: invalid tar header";
    /** pkg/chart/loader/archive drivePathPattern: a Windows drive that survived the other path checks. */
    private static final Pattern DRIVE_PATH = Pattern.compile("^[a-zA-Z]:/");

    private TarGz() {}

    /**
     * The decompressed bytes one chart load may still unpack, shared by the chart and all its packaged subcharts.
     * Header blocks count too (Helm counts only file data): otherwise a small archive of millions of empty entries
     * could fill the heap with names.
     */
    static final class Budget {
        private long remaining;

        Budget(long remaining) {
            this.remaining = remaining;
        }

        private void spend(long bytes) {
            remaining -= bytes;
            if (remaining < 0) {
                throw tooLarge();
            }
        }
    }

    private static RenderException tooLarge() {
        return new RenderException("decompressed chart is larger than the maximum size " + ChartLoader.MAX_CHART_BYTES
                + " (the chart and all its packaged subcharts together; Helm's MaxDecompressedChartSize)");
    }

    /** The files of a .tgz, by cleaned path below the chart's folder; later entries of the same path win. */
    static Map<String, byte[]> read(byte[] archive, Budget budget) {
        Map<String, byte[]> files = new TreeMap<>();
        InputStream gzip;
        try {
            gzip = new GZIPInputStream(new ByteArrayInputStream(archive));
        } catch (IOException e) {
            throw new RenderException(
                    "gzip: invalid header; a packaged chart is a gzip-compressed tar archive as"
                            + " helm package writes it, this file is not",
                    e);
        }
        try (InputStream in = gzip) {
            Reader reader = new Reader(in, budget);
            for (Entry e = reader.next(); e != null; e = reader.next()) {
                if (e.directory() || e.type == 'g') {
                    continue;
                }
                String name = chartPath(e.name);
                if (e.size > budget.remaining) {
                    throw tooLarge();
                }
                if (e.size > Chart.MAX_FILE_BYTES) {
                    throw new RenderException("decompressed chart file \"" + e.name + "\" is larger than the maximum"
                            + " file size " + Chart.MAX_FILE_BYTES);
                }
                byte[] data = reader.data(e);
                if (data.length < e.size) {
                    // A link or device entry with a size: Go reads no data for it, and Helm takes the short read
                    // for its size limit.
                    throw tooLarge();
                }
                files.put(name, data);
            }
        } catch (ZipException e) {
            throw new RenderException(
                    "flate: corrupt input (" + e.getMessage() + "); the archive is damaged,"
                            + " package the chart again",
                    e);
        } catch (EOFException e) {
            throw new RenderException("unexpected EOF: the archive is truncated; package the chart again", e);
        } catch (IOException e) {
            throw new RenderException("cannot read the archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new RenderException("no files in chart archive");
        }
        return files;
    }

    /** LoadArchiveFiles' path rules: drop the chart's folder, clean, refuse what leaves the chart. */
    private static String chartPath(String entryName) {
        String delimiter = entryName.indexOf('\\') >= 0 ? "\\" : "/";
        int first = entryName.indexOf(delimiter);
        String n = first < 0 ? "" : entryName.substring(first + 1).replace(delimiter, "/");
        if (n.startsWith("/")) {
            throw new RenderException("chart illegally contains absolute paths");
        }
        n = GoPath.clean(n);
        if (n.equals(".")) {
            throw new RenderException(
                    "chart illegally contains content outside the base directory: \"" + entryName + "\"");
        }
        if (n.startsWith("..")) {
            throw new RenderException("chart illegally references parent directory");
        }
        if (DRIVE_PATH.matcher(n).find()) {
            throw new RenderException("chart contains illegally named files");
        }
        String top = first < 0 ? entryName : entryName.substring(0, first);
        if (top.equals("Chart.yaml")) {
            throw new RenderException("chart yaml not in base directory");
        }
        return n;
    }

    /** One tar header as Go's tar.Reader.Next returns it (PAX and GNU long names applied). */
    private record Entry(String name, long size, char type, long mode) {
        boolean directory() {
            // tar.FileInfo().IsDir(): the type flag, or the c_ISDIR bits of the mode field.
            return type == '5' || (mode & 0170000) == 040000;
        }

        /** Go's isHeaderOnlyType: these carry no data whatever their size field says. */
        boolean headerOnly() {
            return type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6';
        }
    }

    /** Go's archive/tar reading, limited to what a chart archive needs. */
    private static final class Reader {
        private final InputStream in;
        private final Budget budget;
        private final byte[] block = new byte[512];
        /** Data of the last entry not yet read, and its padding: skipped before the next header. */
        private long unread;

        Reader(InputStream in, Budget budget) {
            this.in = in;
            this.budget = budget;
        }

        Entry next() throws IOException {
            String paxPath = null;
            Long paxSize = null;
            String gnuLongName = null;
            while (true) {
                skip(unread);
                unread = 0;
                if (!readBlock(true)) {
                    return null;
                }
                if (allZero(block)) {
                    // Two zero blocks end the archive; Go also ends quietly if the stream ends after the first.
                    if (!readBlock(true) || allZero(block)) {
                        return null;
                    }
                    throw new RenderException(INVALID_HEADER + " (a zero block followed by data)");
                }
                budget.spend(512);
                Entry raw = parseHeader();
                if (raw.size < 0) {
                    throw new RenderException(INVALID_HEADER + ": entry \"" + raw.name + "\" has a negative size ("
                            + raw.size + "); the archive is damaged, package the chart again");
                }
                long dataBytes = raw.headerOnly() ? 0 : raw.size;
                unread = dataBytes + (512 - dataBytes % 512) % 512;
                switch (raw.type) {
                    case 'x', 'g' -> {
                        Map<String, String> records = pax(special(raw));
                        if (raw.type == 'g') {
                            return raw; // Go hands global headers to the caller, and Helm skips them.
                        }
                        paxPath = records.getOrDefault("path", paxPath);
                        if (records.containsKey("size")) {
                            try {
                                paxSize = Long.parseLong(records.get("size"));
                            } catch (NumberFormatException e) {
                                throw new RenderException(
                                        INVALID_HEADER + ": PAX size \"" + records.get("size") + "\" is not a number");
                            }
                        }
                    }
                    case 'L' -> gnuLongName = cString(special(raw), 0, Integer.MAX_VALUE);
                    case 'K' -> special(raw); // the GNU long link name: links are read as empty files
                    case 'S' ->
                        throw new RenderException("archive/tar: entry \"" + raw.name + "\" is a GNU sparse"
                                + " file, which chart archives do not use; package the chart again with helm package");
                    default -> {
                        String name = gnuLongName != null ? gnuLongName : raw.name;
                        name = paxPath != null ? paxPath : name;
                        long size = paxSize != null ? paxSize : raw.size;
                        if (size < 0) {
                            throw new RenderException(INVALID_HEADER + ": entry \"" + name + "\" has a negative size ("
                                    + size + "); the archive is damaged, package the chart again");
                        }
                        char type = raw.type;
                        if (type == 0) {
                            type = name.endsWith("/") ? '5' : '0'; // Go: legacy archives mark folders by the slash
                        }
                        Entry entry = new Entry(name, size, type, raw.mode);
                        dataBytes = entry.headerOnly() ? 0 : size;
                        unread = dataBytes + (512 - dataBytes % 512) % 512;
                        return entry;
                    }
                }
            }
        }

        /** The entry's data; its padding is skipped with the next header. */
        byte[] data(Entry e) throws IOException {
            int length = e.headerOnly() ? 0 : (int) e.size;
            budget.spend(length);
            byte[] data = in.readNBytes(length);
            if (data.length < length) {
                throw new EOFException();
            }
            unread -= length;
            return data;
        }

        /** The data of a PAX header or GNU long name, at most Go's 1 MiB. */
        private byte[] special(Entry raw) throws IOException {
            if (raw.size > MAX_SPECIAL_BYTES) {
                throw new RenderException("archive/tar: header field too long (a PAX header or GNU long name of "
                        + raw.size + " bytes; Go reads at most " + MAX_SPECIAL_BYTES + ")");
            }
            budget.spend(raw.size);
            byte[] data = in.readNBytes((int) raw.size);
            if (data.length < raw.size) {
                throw new EOFException();
            }
            unread -= raw.size;
            return data;
        }

        /** Go's parsePAX: records "length key=value\n", the length counting the whole record. */
        private static Map<String, String> pax(byte[] bytes) {
            Map<String, String> records = new TreeMap<>();
            int at = 0;
            while (at < bytes.length) {
                int space = at;
                while (space < bytes.length && bytes[space] != ' ') {
                    space++;
                }
                long length;
                try {
                    length = Long.parseLong(new String(bytes, at, space - at, StandardCharsets.US_ASCII));
                } catch (NumberFormatException e) {
                    throw new RenderException(INVALID_HEADER + ": a PAX record has no valid length");
                }
                if (space >= bytes.length
                        || length <= space - at + 1
                        || at + length > bytes.length
                        || bytes[(int) (at + length - 1)] != '\n') {
                    throw new RenderException(INVALID_HEADER + ": a PAX record has no valid length");
                }
                String record =
                        new String(bytes, space + 1, (int) (at + length - 1 - space - 1), StandardCharsets.UTF_8);
                int eq = record.indexOf('=');
                if (eq <= 0) {
                    throw new RenderException(INVALID_HEADER + ": a PAX record has no key");
                }
                records.put(record.substring(0, eq), record.substring(eq + 1));
                at += (int) length;
            }
            return records;
        }

        /** Go's readHeader and parser: checksum, format, name (with the USTAR prefix), mode, size, type. */
        private Entry parseHeader() {
            long stored = octal(148, 8);
            long unsigned = 0;
            long signed = 0;
            for (int i = 0; i < 512; i++) {
                int b = i >= 148 && i < 156 ? ' ' : block[i];
                unsigned += b & 0xff;
                signed += b;
            }
            if (stored != unsigned && stored != signed) {
                throw new RenderException(INVALID_HEADER + " (bad checksum); the archive is damaged or is no tar"
                        + " archive, package the chart again");
            }
            String magic = new String(block, 257, 6, StandardCharsets.ISO_8859_1);
            String name = cString(block, 0, 100);
            if (magic.equals("ustar\0")) {
                boolean star = new String(block, 508, 4, StandardCharsets.ISO_8859_1).equals("tar\0");
                String prefix = cString(block, 345, star ? 131 : 155);
                if (!prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
            }
            long mode = numeric(100, 8);
            numeric(108, 8); // uid, gid and mtime: Go refuses the header when they do not parse
            numeric(116, 8);
            long size = numeric(124, 12);
            numeric(136, 12);
            return new Entry(name, size, (char) (block[156] & 0xff), mode);
        }

        /** Go's parseNumeric: base-256 when the high bit is set, octal otherwise. */
        private long numeric(int offset, int length) {
            if ((block[offset] & 0x80) == 0) {
                return octal(offset, length);
            }
            int inv = (block[offset] & 0x40) != 0 ? 0xff : 0;
            long x = 0;
            for (int i = 0; i < length; i++) {
                int c = (block[offset + i] ^ inv) & 0xff;
                if (i == 0) {
                    c &= 0x7f;
                }
                if ((x >>> 56) != 0) {
                    throw new RenderException(INVALID_HEADER + " (a number field overflows)");
                }
                x = x << 8 | c;
            }
            if ((x >>> 63) != 0) {
                throw new RenderException(INVALID_HEADER + " (a number field overflows)");
            }
            return inv == 0xff ? ~x : x;
        }

        /** Go's parseOctal: NULs and spaces trimmed, then an unsigned octal number. */
        private long octal(int offset, int length) {
            int from = offset;
            int to = offset + length;
            while (from < to && (block[from] == ' ' || block[from] == 0)) {
                from++;
            }
            while (to > from && (block[to - 1] == ' ' || block[to - 1] == 0)) {
                to--;
            }
            if (from == to) {
                return 0;
            }
            String digits = cString(block, from, to - from);
            try {
                return Long.parseUnsignedLong(digits, 8);
            } catch (NumberFormatException e) {
                throw new RenderException(
                        INVALID_HEADER + " (\"" + digits.replaceAll("[^ -~]", "?") + "\" is no octal number)");
            }
        }

        private boolean readBlock(boolean endAllowed) throws IOException {
            int n = in.readNBytes(block, 0, 512);
            if (n == 0 && endAllowed) {
                return false;
            }
            if (n < 512) {
                throw new EOFException();
            }
            return true;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException();
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private static boolean allZero(byte[] b) {
            for (byte x : b) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Go's parseString: the bytes up to the first NUL. */
    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        int limit = (int) Math.min((long) offset + length, b.length);
        while (end < limit && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }
}
