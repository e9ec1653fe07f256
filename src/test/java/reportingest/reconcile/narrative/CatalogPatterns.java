package reportingest.reconcile.narrative;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The narrative catalog's patterns by name ({@code rule:<id>}, {@code follower:<suffix>}, {@code change:<prefix>},
 * {@code share}) and the same catalog with one of them left out, to see what that pattern alone reads.
 */
final class CatalogPatterns {
    /** A pattern that never matches: the share rule "left out". */
    private static final Pattern NEVER = Pattern.compile("(?!)(?<of>)(?<a>)");

    private CatalogPatterns() {}

    /** Every pattern of the catalog, in catalog order. */
    static Map<String, Pattern> of(NarrativeCatalog c) {
        Map<String, Pattern> out = new LinkedHashMap<>();
        for (NarrativeCatalog.Rule r : c.rules()) out.put("rule:" + r.id(), r.pattern());
        for (NarrativeCatalog.Follower f : c.followers()) out.put("follower:" + f.suffix(), f.pattern());
        for (NarrativeCatalog.Trigger t : c.changes().triggers()) out.put("change:" + t.prefix(), t.regex());
        out.put("share", c.share().pattern());
        return out;
    }

    /** The catalog without the named pattern. */
    static NarrativeCatalog without(NarrativeCatalog c, String name) {
        if (!of(c).containsKey(name)) throw new IllegalArgumentException("no pattern " + name + " in the catalog");
        List<NarrativeCatalog.Rule> rules = c.rules().stream().filter(r -> !name.equals("rule:" + r.id())).toList();
        List<NarrativeCatalog.Follower> followers =
                c.followers().stream().filter(f -> !name.equals("follower:" + f.suffix())).toList();
        NarrativeCatalog.Changes ch = c.changes();
        List<NarrativeCatalog.Trigger> triggers =
                ch.triggers().stream().filter(t -> !name.equals("change:" + t.prefix())).toList();
        NarrativeCatalog.Share share = name.equals("share")
                ? new NarrativeCatalog.Share(NEVER, c.share().plain(), c.share().ofTemplate()) : c.share();
        return new NarrativeCatalog(c.scopes(), c.headings(), c.skipSections(), c.otherYearWords(), c.contentUnit(),
                c.sentenceEnd(), c.clauseEnd(), c.aliases(), rules, share, followers,
                new NarrativeCatalog.Changes(triggers, ch.subject(), ch.down(), ch.up(), ch.downAmount(),
                        ch.upAmount(), ch.upRate(), ch.verbRates()), c.number());
    }
}
