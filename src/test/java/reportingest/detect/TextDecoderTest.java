package reportingest.detect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reportingest.detect.IngestFailure;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextDecoderTest {
    static final String TEXT = "收入支出决算总表\n单位：万元\n本年收入合计\t１,２３４.５０\n";
    @TempDir
    Path dir;

    @Test
    void utf8TextIsReadAsUtf8() throws Exception {
        assertThat(charsetOf(TEXT.getBytes(StandardCharsets.UTF_8))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkAndGb18030TextIsReadAsGb18030() throws Exception {
        assertThat(charsetOf(TEXT.getBytes("GBK"))).isEqualTo(Charset.forName("GB18030"));
        assertThat(charsetOf(TEXT.getBytes("GB18030"))).isEqualTo(Charset.forName("GB18030"));
    }

    @Test
    void byteOrderMarkDecidesTheEncoding() throws Exception {
        byte[] utf16 = ("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE);
        assertThat(charsetOf(utf16)).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefusedWithAReason() throws Exception {
        byte[] bad = {(byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFF, (byte) 0x80};
        assertThatThrownBy(() -> charsetOf(bad)).isInstanceOf(IngestFailure.class)
                .satisfies(e -> assertThat(((IngestFailure) e).code()).isEqualTo("UNKNOWN_ENCODING"));
    }

    private Charset charsetOf(byte[] bytes) throws Exception {
        Path f = Files.write(dir.resolve("t" + System.nanoTime() + ".txt"), bytes);
        return new TextDecoder().charsetOf(f);
    }
}
