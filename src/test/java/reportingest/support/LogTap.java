package reportingest.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the service logs while the tap is open (logback's console appender writes to the current System.err), still
 * passed on to the real stderr. Lets a test count how often something was said.
 */
public final class LogTap implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    public LogTap() {
        OutputStream tee = new OutputStream() {
            @Override public void write(int b) {
                synchronized (captured) { captured.write(b); }
                original.write(b);
            }
            @Override public void write(byte[] b, int off, int len) {
                synchronized (captured) { captured.write(b, off, len); }
                original.write(b, off, len);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
    }

    public String text() {
        synchronized (captured) { return captured.toString(StandardCharsets.UTF_8); }
    }

    /** Lines containing the text. */
    public long lines(String containing) {
        return text().lines().filter(l -> l.contains(containing)).count();
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
