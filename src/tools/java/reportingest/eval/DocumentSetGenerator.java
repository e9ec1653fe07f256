package reportingest.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Writes a fresh set of documents with their truth, for {@code bin/eval --generate}. The generator
 * is test code (src/test/java/reportingest/fixtures, which imports nothing from the pipeline, so its
 * truth stays independent of the code under test); bin/eval puts the test classes on the class path
 * and the implementation is found through {@link ServiceLoader}, so the main code never depends on
 * test code.
 */
public interface DocumentSetGenerator {

    /** Where a generated set's inputs and truth are, and what it is (documents, seed, variants). */
    record GeneratedSet(Path inputs, Path truth, String description) {}

    /**
     * @param out       an empty folder to write into
     * @param documents how many documents (each in every layout variant)
     * @param seed      the random seed; the same seed gives the same set
     * @param reference the code lists the documents draw subjects from (../shared/reference)
     */
    GeneratedSet generate(Path out, int documents, long seed, Path reference) throws IOException;

    static Optional<DocumentSetGenerator> find() {
        return ServiceLoader.load(DocumentSetGenerator.class).findFirst();
    }
}
