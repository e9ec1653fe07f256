package reportingest.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class IngestConfigTest {
    @Test
    void httpBindsLoopbackUnlessTheEnvironmentSaysOtherwise() {
        assertThat(IngestConfig.load(Map.of(), new Properties()).host()).isEqualTo("127.0.0.1");
        assertThat(IngestConfig.load(Map.of("INGEST_BIND", "0.0.0.0"), new Properties()).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void theDatabaseAccountComesFromTheEnvironmentWhenSet() {
        IngestConfig c = IngestConfig.load(Map.of("INGEST_JDBC_URL", "jdbc:postgresql://db/ingest",
                "INGEST_JDBC_USER", "ingest", "INGEST_JDBC_PASSWORD", "s3cret"), new Properties());
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db/ingest");
        assertThat(c.jdbcUser()).isEqualTo("ingest");
        assertThat(c.jdbcPassword()).isEqualTo("s3cret");
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("ingest.host", "127.0.0.2");
        assertThat(IngestConfig.load(Map.of("INGEST_BIND", "0.0.0.0"), system).host()).isEqualTo("127.0.0.2");
    }

    @Test
    void withBothEnginesPpOcrReadsOnlyWhatTesseractIsUnsureOfUnlessAllIsSet() {
        // doubtful is the default (issue #19: all took 2 GB on a 200-page scan and twice the CPU, for the same readings)
        assertThat(IngestConfig.load(Map.of(), new Properties()).ocrSecondReadingDoubtfulOnly()).isTrue();
        assertThat(IngestConfig.withOverrides(Map.of("ingest.ocr.second-reading", "all")).ocrSecondReadingDoubtfulOnly()).isFalse();
    }
}
