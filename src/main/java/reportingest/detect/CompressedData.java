package reportingest.detect;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Compressed data that expands far beyond what it is for (a "decompression bomb"): refused before any
 * reader decodes it, because the readers decode into the heap. PDFBox 3 decodes a stream whole into memory
 * when an image is drawn or an object stream read (its temp-file cache does not cover that), and the JDK's
 * PNG reader inflates compressed text chunks into one String when it reads the metadata; a 1 MB file can so
 * ask for gigabytes. Measured here by decoding into a counter that stops at the limit, in constant memory:
 * <ul>
 *   <li>every PDF stream at a file offset (object streams, content, fonts, forms, images; attachments are
 *   never decoded by the service and are skipped) through its Flate, LZW, run-length and ASCII filters: an
 *   image may expand to what its width, height, components and bits need (plus a tenth and 1 MB), anything
 *   else to {@code maxStreamBytes}. Image codecs (DCT, JPX, JBIG2, CCITT) are not run: their output is
 *   bounded by the image's stated size, which the page pixel budget governs;</li>
 *   <li>a PNG's zTXt, compressed iTXt and iCCP chunks, to {@link #MAX_PNG_CHUNK_BYTES} each.</li>
 * </ul>
 */
final class CompressedData {
    /** Generous for any text or colour profile a scanner writes (profiles are a few hundred KB). */
    static final long MAX_PNG_CHUNK_BYTES = 16L << 20;
    private static final Set<COSName> MEASURED = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
            COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE,
            COSName.RUN_LENGTH_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION,
            COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION);

    private CompressedData() {}

    /** Thrown by the counter when a stream passes its limit. */
    private static final class TooFar extends IOException {
        TooFar() { super("expands past its limit", null); }
    }

    /**
     * Before PDFBox loads the file: object streams and cross-reference streams are decoded whole while the
     * document is opened (the catalog or the page tree may live in one), before {@link #checkPdf} can look.
     * Each such stream compressed with Flate alone is found in the raw bytes and inflated into a counter.
     * (An encrypted one cannot be inflated before it is decrypted; the loader's OutOfMemoryError is then the
     * last resort, see TypeDetector.)
     */
    static void checkPdfStructure(Path file, String fileName, long maxStreamBytes) throws IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
            if (ch.size() > Integer.MAX_VALUE) return;
            java.nio.MappedByteBuffer pdf = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size());
            int n = pdf.limit();
            for (int p = 0; p + 7 < n; p++) {
                if (pdf.get(p) != 's' || !startsWith(pdf, p, STREAM) || (p > 0 && pdf.get(p - 1) == 'd')) continue;
                int data = p + STREAM.length;
                if (data < n && pdf.get(data) == '\r') data++;
                if (data >= n || pdf.get(data) != '\n') continue;
                String dict = dictionaryBefore(pdf, p);
                if (dict == null || !(dict.contains("/ObjStm") || dict.contains("/XRef")) || !flateOnly(dict)) continue;
                if (inflatesPast(pdf, data + 1, maxStreamBytes)) {
                    throw expandsTooFar(fileName, (dict.contains("/ObjStm") ? "an object stream" : "a cross-reference stream")
                            + " (the file's structure)", maxStreamBytes);
                }
            }
        }
    }

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(java.nio.ByteBuffer b, int at, byte[] word) {
        if (at + word.length > b.limit()) return false;
        for (int i = 0; i < word.length; i++) if (b.get(at + i) != word[i]) return false;
        return true;
    }

    /** The dictionary that ends just before the keyword at {@code p} ({@code << … >> stream}), or null. */
    private static String dictionaryBefore(java.nio.ByteBuffer pdf, int p) {
        int end = p - 1;
        while (end >= 0 && Character.isWhitespace(pdf.get(end))) end--;
        if (end < 1 || pdf.get(end) != '>' || pdf.get(end - 1) != '>') return null;
        int depth = 0;
        for (int i = end; i > 0 && end - i < (64 << 10); i--) {
            if (pdf.get(i) == '>' && pdf.get(i - 1) == '>') { depth++; i--; }
            else if (pdf.get(i) == '<' && pdf.get(i - 1) == '<') {
                if (--depth == 0) {
                    byte[] text = new byte[end - i + 2];
                    pdf.get(i - 1, text);
                    return new String(text, StandardCharsets.ISO_8859_1);
                }
                i--;
            }
        }
        return null;
    }

    /** Whether the dictionary's one filter is Flate: {@code /Filter /FlateDecode} or {@code /Filter [/FlateDecode]}. */
    private static boolean flateOnly(String dict) {
        java.util.regex.Matcher m = FILTER.matcher(dict);
        return m.find() && (m.group(1) != null ? m.group(1) : m.group(2)).matches("FlateDecode|Fl");
    }

    private static final java.util.regex.Pattern FILTER =
            java.util.regex.Pattern.compile("/Filter\\s*(?:/(\\w+)|\\[\\s*/(\\w+)\\s*])");

    private static boolean inflatesPast(java.nio.ByteBuffer pdf, int from, long limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(pdf.slice(from, pdf.limit() - from));
            byte[] out = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished()) {
                int k = inflater.inflate(out);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) return false;
                total += k;
                if (total > limit) return true;
            }
            return false;
        } catch (DataFormatException e) {
            return false; // not Flate data here (encrypted, or damaged): the loader decides
        } finally {
            inflater.end();
        }
    }

    /** Fails the file if any stream of the PDF expands past its limit. */
    static void checkPdf(PDDocument doc, String fileName, long maxStreamBytes) throws IOException {
        COSDocument cos = doc.getDocument();
        for (Map.Entry<COSObjectKey, Long> entry : new ArrayList<>(cos.getXrefTable().entrySet())) {
            // objects inside object streams (negative offsets) cannot be streams; the object stream itself is checked
            if (entry.getValue() == null || entry.getValue() <= 0) continue;
            COSBase object = cos.getObjectFromPool(entry.getKey()).getObject();
            if (!(object instanceof COSStream stream)) continue;
            if (COSName.EMBEDDED_FILE.equals(stream.getCOSName(COSName.TYPE))) continue;
            long limit = limitOf(stream, maxStreamBytes);
            try {
                measure(stream, limit, maxStreamBytes);
            } catch (TooFar | UncheckedTooFar e) {
                throw expandsTooFar(fileName, (isImage(stream) ? "a compressed image" : "a compressed part")
                        + " (object " + entry.getKey().getNumber() + ")", limit);
            } catch (IOException e) {
                // damaged data: the page readers say what is wrong with it, as before
            }
        }
    }

    private static boolean isImage(COSStream stream) {
        return COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
    }

    /** What the stream may expand to: an image what its pixels need, anything else the general limit. */
    static long limitOf(COSStream stream, long maxStreamBytes) {
        if (!isImage(stream)) return maxStreamBytes;
        long w = stream.getLong(COSName.WIDTH, stream.getLong(COSName.W, -1));
        long h = stream.getLong(COSName.HEIGHT, stream.getLong(COSName.H, -1));
        if (w <= 0 || h <= 0) return maxStreamBytes;
        boolean mask = stream.getBoolean(COSName.IMAGE_MASK, stream.getBoolean(COSName.IM, false));
        long bits = mask ? 1 : Math.max(1, stream.getLong(COSName.BITS_PER_COMPONENT, stream.getLong(COSName.BPC, 8)));
        long components = mask ? 1 : components(stream.getDictionaryObject(COSName.COLORSPACE, COSName.CS));
        long rowBytes = (w * components * bits + 7) / 8;
        long expected = rowBytes * h + h; // a PNG predictor's tag byte per row, should the filter leave it
        return expected + expected / 10 + (1L << 20);
    }

    /** Colour components of an image's colour space, read from the dictionary alone (4 when it cannot tell). */
    private static long components(COSBase space) {
        if (space instanceof COSName name) {
            if (name.equals(COSName.DEVICEGRAY) || name.equals(COSName.G) || name.equals(COSName.INDEXED)) return 1;
            if (name.equals(COSName.DEVICERGB) || name.equals(COSName.RGB)) return 3;
            if (name.equals(COSName.DEVICECMYK) || name.equals(COSName.CMYK)) return 4;
            return 4;
        }
        if (space instanceof COSArray array && array.size() > 0 && array.getObject(0) instanceof COSName family) {
            String f = family.getName();
            switch (f) {
                case "Indexed", "I", "Separation", "CalGray" -> { return 1; }
                case "CalRGB", "Lab" -> { return 3; }
                case "ICCBased" -> {
                    if (array.size() > 1 && array.getObject(1) instanceof COSDictionary icc) return Math.max(1, icc.getLong(COSName.N, 4));
                    return 4;
                }
                case "DeviceN" -> {
                    if (array.size() > 1 && array.getObject(1) instanceof COSArray names) return Math.max(1, names.size());
                    return 4;
                }
                default -> { return 4; }
            }
        }
        return 4;
    }

    /**
     * Decodes the stream's leading Flate/LZW/run-length/ASCII filters into a counter; an earlier filter's
     * output is held (up to the general limit) as the next one's input, the last one's is only counted.
     */
    private static void measure(COSStream stream, long limit, long maxStreamBytes) throws IOException {
        List<COSName> filters = filters(stream);
        int run = 0;
        while (run < filters.size() && MEASURED.contains(filters.get(run))) run++;
        if (run == 0) return;
        // the output of a filter that an image codec reads next is compressed data, held to the general limit
        long last = run == filters.size() ? limit : maxStreamBytes;
        byte[] input = null;
        for (int i = 0; i < run; i++) {
            Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
            boolean final_ = i == run - 1;
            try (InputStream in = input == null ? stream.createRawInputStream() : new ByteArrayInputStream(input)) {
                if (final_) {
                    filter.decode(in, new Counter(last), stream, i);
                } else {
                    Held held = new Held(maxStreamBytes);
                    filter.decode(in, held, stream, i);
                    input = held.toByteArray();
                }
            }
        }
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase f = stream.getFilters();
        List<COSName> out = new ArrayList<>();
        if (f instanceof COSName name) out.add(name);
        else if (f instanceof COSArray array) for (int i = 0; i < array.size(); i++) if (array.getObject(i) instanceof COSName n) out.add(n);
        return out;
    }

    /** Counts bytes, keeps none, and stops at the limit. */
    private static final class Counter extends OutputStream {
        private final long limit;
        private long count;

        Counter(long limit) { this.limit = limit; }

        @Override public void write(int b) throws IOException { add(1); }
        @Override public void write(byte[] b, int off, int len) throws IOException { add(len); }

        private void add(long n) throws TooFar {
            count += n;
            if (count > limit) throw new TooFar();
        }
    }

    /** Keeps bytes up to the limit. */
    private static final class Held extends ByteArrayOutputStream {
        private final long limit;

        Held(long limit) { this.limit = limit; }

        @Override public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(long n) {
            if (size() + n > limit) throw new UncheckedTooFar();
        }
    }

    /** {@link Held} cannot throw a checked exception from ByteArrayOutputStream's signatures. */
    private static final class UncheckedTooFar extends RuntimeException {
        UncheckedTooFar() { super(null, null, false, false); }
    }

    /** Fails the file if a compressed chunk of the PNG inflates past {@link #MAX_PNG_CHUNK_BYTES}. */
    static void checkPng(Path file, String fileName) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            in.skipNBytes(8);
            while (true) {
                int length;
                byte[] type = new byte[4];
                try {
                    length = in.readInt();
                    in.readFully(type);
                } catch (EOFException end) {
                    return;
                }
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (length < 0) return; // damaged: the reader says so
                if (name.equals("zTXt") || name.equals("iTXt") || name.equals("iCCP")) {
                    byte[] data = in.readNBytes(length);
                    int start = compressedStart(name, data);
                    if (start >= 0 && inflatesPast(data, start, MAX_PNG_CHUNK_BYTES)) {
                        throw expandsTooFar(fileName, (name.equals("iCCP") ? "a compressed colour profile" : "compressed text")
                                + " (its " + name + " chunk)", MAX_PNG_CHUNK_BYTES);
                    }
                    in.skipNBytes(4);
                } else {
                    in.skipNBytes(length + 4L);
                }
                if (name.equals("IEND")) return;
            }
        } catch (EOFException e) {
            // cut short: the reader says what is wrong with it
        }
    }

    /** Where the compressed bytes of a zTXt, iTXt or iCCP chunk start; -1 when they are not compressed. */
    private static int compressedStart(String type, byte[] data) {
        int nul = indexOf(data, 0);
        if (nul < 0) return -1;
        if (!type.equals("iTXt")) return nul + 2; // keyword, NUL, method
        if (nul + 2 >= data.length || data[nul + 1] != 1) return -1; // not compressed
        int lang = indexOf(data, nul + 3);
        int translated = lang < 0 ? -1 : indexOf(data, lang + 1);
        return translated < 0 ? -1 : translated + 1;
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) if (data[i] == 0) return i;
        return -1;
    }

    private static boolean inflatesPast(byte[] data, int start, long limit) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, start, data.length - start);
            byte[] out = new byte[1 << 16];
            long total = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) return false;
                total += n;
                if (total > limit) return true;
            }
            return false;
        } catch (DataFormatException e) {
            return false; // damaged: the reader says so
        } finally {
            inflater.end();
        }
    }

    private static IngestFailure expandsTooFar(String fileName, String where, long limit) {
        return new IngestFailure("EXPANDS_TOO_LARGE", "'" + fileName + "' holds " + where
                + " that expands to more than " + (limit >> 20) + " MB, far more than its pages need: the file is damaged "
                + "or made to exhaust memory, so it was not read.",
                "Open the file in a viewer to check it; export or scan it again (for a PDF, 'print to PDF' makes a clean copy) "
                        + "and drop the new file into the inbox. If the file is genuine, ask the operator to raise "
                        + "ingest.max-stream-mb in application.properties.");
    }
}
