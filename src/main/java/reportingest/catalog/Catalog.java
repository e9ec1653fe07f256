package reportingest.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The schema catalog, loaded from {@code catalog/schemas.json}. Adding a schema or an alias is an
 * edit of that file only. Title lookup ignores layout whitespace, full-width/half-width
 * differences, quote marks, and decorations printed around titles (bullets, ordinals, form
 * numbers, year prefixes, PDF bookmarks).
 */
public final class Catalog {
    public static final String DEFAULT_RESOURCE = "/catalog/schemas.json";

    private static final Pattern DECORATION_PREFIX = Pattern.compile(
            "^(\\[[^\\]]*\\]|[-•·*]+|[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]\\d+[)）]|\\d+[、.．]"
                    + "|公开\\d+表[:：]?|\\d{4}年度?|附表\\d*[:：]?)");
    private static final Pattern DECORATION_SUFFIX = Pattern.compile("(公开\\d+表|[(（](功能科目|经济科目|续)?[)）])$");
    /** Sentence punctuation: a line holding it is prose mentioning a title, not a title. */
    private static final Pattern PROSE = Pattern.compile("[，。；,;：:]");
    private static final int MAX_PREFIX = 30;

    private final List<SchemaDef> schemas;
    private final List<CrossIdentityDef> crossTableIdentities;
    private final NarrativeChecksDef narrativeChecks;
    private final ToleranceDef tolerance;

    public Catalog(List<SchemaDef> schemas) {
        this(schemas, List.of(), NarrativeChecksDef.none(), ToleranceDef.DEFAULT);
    }

    public Catalog(List<SchemaDef> schemas, List<CrossIdentityDef> crossTableIdentities,
                   NarrativeChecksDef narrativeChecks, ToleranceDef tolerance) {
        this.schemas = List.copyOf(schemas);
        this.crossTableIdentities = crossTableIdentities == null ? List.of() : List.copyOf(crossTableIdentities);
        this.narrativeChecks = narrativeChecks == null ? NarrativeChecksDef.none() : narrativeChecks;
        this.tolerance = tolerance == null ? ToleranceDef.DEFAULT : tolerance;
    }

    public static Catalog load() {
        try (InputStream in = Catalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("catalog resource missing: " + DEFAULT_RESOURCE);
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog load(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        CatalogFile file = mapper.readValue(in, CatalogFile.class);
        return new Catalog(file.schemas(), file.crossTableIdentities(), file.narrativeChecks(), file.tolerance());
    }

    /** The file's top level. */
    record CatalogFile(Integer version, String comment, List<SchemaDef> schemas, ToleranceDef tolerance,
                       List<CrossIdentityDef> crossTableIdentities, NarrativeChecksDef narrativeChecks) {}

    public List<SchemaDef> schemas() { return schemas; }

    /** Identities between the tables of one document (validation). */
    public List<CrossIdentityDef> crossTableIdentities() { return crossTableIdentities; }

    /** Checks of narrative figures against each other and against table cells (validation). */
    public NarrativeChecksDef narrativeChecks() { return narrativeChecks; }

    /** The rounding allowance of sum identities. */
    public ToleranceDef tolerance() { return tolerance; }

    public Optional<SchemaDef> byId(String id) {
        return schemas.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * The schema whose title (or variant) this printed line is. The longest matching title wins, so
     * 财政拨款收入支出决算总表 is never taken for 收入支出决算总表.
     */
    public Optional<SchemaDef> matchTitle(String printed) {
        List<SchemaDef> all = matchTitles(printed);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every schema this printed line is the title of, best first: longest matching title first, catalog order among
     * equals. Forms of one title that print different layouts (支出预算总表 by subject code, or one row by kind of
     * spending) are told apart by what their header must print.
     */
    public List<SchemaDef> matchTitles(String printed) {
        String key = stripDecorations(TextKey.of(printed));
        if (key.isEmpty() || PROSE.matcher(key).find()) return List.of();
        Map<SchemaDef, Integer> found = new LinkedHashMap<>();
        for (SchemaDef s : schemas) {
            for (String t : s.allTitles()) {
                String tk = TextKey.of(t);
                boolean exact = key.equals(tk);
                // A short department or year prefix may precede the title (部门收入决算表, 2024年…).
                boolean suffix = key.endsWith(tk) && unitLikePrefix(key.substring(0, key.length() - tk.length()));
                if ((exact || suffix) && tk.length() > found.getOrDefault(s, 0)) found.put(s, tk.length());
            }
        }
        if (found.isEmpty()) {
            SchemaDef near = nearTitle(key);
            return near == null ? List.of() : List.of(near);
        }
        List<SchemaDef> out = new ArrayList<>(found.keySet());
        out.sort(java.util.Comparator.comparingInt((SchemaDef s) -> -found.get(s)));
        return out;
    }

    /**
     * An OCR-read title with a slip or two (文出 for 支出): the one schema whose title is within the
     * OCR budget, none when two schemas are equally near.
     */
    private SchemaDef nearTitle(String key) {
        SchemaDef best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (SchemaDef s : schemas) {
            for (String t : s.allTitles()) {
                String tk = TextKey.of(t);
                int limit = EditDistance.ocrBudget(tk.length());
                int d = EditDistance.within(key, tk, limit);
                if (d > limit) continue;
                if (d < bestDistance) {
                    best = s;
                    bestDistance = d;
                    tie = false;
                } else if (d == bestDistance && s != best) {
                    tie = true;
                }
            }
        }
        return tie ? null : best;
    }

    /** A prefix before a title is accepted only when it reads like a body or a year (…局, …中心, 2024年度). */
    private static boolean unitLikePrefix(String prefix) {
        return !prefix.isEmpty() && prefix.length() <= MAX_PREFIX && UNIT_END.matcher(prefix).find();
    }

    private static final Pattern UNIT_END = Pattern.compile("(局|中心|部门|单位|院|会|委|办|所|站|队|厅|处|校|馆|部|室|年|年度)$");

    static String stripDecorations(String key) {
        String prev;
        do {
            prev = key;
            key = DECORATION_PREFIX.matcher(key).replaceFirst("");
            key = DECORATION_SUFFIX.matcher(key).replaceFirst("");
        } while (!key.equals(prev) && !key.isEmpty());
        return key;
    }

    /** All titles, longest first, for callers that scan text. */
    public List<String> titlesLongestFirst() {
        return schemas.stream().flatMap(s -> s.allTitles().stream())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
