package reportingest.bench;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes an image-only PDF (a "scanned PDF") page by page straight to disk, so a 200-page file costs
 * the generator one page's memory: PDFBox would hold every page until save. Each page is one grey
 * 8-bit image, Flate-compressed, filling the page at the image's resolution, so the service renders
 * back exactly the pixels the raw engine reads.
 */
final class ImagePdfWriter implements AutoCloseable {
    /** A page image compressed once, to be written any number of times. */
    record EncodedPage(int width, int height, int dpi, byte[] flate) {
        static EncodedPage of(BufferedImage gray, int dpi) throws IOException {
            var raster = gray.getRaster();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(bytes)) {
                int[] row = new int[gray.getWidth()];
                byte[] out = new byte[row.length];
                for (int y = 0; y < gray.getHeight(); y++) {
                    raster.getSamples(0, y, row.length, 1, 0, row);
                    for (int x = 0; x < row.length; x++) out[x] = (byte) row[x];
                    z.write(out);
                }
            }
            return new EncodedPage(gray.getWidth(), gray.getHeight(), dpi, bytes.toByteArray());
        }
    }

    private static final int CATALOG = 1;
    private static final int PAGES = 2;

    private final OutputStream out;
    private final List<Long> offsets = new ArrayList<>(); // by object number - 1
    private final List<Integer> pageObjects = new ArrayList<>();
    private long position;

    ImagePdfWriter(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        offsets.add(0L);
        offsets.add(0L); // catalog and page tree come last, once every page is known
        write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    void add(EncodedPage page) throws IOException {
        float w = page.width() * 72f / page.dpi();
        float h = page.height() * 72f / page.dpi();
        int image = begin();
        write(ascii("<< /Type /XObject /Subtype /Image /Width " + page.width() + " /Height " + page.height()
                + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length " + page.flate().length
                + " >>\nstream\n"));
        write(page.flate());
        end("\nendstream");
        byte[] draw = ascii("q " + w + " 0 0 " + h + " 0 0 cm /Im0 Do Q\n");
        int content = begin();
        write(ascii("<< /Length " + draw.length + " >>\nstream\n"));
        write(draw);
        end("endstream");
        int pageObject = begin();
        write(ascii("<< /Type /Page /Parent " + PAGES + " 0 R /MediaBox [0 0 " + w + " " + h + "] /Resources << /XObject << /Im0 "
                + image + " 0 R >> >> /Contents " + content + " 0 R >>"));
        end("");
        pageObjects.add(pageObject);
    }

    @Override
    public void close() throws IOException {
        StringBuilder kids = new StringBuilder();
        for (int p : pageObjects) kids.append(p).append(" 0 R ");
        object(PAGES, "<< /Type /Pages /Kids [" + kids + "] /Count " + pageObjects.size() + " >>");
        object(CATALOG, "<< /Type /Catalog /Pages " + PAGES + " 0 R >>");
        long xref = position;
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (long o : offsets) table.append(String.format("%010d 00000 n \n", o));
        table.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root ").append(CATALOG)
                .append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(ascii(table.toString()));
        out.close();
    }

    private int begin() throws IOException {
        offsets.add(position);
        int number = offsets.size();
        write(ascii(number + " 0 obj\n"));
        return number;
    }

    private void object(int number, String body) throws IOException {
        offsets.set(number - 1, position);
        write(ascii(number + " 0 obj\n" + body + "\nendobj\n"));
    }

    private void end(String tail) throws IOException {
        write(ascii(tail + "\nendobj\n"));
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        position += b.length;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
