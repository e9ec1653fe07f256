package reportingest.reconcile.narrative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The narrative rules, read from {@code catalog/narrative-figures.json}: which wording states which
 * canonical figure. Kept as data so that a new phrasing is a catalog edit, not a code change.
 */
public record NarrativeCatalog(Scopes scopes, List<Heading> headings, Pattern skipSections, Pattern otherYearWords,
                               Pattern contentUnit, Pattern sentenceEnd, Pattern clauseEnd,
                               Map<String, String> aliases, List<Rule> rules, Share share,
                               List<Follower> followers, Changes changes, String number) {

    public static final String RESOURCE = "/catalog/narrative-figures.json";

    /**
     * Where the explanation parts start and end (the 决算说明 of final accounts, the 预算说明 of budgets: the
     * first part whose start a line matches opens), and how appended performance reports are titled.
     */
    public record Scopes(List<Part> parts, List<ReportTitle> reports, Pattern reportEnd) {
        /** The part a line opens, or null. */
        public Part opened(String line) {
            for (Part p : parts) if (p.start().matcher(line).find()) return p;
            return null;
        }

        public Part part(String scope) {
            for (Part p : parts) if (p.scope().equals(scope)) return p;
            return null;
        }
    }

    /** An explanation part of the document: its scope name, first line, the line after it, its year. */
    public record Part(String scope, Pattern start, Pattern end, Pattern year) {}

    public record ReportTitle(String scope, Pattern title) {}

    /** A heading numbering style; {@code item} marks the "1、" level that numbers 类/款/项 items. */
    public record Heading(int level, Pattern regex, boolean item) {}

    /** One value of a rule match: the named group and the figure/unit templates. */
    public record FactTemplate(String group, String figure, String unit) {}

    /** A wording that states one or more figures at once. */
    public record Rule(String id, Pattern pattern, List<FactTemplate> facts, Set<String> scopes,
                       Pattern section, Pattern notSection, boolean needsItem, Pattern context) {
        boolean appliesTo(String scope, String sectionPath, Integer item) {
            if (!scopes.isEmpty() && !scopes.contains(scope)) return false;
            if (section != null && !section.matcher(sectionPath).find()) return false;
            if (notSection != null && notSection.matcher(sectionPath).find()) return false;
            return !needsItem || item != null;
        }
    }

    /** "占X%" after a figure. */
    public record Share(Pattern pattern, String plain, String ofTemplate) {}

    /** A value that belongs to the nearest figure before it in the sentence ("完成预算的X%"). */
    public record Follower(Pattern pattern, String suffix, String unit, Map<String, String> overrides) {}

    public record Trigger(Pattern regex, String prefix, String downRate) {}

    /** Year-on-year / against-budget change chains. */
    public record Changes(List<Trigger> triggers, String subject, Set<String> down, Set<String> up,
                          String downAmount, String upAmount, String upRate, Map<String, String> verbRates) {}

    public static NarrativeCatalog load() {
        try (InputStream in = NarrativeCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NarrativeCatalog parse(JsonNode root) {
        Map<String, String> macros = strings(root.path("macros"));
        Expander x = new Expander(macros);

        JsonNode sc = root.path("scopes");
        List<Part> parts = new ArrayList<>();
        for (JsonNode b : sc.path("parts")) {
            parts.add(new Part(b.path("scope").asText(), x.compile(b.path("start").asText()),
                    x.compile(b.path("end").asText()), x.compile(b.path("year").asText())));
        }
        List<ReportTitle> reports = new ArrayList<>();
        for (JsonNode r : sc.path("reports")) {
            reports.add(new ReportTitle(r.path("scope").asText(), x.compile(r.path("title").asText())));
        }
        Scopes scopes = new Scopes(List.copyOf(parts), List.copyOf(reports), x.compile(sc.path("reportEnd").asText()));

        List<Heading> headings = new ArrayList<>();
        for (JsonNode h : root.path("headings")) {
            headings.add(new Heading(h.path("level").asInt(), x.compile(h.path("regex").asText()),
                    h.path("item").asBoolean(false)));
        }

        List<Rule> rules = new ArrayList<>();
        for (JsonNode r : root.path("rules")) {
            List<FactTemplate> facts = new ArrayList<>();
            for (JsonNode f : r.path("facts")) {
                facts.add(new FactTemplate(f.path("group").asText(), f.path("figure").asText(), f.path("unit").asText()));
            }
            List<String> ruleScopes = new ArrayList<>();
            r.path("scopes").forEach(s -> ruleScopes.add(s.asText()));
            rules.add(new Rule(r.path("id").asText(), x.compile(r.path("pattern").asText()), List.copyOf(facts),
                    Set.copyOf(ruleScopes), x.optional(r.path("section")), x.optional(r.path("notSection")),
                    r.path("item").asBoolean(false), x.optional(r.path("context"))));
        }

        JsonNode s = root.path("share");
        Share share = new Share(x.compile(s.path("pattern").asText()), s.path("plain").asText(),
                s.path("ofTemplate").asText());

        List<Follower> followers = new ArrayList<>();
        for (JsonNode f : root.path("followers")) {
            followers.add(new Follower(x.compile(f.path("pattern").asText()), f.path("suffix").asText(),
                    f.path("unit").asText(), strings(f.path("overrides"))));
        }

        JsonNode c = root.path("changes");
        List<Trigger> triggers = new ArrayList<>();
        for (JsonNode t : c.path("triggers")) {
            triggers.add(new Trigger(x.compile(t.path("regex").asText()), t.path("prefix").asText(),
                    t.path("downRate").asText()));
        }
        Changes changes = new Changes(List.copyOf(triggers), x.expand(c.path("subject").asText()),
                Set.copyOf(list(c.path("down"))), Set.copyOf(list(c.path("up"))), c.path("downAmount").asText(),
                c.path("upAmount").asText(), c.path("upRate").asText(), strings(c.path("verbRates")));

        return new NarrativeCatalog(scopes, List.copyOf(headings), x.optional(root.path("skipSections")),
                x.optional(root.path("otherYearWords")),
                x.compile(root.path("contentUnits").asText()), x.compile(root.path("sentenceEnd").asText()),
                x.compile(root.path("clauseEnd").asText()), strings(root.path("aliases")), List.copyOf(rules),
                share, List.copyOf(followers), changes, x.expand("{NUM}"));
    }

    /** Canonical spelling of a name captured from the text. */
    String alias(String name) {
        return aliases.getOrDefault(name, name);
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(m);
    }

    private static List<String> list(JsonNode node) {
        List<String> l = new ArrayList<>();
        node.forEach(n -> l.add(n.asText()));
        return l;
    }

    /** Expands {MACRO} references so patterns in the catalog stay readable. */
    private record Expander(Map<String, String> macros) {
        String expand(String regex) {
            String out = regex;
            for (Map.Entry<String, String> m : macros.entrySet()) {
                out = out.replace("{" + m.getKey() + "}", m.getValue());
            }
            return out;
        }

        Pattern compile(String regex) {
            return Pattern.compile(expand(regex));
        }

        Pattern optional(JsonNode node) {
            return node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : compile(node.asText());
        }
    }
}
