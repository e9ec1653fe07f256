package reportingest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Decompression bombs: small files whose compressed data expands to {@code expanded} bytes, far beyond
 * what it is for. Written byte by byte (PDFBox would refuse to write most of them), on the fly in a test's
 * folder; a gigabyte of zeros deflates to about 1 MB.
 */
public final class Bombs {
    private Bombs() {}

    /** {@code head}, then {@code padding} bytes of {@code fill}, deflated. */
    public static byte[] deflated(byte[] head, long padding, byte fill) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            d.write(head);
            byte[] buf = new byte[1 << 20];
            Arrays.fill(buf, fill);
            for (long w = 0; w < padding; w += buf.length) d.write(buf, 0, (int) Math.min(buf.length, padding - w));
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] stream(String dict, byte[] data) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("<< " + dict + " /Length " + data.length + " >>\nstream\n"));
        o.writeBytes(data);
        o.writeBytes(ascii("\nendstream"));
        return o.toByteArray();
    }

    /** A PDF of these objects (1 is the catalog), with a classic cross-reference table. */
    private static Path pdf(Path out, List<byte[]> objects) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        long[] offsets = new long[objects.size() + 1];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i + 1] = o.size();
            o.writeBytes(ascii((i + 1) + " 0 obj\n"));
            o.writeBytes(objects.get(i));
            o.writeBytes(ascii("\nendobj\n"));
        }
        long xref = o.size();
        StringBuilder s = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int i = 1; i <= objects.size(); i++) s.append(String.format("%010d 00000 n \n", offsets[i]));
        s.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        o.writeBytes(ascii(s.toString()));
        return Files.write(out, o.toByteArray());
    }

    private static final String CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";
    private static final String PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

    /** One page drawing a 100 × 100 grey image whose Flate data expands to {@code expanded} bytes (it needs 10 KB). */
    public static Path pdfWithImageBomb(Path out, long expanded) throws IOException {
        return pdf(out, List.of(ascii(CATALOG), ascii(PAGES),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"),
                stream("", ascii("q 595 0 0 842 0 0 cm /Im1 Do Q")),
                stream("/Type /XObject /Subtype /Image /Width 100 /Height 100 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                        deflated(new byte[0], expanded, (byte) 0x80))));
    }

    /** One page whose content stream is {@code expanded} bytes of spaces, then a line of text. */
    public static Path pdfWithContentBomb(Path out, long expanded) throws IOException {
        return pdf(out, List.of(ascii(CATALOG), ascii(PAGES),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
                stream("/Filter /FlateDecode", deflated(ascii("BT /F1 12 Tf 72 720 Td (Income 2024) Tj ET\n"), expanded, (byte) ' ')),
                ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")));
    }

    /** Like {@link #pdfWithContentBomb} with the content compressed twice: /Filter [/FlateDecode /FlateDecode]. */
    public static Path pdfWithTwiceCompressedBomb(Path out, long expanded) throws IOException {
        byte[] once = deflated(ascii("BT ET\n"), expanded, (byte) ' ');
        return pdf(out, List.of(ascii(CATALOG), ascii(PAGES),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
                stream("/Filter [/FlateDecode /FlateDecode]", deflated(once, 0, (byte) 0))));
    }

    /** A PDF with an attachment (an embedded file) that expands to {@code expanded} bytes; its page is plain. */
    public static Path pdfWithLargeAttachment(Path out, long expanded) throws IOException {
        return pdf(out, List.of(ascii("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(data.bin) 4 0 R] >> >> >>"),
                ascii(PAGES),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
                ascii("<< /Type /Filespec /F (data.bin) /EF << /F 5 0 R >> >>"),
                stream("/Type /EmbeddedFile /Filter /FlateDecode", deflated(new byte[0], expanded, (byte) 0))));
    }

    /** A genuine image-only page: a {@code w} × {@code h} grey image, Flate-compressed, exactly its pixels. */
    public static Path pdfWithLargeGenuineImage(Path out, int w, int h) throws IOException {
        return pdf(out, List.of(ascii(CATALOG), ascii(PAGES),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w * 72 / 300 + " " + h * 72 / 300
                        + "] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>"),
                stream("", ascii("q " + w * 72 / 300 + " 0 0 " + h * 72 / 300 + " 0 0 cm /Im1 Do Q")),
                stream("/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                        + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflated(new byte[0], (long) w * h, (byte) 0xF0))));
    }

    private static byte[] xrefRows(long[][] rows) {
        ByteArrayOutputStream xs = new ByteArrayOutputStream();
        for (long[] r : rows) {
            xs.write((int) r[0]);
            for (int k = 3; k >= 0; k--) xs.write((int) (r[1] >> (8 * k)));
            xs.write((int) (r[2] >> 8));
            xs.write((int) r[2]);
        }
        return xs.toByteArray();
    }

    /**
     * The catalog, page tree and page inside an object stream whose data expands to {@code expanded} bytes:
     * PDFBox decodes it while it opens the file.
     */
    public static Path pdfWithObjectStreamBomb(Path out, long expanded) throws IOException {
        String o1 = CATALOG, o2 = PAGES, o3 = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
        String header = "1 0 2 " + o1.length() + " 3 " + (o1.length() + o2.length()) + " ";
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        long objStm = o.size();
        o.writeBytes(ascii("4 0 obj\n"));
        o.writeBytes(stream("/Type /ObjStm /N 3 /First " + header.length() + " /Filter /FlateDecode",
                deflated(ascii(header + o1 + o2 + o3), expanded, (byte) ' ')));
        o.writeBytes(ascii("\nendobj\n"));
        long xref = o.size();
        o.writeBytes(ascii("5 0 obj\n"));
        o.writeBytes(stream("/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R",
                xrefRows(new long[][]{{0, 0, 65535}, {2, 4, 0}, {2, 4, 1}, {2, 4, 2}, {1, objStm, 0}, {1, xref, 0}})));
        o.writeBytes(ascii("\nendobj\nstartxref\n" + xref + "\n%%EOF\n"));
        return Files.write(out, o.toByteArray());
    }

    /** A cross-reference stream whose data expands to {@code expanded} bytes after its five rows. */
    public static Path pdfWithXrefStreamBomb(Path out, long expanded) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n"));
        long o1 = o.size();
        o.writeBytes(ascii("1 0 obj\n" + CATALOG + "\nendobj\n"));
        long o2 = o.size();
        o.writeBytes(ascii("2 0 obj\n" + PAGES + "\nendobj\n"));
        long o3 = o.size();
        o.writeBytes(ascii("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"));
        long o4 = o.size();
        o.writeBytes(ascii("4 0 obj\n"));
        o.writeBytes(stream("/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode",
                deflated(xrefRows(new long[][]{{0, 0, 65535}, {1, o1, 0}, {1, o2, 0}, {1, o3, 0}, {1, o4, 0}}), expanded, (byte) 0)));
        o.writeBytes(ascii("\nendobj\nstartxref\n" + o4 + "\n%%EOF\n"));
        return Files.write(out, o.toByteArray());
    }

    /**
     * An 8-bit grey TIFF claiming {@code width} × {@code height} pixels in one uncompressed strip, with 64 bytes
     * of data: a reader decodes the strip whole, so it asks for width × height bytes at once.
     */
    public static Path tiffWithOneHugeStrip(Path out, int width, int height) throws IOException {
        short[][] entries = {{256, 4}, {257, 4}, {258, 3}, {259, 3}, {262, 3}, {273, 4}, {277, 3}, {278, 4}, {279, 4}};
        int dataAt = 8 + 2 + entries.length * 12 + 4;
        int[] values = {width, height, 8, 1, 1, dataAt, 1, height, 64};
        ByteBuffer b = ByteBuffer.allocate(dataAt + 64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries.length);
        for (int i = 0; i < entries.length; i++) {
            b.putShort(entries[i][0]).putShort(entries[i][1]).putInt(1);
            if (entries[i][1] == 3) b.putShort((short) values[i]).putShort((short) 0); else b.putInt(values[i]);
        }
        b.putInt(0);
        return Files.write(out, b.array());
    }

    /** A 200 × 100 grey PNG with a {@code chunk} (zTXt, compressed iTXt or iCCP) that inflates to {@code expanded} bytes. */
    public static Path pngWithChunkBomb(Path out, String chunk, long expanded) throws IOException {
        return pngWithChunk(out, chunk, deflated(new byte[0], expanded, (byte) 'a'));
    }

    /** The same with a small, genuine compressed chunk. */
    public static Path pngWithSmallChunk(Path out, String chunk) throws IOException {
        return pngWithChunk(out, chunk, deflated("Scanned by the archive, 2024".getBytes(StandardCharsets.ISO_8859_1), 0, (byte) 0));
    }

    private static Path pngWithChunk(Path out, String chunk, byte[] compressed) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", png);
        byte[] bytes = png.toByteArray();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        switch (chunk) {
            case "zTXt" -> data.writeBytes(new byte[]{'C', 'o', 'm', 'm', 'e', 'n', 't', 0, 0});
            case "iTXt" -> data.writeBytes(new byte[]{'C', 'o', 'm', 'm', 'e', 'n', 't', 0, 1, 0, 0, 0});
            case "iCCP" -> data.writeBytes(new byte[]{'i', 'c', 'c', 0, 0});
            default -> throw new IllegalArgumentException(chunk);
        }
        data.writeBytes(compressed);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.write(bytes, 0, 33); // signature and IHDR: the chunk goes before IDAT, where iCCP must be
        o.writeBytes(pngChunk(chunk, data.toByteArray()));
        o.write(bytes, 33, bytes.length - 33);
        return Files.write(out, o.toByteArray());
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue());
        return b.array();
    }
}
