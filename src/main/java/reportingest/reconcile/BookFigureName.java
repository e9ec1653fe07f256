package reportingest.reconcile;

import java.util.Arrays;
import java.util.List;

/**
 * How a figure of a government book's 说明 is named in {@link NarrativeFact#figure()}: the labels of the numbered
 * sentences it stands under and its own ({@code 一般公共服务支出/人大事务/行政运行}), then the column word the sentence
 * prints ({@code 决算数}): {@code 一般公共服务支出/人大事务/行政运行.决算数}. The path keeps 行政运行 under 人大事务 apart from
 * 行政运行 under 政协事务, so the same name is the same figure.
 */
public record BookFigureName(List<String> path, String column) {
    /** The scope of these figures: the 说明 a book prints beside a table (说明二（之一） explains 表二（之一）). */
    public static final String SCOPE = "表说明";

    public BookFigureName {
        path = List.copyOf(path);
    }

    public String figure() {
        return String.join("/", path) + "." + column;
    }

    /** The row label the sentence names (the path's last). */
    public String label() {
        return path.get(path.size() - 1);
    }

    /** Null for a figure not named this way. */
    public static BookFigureName parse(String figure) {
        int dot = figure == null ? -1 : figure.lastIndexOf('.');
        if (dot <= 0 || dot == figure.length() - 1) return null;
        return new BookFigureName(Arrays.asList(figure.substring(0, dot).split("/")), figure.substring(dot + 1));
    }
}
