package reportingest.chaos;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * The bad inputs archive staff drop, made on the fly (never committed): broken, hostile, huge, oddly named,
 * and entries that are not files at all. Each says where it must end and with which codes.
 */
public final class HostileCases {
    /** Where a case must end: ARCHIVE (processed), FAILED (with an error file), EITHER, or STAYS in the inbox by design. */
    public enum Folder { ARCHIVE, FAILED, EITHER, STAYS }

    /**
     * @param name     the name it is dropped under (what the clerk sees)
     * @param codes    acceptable failure codes when it fails (empty: it must not fail)
     * @param plant    puts it into the inbox
     * @param check    an extra check after it was placed: null when fine, else what is wrong
     */
    public record Case(String label, String name, Folder folder, Set<String> codes, Planter plant, Check check) {}

    @FunctionalInterface
    public interface Planter {
        void plant(Path inbox, Path scratch) throws Exception;
    }

    @FunctionalInterface
    public interface Check {
        String problem(Seen seen) throws Exception;
    }

    /** What a check looks at: the home, the scratch folder beside it, and all the service said of the file (export, log). */
    public record Seen(Path home, Path scratch, String exportJson, String serviceLog) {}

    private final Path seedText;
    private final Path goodPdf;
    private final long hugeTextBytes;

    /**
     * @param seedText      a text report (one of the seeds); variants get a marker line so each is new content
     * @param goodPdf       a small born-digital report PDF to break in various ways
     * @param hugeTextBytes size of the "huge text" case (200 MB in the full run)
     */
    public HostileCases(Path seedText, Path goodPdf, long hugeTextBytes) {
        this.seedText = seedText;
        this.goodPdf = goodPdf;
        this.hugeTextBytes = hugeTextBytes;
    }

    public List<Case> all() throws IOException {
        List<Case> c = new ArrayList<>();
        c.add(bytes("empty file", "empty.pdf", Folder.FAILED, Set.of("EMPTY_FILE"), new byte[0]));
        c.add(bytes("1-byte PDF", "one-byte.pdf", Folder.FAILED, Set.of("CORRUPT", "UNSUPPORTED_TYPE"), new byte[]{'%'}));
        c.add(lazy("truncated PDF", "truncated.pdf", Folder.EITHER, Set.of("CORRUPT", "NO_CONTENT_FOUND"),
                () -> Arrays.copyOf(pdf(), pdf().length / 2)));
        c.add(lazy("garbage after %%EOF", "trailing-garbage.pdf", Folder.ARCHIVE, Set.of(), () -> concat(pdf(), random(5000, 1))));
        c.add(lazy("broken xref (repairable)", "broken-xref.pdf", Folder.ARCHIVE, Set.of(), this::brokenXref));
        c.add(bytesOf("encrypted PDF (user password)", "locked.pdf", Folder.FAILED, Set.of("ENCRYPTED"), BadInputs::encryptedPdf));
        c.add(lazy("owner-password-only PDF", "owner-only.pdf", Folder.ARCHIVE, Set.of(), this::ownerOnly));
        c.add(lazy("2,000 blank pages", "blank-2000.pdf", Folder.FAILED, Set.of("TOO_MANY_PAGES"), () -> blankPages(2000)));
        c.add(lazy("PDF with JavaScript and an embedded file", "scripted.pdf", Folder.ARCHIVE, Set.of(), this::scripted));
        c.add(xxe());
        c.add(lazy("Flate stream inflating to 1 GB", "flate-bomb.pdf", Folder.FAILED,
                Set.of("EXPANDS_TOO_LARGE"), () -> flateBomb(1L << 30)));
        c.add(planted("PNG of 30000 x 30000 px, a few KB", "huge-scan.png", Folder.EITHER, Set.of("PAGE_TOO_LARGE", "NO_CONTENT_FOUND"),
                (inbox, scratch) -> writeInto(inbox, "huge-scan.png", out -> bilevelPng(out, 30000, 30000))));
        c.add(bytesOf("TIFF claiming 10^9 pixels", "claims-a-gigapixel.tif", Folder.FAILED,
                Set.of("PAGE_TOO_LARGE", "CORRUPT"), () -> tiffClaiming(40000, 25000)));
        c.add(bytesOf("corrupt TIFF", "broken-scan.tif", Folder.FAILED, Set.of("CORRUPT"), BadInputs::corruptTiff));
        c.add(lazy("JPEG named .pdf", "photo-of-a-page.pdf", Folder.ARCHIVE, Set.of(), this::jpegPage));
        c.add(bytesOf("zip renamed .pdf", "reports.pdf", Folder.FAILED, Set.of("UNSUPPORTED_TYPE"), BadInputs::zipArchive));
        c.add(bytes("random bytes named .tif", "noise.tif", Folder.FAILED, Set.of("CORRUPT", "UNSUPPORTED_TYPE"), random(20000, 2)));
        c.add(lazy("UTF-16 text", "utf16.txt", Folder.ARCHIVE, Set.of(), () -> text("UTF-16").getBytes(StandardCharsets.UTF_16)));
        c.add(lazy("GB18030 text", "gb18030.txt", Folder.ARCHIVE, Set.of(), () -> text("GB18030").getBytes("GB18030")));
        c.add(bytes("binary named .txt", "binary.txt", Folder.FAILED, Set.of("UNSUPPORTED_TYPE", "UNKNOWN_ENCODING", "CORRUPT"),
                random(30000, 3)));
        c.add(planted("text file of " + (hugeTextBytes >> 20) + " MB", "huge.txt", Folder.FAILED, Set.of("TOO_LARGE"),
                (inbox, scratch) -> writeInto(inbox, "huge.txt", out -> repeatText(out, hugeTextBytes))));
        for (Map.Entry<String, String> n : Map.of(
                "name with spaces", "部门 决算 2023 final.txt",
                "Chinese name", "沅江市医疗保障局2023年度部门决算.txt",
                "name with quotes", "report \"final\" 'v2'.txt",
                "name with a newline", "two\nlines.txt",
                "name with a leading dash", "-rf report.txt",
                "name of 250 bytes", "决".repeat(81) + "a.txt").entrySet()) {
            c.add(lazy(n.getKey(), n.getValue(), Folder.ARCHIVE, Set.of(), () -> text(n.getKey()).getBytes(StandardCharsets.UTF_8)));
        }
        c.add(bytes("name with a backslash", "2023\\决算.txt", Folder.FAILED, Set.of("NAME_NOT_SUPPORTED"),
                text("backslash").getBytes(StandardCharsets.UTF_8)));
        c.add(symlinkToFile());
        c.add(symlinkToDirectory());
        c.add(planted("FIFO", "pipe.pdf", Folder.FAILED, Set.of("NOT_A_FILE"),
                (inbox, scratch) -> require(run("mkfifo", inbox.resolve("pipe.pdf").toString()), "mkfifo")));
        c.add(planted("device node", "device.tif", Folder.FAILED, Set.of("NOT_A_FILE"),
                (inbox, scratch) -> require(run("mknod", inbox.resolve("device.tif").toString(), "c", "1", "3"), "mknod (needs root)")));
        c.add(subFolder());
        c.add(stillBeingWritten());
        c.add(sameFileTwice());
        c.add(sidecarNameTaken());
        return c;
    }

    // ---- cases that need more than bytes

    private Case xxe() {
        String name = "xmp-xxe.pdf";
        return new Case("XMP with an XXE entity", name, Folder.ARCHIVE, Set.of(), (inbox, scratch) -> {
            Path canary = scratch.resolve("canary.txt");
            Files.writeString(canary, "CANARY-" + Long.toHexString(new Random().nextLong()));
            byte[] b = withDocument(doc -> {
                String xmp = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + canary.toUri() + "\">]>"
                        + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                        + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">&xxe;</rdf:li></rdf:Alt></dc:title>"
                        + "</rdf:Description></rdf:RDF></x:xmpmeta>";
                PDMetadata md = new PDMetadata(doc, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
                doc.getDocumentCatalog().setMetadata(md);
            });
            writeAtomically(inbox, name, b, scratch);
        }, seen -> {
            String secret = Files.readString(seen.scratch().resolve("canary.txt"));
            return seen.exportJson().contains(secret) || seen.serviceLog().contains(secret)
                    ? "the entity was resolved: the canary file's text reached the service's output" : null;
        });
    }

    private Case symlinkToFile() {
        String name = "passwd.txt";
        return new Case("symlink to a file outside the inbox", name, Folder.FAILED, Set.of("SYMLINK"), (inbox, scratch) -> {
            Path target = scratch.resolve("outside-target.txt");
            Files.writeString(target, "secret outside the inbox\n");
            Files.createSymbolicLink(inbox.resolve(name), target);
        }, seen -> {
            Path target = seen.scratch().resolve("outside-target.txt");
            if (!Files.readString(target).equals("secret outside the inbox\n")) return "the link's target changed";
            return seen.exportJson().contains("secret outside") ? "the link's target was read" : null;
        });
    }

    private Case symlinkToDirectory() {
        String name = "folder-link";
        return new Case("symlink to a directory", name, Folder.FAILED, Set.of("SYMLINK"), (inbox, scratch) -> {
            Path dir = Files.createDirectories(scratch.resolve("outside-dir"));
            Files.writeString(dir.resolve("inside.txt"), "untouched\n");
            Files.createSymbolicLink(inbox.resolve(name), dir);
        }, seen -> Files.exists(seen.scratch().resolve("outside-dir/inside.txt")) ? null : "a file in the linked directory was moved");
    }

    private Case subFolder() {
        String name = "sub-folder";
        return new Case("sub-folder with files (documented: left alone)", name, Folder.STAYS, Set.of(), (inbox, scratch) -> {
            Path dir = Files.createDirectories(inbox.resolve(name));
            Files.write(dir.resolve("inner.txt"), text("sub-folder").getBytes(StandardCharsets.UTF_8));
        }, seen -> Files.exists(seen.home().resolve("inbox").resolve(name).resolve("inner.txt")) ? null : "the sub-folder's file moved");
    }

    private Case stillBeingWritten() {
        String name = "slow-copy.txt";
        return new Case("file still being written", name, Folder.ARCHIVE, Set.of(), (inbox, scratch) -> {
            byte[] content = text("slow copy").getBytes(StandardCharsets.UTF_8);
            // written in 8 pieces over about 2.5 s, straight into the inbox, as a slow network copy does
            try (OutputStream out = Files.newOutputStream(inbox.resolve(name))) {
                int piece = content.length / 8 + 1;
                for (int off = 0; off < content.length; off += piece) {
                    out.write(content, off, Math.min(piece, content.length - off));
                    out.flush();
                    Thread.sleep(300);
                }
            }
        }, null);
    }

    private Case sameFileTwice() {
        String name = "twice-b.txt";
        return new Case("the same file twice", name, Folder.ARCHIVE, Set.of(), (inbox, scratch) -> {
            byte[] content = text("dropped twice").getBytes(StandardCharsets.UTF_8);
            writeAtomically(inbox, "twice-a.txt", content, scratch);
            Thread.sleep(1500);
            writeAtomically(inbox, name, content, scratch);
        }, seen -> {
            // stored under a name that says it is a duplicate (twice-b.duplicate-of-<id>.txt), not as a name clash
            try (var archived = Files.list(seen.home().resolve("archive"))) {
                return archived.anyMatch(p -> p.getFileName().toString().matches("twice-b\\.duplicate-of-\\d+\\.txt"))
                        ? null : "the duplicate is not stored as twice-b.duplicate-of-<id>.txt";
            }
        });
    }

    private Case sidecarNameTaken() {
        String name = "taken.pdf";
        return new Case("a sidecar name already taken in failed/", name, Folder.FAILED, Set.of("CORRUPT"), (inbox, scratch) -> {
            Path failed = inbox.resolveSibling("failed");
            Files.writeString(failed.resolve(name + ".error.json"), "{\"left\":\"by someone else\"}\n");
            writeAtomically(inbox, name, BadInputs.corruptPdf(), scratch);
        }, seen -> Files.readString(seen.home().resolve("failed").resolve(name + ".error.json")).contains("by someone else")
                ? null : "the existing error file was overwritten");
    }

    // ---- helpers

    @FunctionalInterface
    interface Bytes {
        byte[] get() throws Exception;
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    interface DocumentEdit {
        void edit(PDDocument doc) throws IOException;
    }

    private static Case bytes(String label, String name, Folder folder, Set<String> codes, byte[] content) {
        return planted(label, name, folder, codes, (inbox, scratch) -> writeAtomically(inbox, name, content, scratch));
    }

    private static Case bytesOf(String label, String name, Folder folder, Set<String> codes, Bytes content) {
        return lazy(label, name, folder, codes, content);
    }

    private static Case lazy(String label, String name, Folder folder, Set<String> codes, Bytes content) {
        return planted(label, name, folder, codes, (inbox, scratch) -> writeAtomically(inbox, name, content.get(), scratch));
    }

    private static Case planted(String label, String name, Folder folder, Set<String> codes, Planter planter) {
        return new Case(label, name, folder, codes, planter, null);
    }

    /** Written beside the inbox, then renamed in: the service never sees a half-written file. */
    public static void writeAtomically(Path inbox, String name, byte[] content, Path scratch) throws IOException {
        Path tmp = Files.createTempFile(inbox.getParent(), ".staging-", ".part");
        Files.write(tmp, content);
        Files.move(tmp, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeInto(Path inbox, String name, Writer writer) throws IOException {
        Path tmp = Files.createTempFile(inbox.getParent(), ".staging-", ".part");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            writer.write(out);
        }
        Files.move(tmp, inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The seed report with a marker line, so each variant is content of its own. */
    public String text(String marker) throws IOException {
        return Files.readString(seedText) + "\n附：" + marker + "\n";
    }

    private byte[] pdfBytes;

    private byte[] pdf() throws IOException {
        if (pdfBytes == null) pdfBytes = Files.readAllBytes(goodPdf);
        return pdfBytes;
    }

    private byte[] withDocument(DocumentEdit edit) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.edit(doc);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The startxref offset points into nowhere: PDFBox rebuilds the cross-reference by scanning. */
    private byte[] brokenXref() throws IOException {
        String s = new String(pdf(), StandardCharsets.ISO_8859_1);
        int at = s.lastIndexOf("startxref");
        if (at < 0) throw new IOException("no startxref in " + goodPdf);
        String head = s.substring(0, at);
        return (head + "startxref\n" + (pdf().length / 3) + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] ownerOnly() throws IOException {
        return withDocument(doc -> {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner-secret", "", new AccessPermission());
            p.setEncryptionKeyLength(128);
            doc.protect(p);
        });
    }

    private byte[] scripted() throws IOException {
        return withDocument(doc -> {
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hello');"));
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile("payload.exe");
            spec.setEmbeddedFile(new PDEmbeddedFile(doc, new ByteArrayInputStream("MZ not really".getBytes(StandardCharsets.US_ASCII))));
            PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("payload.exe", spec));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
        });
    }

    private static byte[] blankPages(int n) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < n; i++) doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** One page whose content stream is {@code size} bytes of spaces, deflated to about a thousandth of that. */
    private static byte[] flateBomb(long size) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (long n = 0; n < size; n += spaces.length) d.write(spaces);
        }
        byte[] stream = z.toByteArray();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(pdf, "%PDF-1.7\n");
        offsets.add(pdf.size());
        write(pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets.add(pdf.size());
        write(pdf, "4 0 obj\n<< /Length " + stream.length + " /Filter /FlateDecode >>\nstream\n");
        pdf.write(stream);
        write(pdf, "\nendstream\nendobj\n");
        int xref = pdf.size();
        StringBuilder x = new StringBuilder("xref\n0 5\n0000000000 65535 f \n");
        for (int o : offsets) x.append(String.format("%010d 00000 n \n", o));
        x.append("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(pdf, x.toString());
        return pdf.toByteArray();
    }

    /** A 1-bit white PNG of any size, rows streamed through the deflater: a few KB on disk. */
    static void bilevelPng(OutputStream out, int width, int height) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        Arrays.fill(row, (byte) 0xFF);
        row[0] = 0;
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) z.write(row);
        }
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A TIFF header whose one strip of a few bytes claims a page of width x height 8-bit pixels. */
    private static byte[] tiffClaiming(int width, int height) {
        short[][] entries = {{256, 4, 1}, {257, 4, 1}, {258, 3, 1}, {259, 3, 1}, {262, 3, 1}, {273, 4, 1},
                {277, 3, 1}, {278, 4, 1}, {279, 4, 1}};
        int[] values = {width, height, 8, 1, 1, 0, 1, height, 64};
        int ifdSize = 2 + entries.length * 12 + 4;
        int dataAt = 8 + ifdSize;
        values[5] = dataAt;
        ByteBuffer b = ByteBuffer.allocate(dataAt + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries.length);
        for (int i = 0; i < entries.length; i++) {
            b.putShort(entries[i][0]).putShort(entries[i][1]).putInt(1);
            if (entries[i][1] == 3) b.putShort((short) values[i]).putShort((short) 0); else b.putInt(values[i]);
        }
        b.putInt(0);
        return b.array();
    }

    /** A photo of a page: a JPEG with a few lines of a report on it (whatever its name says). */
    private byte[] jpegPage() throws IOException {
        BufferedImage img = new BufferedImage(1240, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
        g.drawString("Annual report 2023", 80, 120);
        g.drawString("Total income 1,234.56", 80, 200);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    private void repeatText(OutputStream out, long size) throws IOException {
        byte[] block = text("huge").getBytes(StandardCharsets.UTF_8);
        for (long n = 0; n < size; n += block.length) out.write(block);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        return p.waitFor();
    }

    private static void require(int exit, String what) throws Skipped {
        if (exit != 0) throw new Skipped(what + " is not possible here");
    }

    /** A case this machine cannot make (no root for mknod): reported as skipped with the reason. */
    public static final class Skipped extends Exception {
        public Skipped(String reason) { super(reason); }
    }
}
