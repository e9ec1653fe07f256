package reportingest.support;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files that carry XML with external entities ({@link XxeCanary}) where the formats the service meets keep
 * XML: XMP metadata (PDF catalog, page and image; TIFF tag 700; PNG iTXt; JPEG APP1), a PDF's XFA form,
 * Office and OpenDocument containers, and XML, SVG, XHTML and XFA (XDP) files under names of formats the
 * service reads. Made on the fly in a test's folder; nothing is committed.
 */
public final class XxeInputs {
    private final XxeCanary canary;
    private final Path dir;

    public XxeInputs(XxeCanary canary, Path dir) throws IOException {
        this.canary = canary;
        this.dir = Files.createDirectories(dir);
    }

    /** An XMP packet whose title is the entities. */
    public String xmp() {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + canary.doctype("x:xmpmeta")
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + canary.references() + "</rdf:li></rdf:Alt></dc:title>"
                + "<pdf:Producer>" + canary.references() + "</pdf:Producer>"
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    /** An XFA form (XDP) with the entities in its template and data. */
    public String xdp() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + canary.doctype("xdp:xdp")
                + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">"
                + "<template xmlns=\"http://www.xfa.org/schema/xfa-template/3.3/\"><subform name=\"form1\"><field name=\"f\">"
                + "<value><text>" + canary.references() + "</text></value></field></subform></template>"
                + "<xfa:datasets xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\"><xfa:data><form1><f>"
                + canary.references() + "</f></form1></xfa:data></xfa:datasets></xdp:xdp>";
    }

    private String xml(String root, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + canary.doctype(root) + body;
    }

    /**
     * A two-page PDF: page 1 has a text layer, page 2 is one full-page image (a scan). The catalog, page 1
     * and the image carry the XMP packet as /Metadata, and the AcroForm an XFA stream.
     */
    public Path pdfWithXmpAndXfa(String name) throws IOException {
        Path out = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
            PDPage text = new PDPage(PDRectangle.A4);
            doc.addPage(text);
            try (PDPageContentStream cs = new PDPageContentStream(doc, text)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                cs.newLineAtOffset(72, 760);
                cs.showText("Income and expenditure 2024 total 1,196.83");
                cs.endText();
            }
            doc.getDocumentCatalog().setMetadata(metadata(doc, xmp));
            text.setMetadata(metadata(doc, xmp));

            PDPage scan = new PDPage(PDRectangle.A4);
            doc.addPage(scan);
            PDImageXObject image = LosslessFactory.createFromImage(doc, page("Scanned page 2024", 595, 842));
            image.getCOSObject().setItem(COSName.METADATA, metadata(doc, xmp));
            try (PDPageContentStream cs = new PDPageContentStream(doc, scan)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }

            PDAcroForm form = new PDAcroForm(doc);
            COSStream xfa = doc.getDocument().createCOSStream();
            try (OutputStream os = xfa.createOutputStream()) {
                os.write(xdp().getBytes(StandardCharsets.UTF_8));
            }
            form.getCOSObject().setItem(COSName.getPDFName("XFA"), xfa);
            doc.getDocumentCatalog().setAcroForm(form);
            doc.save(out.toFile());
        }
        return out;
    }

    private static PDMetadata metadata(PDDocument doc, byte[] xmp) throws IOException {
        PDMetadata md = new PDMetadata(doc);
        md.importXMPMetadata(xmp);
        return md;
    }

    /** A grey page image with a line of text, for the image formats. */
    public static BufferedImage page(String line, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, h / 40)));
        g.drawString(line, w / 10, h / 8);
        g.dispose();
        return img;
    }

    /**
     * An uncompressed 8-bit grey TIFF written byte by byte (300 dpi), whose XMP tag (700) holds the packet.
     */
    public Path tiffWithXmp(String name) throws IOException {
        BufferedImage img = page("Scan 2024 total 456.78", 600, 300);
        int w = img.getWidth(), h = img.getHeight();
        byte[] pixels = new byte[w * h];
        img.getRaster().getDataElements(0, 0, w, h, pixels);
        byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
        int entries = 13;
        int ifd = 8, ifdSize = 2 + entries * 12 + 4;
        int res = ifd + ifdSize, xmpAt = res + 16, pixelsAt = xmpAt + xmp.length + (xmp.length & 1);
        ByteBuffer b = ByteBuffer.allocate(pixelsAt + pixels.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
        b.putShort((short) entries);
        tag(b, 256, 3, 1, w);
        tag(b, 257, 3, 1, h);
        tag(b, 258, 3, 1, 8);
        tag(b, 259, 3, 1, 1);
        tag(b, 262, 3, 1, 1);
        tag(b, 273, 4, 1, pixelsAt);
        tag(b, 277, 3, 1, 1);
        tag(b, 278, 3, 1, h);
        tag(b, 279, 4, 1, pixels.length);
        tag(b, 282, 5, 1, res);
        tag(b, 283, 5, 1, res + 8);
        tag(b, 296, 3, 1, 2);
        tag(b, 700, 1, xmp.length, xmpAt);
        b.putInt(0);
        b.putInt(300).putInt(1).putInt(300).putInt(1);
        b.put(xmp);
        if ((xmp.length & 1) == 1) b.put((byte) 0);
        b.put(pixels);
        return Files.write(dir.resolve(name), b.array());
    }

    private static void tag(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
        else b.putInt(value);
    }

    /** A PNG with the packet in an iTXt chunk keyed XML:com.adobe.xmp (where Adobe's tools put XMP). */
    public Path pngWithXmp(String name) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page("Scan 2024 total 456.78", 600, 300), "png", png);
        byte[] bytes = png.toByteArray();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[]{0, 0, 0, 0, 0}); // keyword end, not compressed, method, no language, no translated keyword
        data.writeBytes(xmp().getBytes(StandardCharsets.UTF_8));
        byte[] chunk = chunk("iTXt", data.toByteArray());
        int iend = bytes.length - 12; // IEND is the last chunk: length(4) type(4) crc(4)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, iend);
        out.writeBytes(chunk);
        out.write(bytes, iend, 12);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt(data.length).put(t).put(data).putInt((int) crc.getValue());
        return b.array();
    }

    /** A JPEG with the packet in an APP1 segment (http://ns.adobe.com/xap/1.0/), where cameras and editors put it. */
    public Path jpegWithXmp(String name) throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(page("Scan 2024 total 456.78", 600, 300), "jpeg", jpeg);
        byte[] bytes = jpeg.toByteArray();
        byte[] head = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xmp = xmp().getBytes(StandardCharsets.UTF_8);
        int length = 2 + head.length + xmp.length;
        // after SOI and the JFIF APP0 segment, which must come first
        int at = 2;
        if ((bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0xE0) at = 4 + (((bytes[4] & 0xFF) << 8) | (bytes[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(head);
        out.writeBytes(xmp);
        out.write(bytes, at, bytes.length - at);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    /** XML files under the names of formats the service reads (or plain XML names), by file name. */
    public Map<String, Path> xmlFiles() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("report-xml.pdf", xml("report", "<report><title>" + canary.references() + "</title></report>"));
        files.put("report.xml", xml("report", "<report><title>" + canary.references() + "</title></report>"));
        files.put("scan-svg.png", xml("svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\"><text x=\"5\" y=\"20\">"
                + canary.references() + "</text></svg>"));
        files.put("report-xhtml.txt", xml("html", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>"
                + canary.references() + "</title></head><body><p>收入决算表 " + canary.references() + "</p></body></html>"));
        files.put("form-xdp.pdf", xdp());
        files.put("metadata.xmp", xmp());
        files.put("scan-xmp.tif", xmp());
        Map<String, Path> out = new LinkedHashMap<>();
        for (var e : files.entrySet()) out.put(e.getKey(), Files.writeString(dir.resolve(e.getKey()), e.getValue()));
        return out;
    }

    /** Word, Excel and OpenDocument containers whose every XML part declares the entities, under .pdf names. */
    public Map<String, Path> officeFiles() throws IOException {
        String types = xml("Types", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "</Types>");
        Map<String, Path> out = new LinkedHashMap<>();
        out.put("word-docx.pdf", zip("word-docx.pdf", Map.of(
                "[Content_Types].xml", types,
                "_rels/.rels", rels("word/document.xml"),
                "word/document.xml", xml("w:document", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                        + "<w:body><w:p><w:r><w:t>" + canary.references() + "</w:t></w:r></w:p></w:body></w:document>"))));
        out.put("excel-xlsx.pdf", zip("excel-xlsx.pdf", Map.of(
                "[Content_Types].xml", types,
                "_rels/.rels", rels("xl/workbook.xml"),
                "xl/workbook.xml", xml("workbook", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<sheets><sheet name=\"" + "s" + "\" sheetId=\"1\"/></sheets><definedNames><definedName name=\"n\">"
                        + canary.references() + "</definedName></definedNames></workbook>"))));
        out.put("writer-odt.pdf", zip("writer-odt.pdf", Map.of(
                "mimetype", "application/vnd.oasis.opendocument.text",
                "META-INF/manifest.xml", xml("manifest:manifest", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                        + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"),
                "content.xml", xml("office:document-content", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text><text:p>"
                        + canary.references() + "</text:p></office:text></office:body></office:document-content>"))));
        return out;
    }

    private String rels(String target) {
        return xml("Relationships", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\""
                + target + "\"/></Relationships>");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // mimetype first, as OpenDocument requires; the rest in a stable order
            Map<String, String> ordered = new LinkedHashMap<>();
            if (entries.containsKey("mimetype")) ordered.put("mimetype", entries.get("mimetype"));
            new java.util.TreeMap<>(entries).forEach(ordered::putIfAbsent);
            for (var e : ordered.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    /** Internal entities nested ten deep, ten to a level: 10^10 "lol"s if expanded (no external access). */
    public Path billionLaughs(String name) throws IOException {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 10; i++) {
            s.append(" <!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) s.append("&lol").append(i - 1).append(';');
            s.append("\">\n");
        }
        s.append("]>\n<lolz>&lol10;</lolz>\n");
        return Files.writeString(dir.resolve(name), s);
    }
}
