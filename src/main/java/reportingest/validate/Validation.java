package reportingest.validate;

import reportingest.reconcile.ExtractedDocument;

import java.util.List;

/** What validation found: the document with flags, confidences, proposals and statuses, and every evaluated check. */
public record Validation(ExtractedDocument document, List<Outcome> outcomes) {
    public Validation {
        outcomes = List.copyOf(outcomes);
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.holds()).toList();
    }
}
