package reportingest.detect;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the encoding of an OCR'd text report: a byte-order mark wins; otherwise the first of
 * UTF-8 and GB18030 (a superset of GBK and GB2312) that decodes the whole file without error.
 * UTF-8 goes first because GB18030 accepts almost any byte sequence.
 */
final class TextDecoder {
    private static final List<Charset> CANDIDATES = List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"));

    Charset charsetOf(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IngestFailure("UNREADABLE", "The text file could not be read from the inbox.",
                    "Check the file and drop it into the inbox again.", e);
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return StandardCharsets.UTF_8;
        if (startsWith(bytes, 0xFF, 0xFE)) return StandardCharsets.UTF_16LE;
        if (startsWith(bytes, 0xFE, 0xFF)) return StandardCharsets.UTF_16BE;
        for (Charset cs : CANDIDATES) {
            if (decodesCleanly(bytes, cs)) return cs;
        }
        throw new IngestFailure("UNKNOWN_ENCODING",
                "The text file is in neither UTF-8 nor GB18030/GBK, so its characters cannot be read reliably.",
                "Save the text as UTF-8 and drop it into the inbox again.");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
        return true;
    }

    private static boolean decodesCleanly(byte[] bytes, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
