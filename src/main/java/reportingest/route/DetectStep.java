package reportingest.route;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reportingest.detect.DetectedFile;
import reportingest.detect.DocumentKind;
import reportingest.detect.TypeDetector;

/** Pipeline step "detect": decides what the file is ({@link TypeDetector}) or refuses it. */
public final class DetectStep {
    private static final Logger log = LoggerFactory.getLogger(DetectStep.class);

    private final TypeDetector detector;

    public DetectStep(TypeDetector detector) {
        this.detector = detector;
    }

    public IngestJob detect(IngestJob job) {
        long t0 = System.nanoTime();
        DetectedFile detected = detector.detect(job.path(), job.fileName());
        StageEvent.info(log, job.fileName(), job.documentId(), "detect", "ok", t0)
                .log("'{}' (document {}) is {}", job.fileName(), job.documentId(), describe(detected));
        return job.withDetected(detected);
    }

    private static String describe(DetectedFile f) {
        return f.kind() == DocumentKind.TEXT ? "text (" + f.charset().name() + ")" : f.kind().name();
    }
}
