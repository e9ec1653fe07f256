package reportingest.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layouts and encodings the seeds do not have, through the real service: the same cells come out,
 * so the reconciliation is tied to the forms, not to five files.
 */
class EvalOverLayoutVariantsTest {
    @TempDir
    Path inputs;

    @Test
    void crlfGb18030AndSpaceSeparatedCopiesOfTheSeedsGiveTheSameCells() throws Exception {
        String seed001 = Files.readString(Path.of("fixtures/seeds/001_a8898a713e576bc4.txt"));
        String seed004 = Files.readString(Path.of("fixtures/seeds/004_d2f5081e5b89099b.txt"));
        // Windows line endings in the Chinese national encoding, as older OCR tools write them
        Files.write(inputs.resolve("001_a8898a713e576bc4.crlf-gb18030.txt"),
                seed001.replace("\n", "\r\n").getBytes(Charset.forName("GB18030")));
        // cells separated by runs of spaces instead of tabs
        Files.write(inputs.resolve("004_d2f5081e5b89099b.spaces.txt"),
                seed004.replace("\t", "  ").getBytes(StandardCharsets.UTF_8));

        EvalRun.Result result = EvalRun.run(inputs, Path.of("fixtures/truth"), true);
        EvalCounts total = result.report().total();

        assertThat(total.documents()).isEqualTo(2);
        assertThat(total.tablesFound()).isEqualTo(total.tablesExpected());
        assertThat(total.cellsExpected()).isPositive();
        assertThat(total.cellsCorrect()).isEqualTo(total.cellsExpected());
        assertThat(total.cellsWrongUnflagged()).isZero();
    }
}
