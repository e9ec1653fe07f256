package reportingest.eval.books;

import reportingest.reconcile.BookFigureName;
import reportingest.reconcile.NarrativeFact;
import reportingest.validate.Outcome;

import java.util.List;

/**
 * A book's 说明 figures (scope {@link BookFigureName#SCOPE}: "X决算数为N万元" under its numbered lines) as read, and the
 * checks of them against the cells they name ({@code narr/book/…}), each holding or not.
 */
public record BookFigures(List<NarrativeFact> read, List<Outcome> checks) {
    public static BookFigures of(BookPipeline.Read book) {
        return new BookFigures(book.document().facts().stream().filter(f -> BookFigureName.SCOPE.equals(f.scope())).toList(),
                book.validation().outcomes().stream().filter(o -> o.check().id().startsWith("narr/book/")).toList());
    }

    public int holding() {
        return (int) checks.stream().filter(Outcome::holds).count();
    }
}
