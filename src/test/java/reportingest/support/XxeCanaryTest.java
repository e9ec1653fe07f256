package reportingest.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XXE tests' bait can fail them: the JDK's own DOM parser at its defaults (which resolve external
 * entities) reads the canary file, calls the trap, and puts both tokens in the text it returns.
 */
class XxeCanaryTest {
    @TempDir
    Path dir;

    @Test
    void aParserThatResolvesExternalEntitiesIsSeenReadingTheCanaryAndCallingTheTrap() throws Exception {
        try (XxeCanary canary = XxeCanary.plant(dir)) {
            String xml = "<?xml version=\"1.0\"?>\n" + canary.doctype("r") + "<r>" + canary.references() + "</r>";

            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

            String text = doc.getDocumentElement().getTextContent();
            assertThat(canary.tokens()).allSatisfy(token -> assertThat(text).contains(token));
            assertThat(canary.requests()).contains("/entity", "/parameter-entity.dtd", "/external-subset.dtd");
            assertThat(canary.canaryReads()).isNotEmpty();
        }
    }
}
