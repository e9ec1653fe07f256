package reportingest.chaos;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files archive staff drop by mistake, made on the fly. */
public final class BadInputs {
    private BadInputs() {}

    /** A Word document (.docx container) whatever its name says. */
    public static byte[] docx() throws IOException {
        return zip(Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "</Types>",
                "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                        + "</Relationships>",
                "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>收入决算表</w:t></w:r></w:p></w:body></w:document>"));
    }

    public static byte[] zipArchive() throws IOException {
        return zip(Map.of("report.txt", "收入支出决算总表\n"));
    }

    /** Starts like a PDF, then nothing a PDF reader can use. */
    public static byte[] corruptPdf() {
        byte[] junk = new byte[4000];
        new java.util.Random(7).nextBytes(junk);
        byte[] head = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + junk.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(junk, 0, out, head.length, junk.length);
        return out;
    }

    /** A TIFF header whose first directory promises strips that are not there. */
    public static byte[] corruptTiff() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 2 + 8 * 12 + 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        short[][] entries = {{256, 3, 1, 64}, {257, 3, 1, 64}, {258, 3, 1, 8}, {259, 3, 1, 1},
                {262, 3, 1, 1}, {277, 3, 1, 1}, {278, 3, 1, 64}, {273, 4, 0, 0}};
        b.putShort((short) entries.length);
        for (short[] e : entries) {
            b.putShort(e[0]).putShort(e[1]).putInt(e[2]);
            if (e[1] == 3) b.putShort(e[3]).putShort((short) 0); else b.putInt(e[3]);
        }
        b.putInt(0);
        return b.array();
    }

    /** A real PDF that needs a password to open. */
    public static byte[] encryptedPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new java.util.TreeMap<>(entries).keySet()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
