package reportingest.reconcile.narrative;

import reportingest.reconcile.NarrativeFact;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures of one {@link TextBlock}: first the catalog rules, then the values that hang off
 * a figure already found (shares, completion rates, budget parts, year-on-year changes).
 * A value span is claimed by the first reading, so no number is reported under two names.
 */
final class BlockMatcher {
    private static final Pattern TEMPLATE_VAR = Pattern.compile("\\$\\{(\\w+)}");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})年");

    private final NarrativeCatalog catalog;
    private final Pattern firstChange;
    private final Pattern nextChange;

    BlockMatcher(NarrativeCatalog catalog) {
        this.catalog = catalog;
        NarrativeCatalog.Changes c = catalog.changes();
        Set<String> verbs = new LinkedHashSet<>(c.down());
        verbs.addAll(c.up());
        String v = String.join("|", verbs);
        String element = "(?<verb>" + v + ")(?:[（(](?<alt>" + v + ")[）)])?(?<a>" + catalog.number() + ")(?<u>万元|%)";
        this.firstChange = Pattern.compile("^[，,]?" + c.subject() + element);
        this.nextChange = Pattern.compile("^[，,]" + element);
    }

    /** A value read from the text, before it becomes a {@link NarrativeFact}. */
    private record Found(String figure, String value, String unit, int valueStart, int valueEnd,
                         int quoteFrom, int quoteTo, boolean primary) {
        String base() {
            int dot = figure.indexOf('.');
            return dot < 0 ? figure : figure.substring(0, dot);
        }
    }

    List<NarrativeFact> match(TextBlock block) {
        if (catalog.skipSections() != null && catalog.skipSections().matcher(block.sectionKey()).find()) {
            return List.of();
        }
        Run run = new Run(block);
        run.rules();
        run.shares();
        run.followers();
        run.changes();
        run.found.sort(Comparator.comparingInt(Found::valueStart));
        List<NarrativeFact> out = new ArrayList<>();
        for (Found f : run.found) {
            out.add(new NarrativeFact(block.section(), block.text().substring(f.quoteFrom(), f.quoteTo()),
                    f.figure(), f.value(), f.unit(), block.scope(), block.year(),
                    block.pages()[f.valueStart()], block.lines()[f.valueStart()]));
        }
        return out;
    }

    /** Matching state of one block. */
    private final class Run {
        final TextBlock block;
        final String text;
        final BitSet claimed = new BitSet();
        final List<Found> found = new ArrayList<>();

        Run(TextBlock block) {
            this.block = block;
            this.text = block.text();
        }

        void rules() {
            for (NarrativeCatalog.Rule rule : catalog.rules()) {
                if (!rule.appliesTo(block.scope(), block.sectionKey(), block.item())) continue;
                Matcher m = rule.pattern().matcher(text);
                while (m.find()) ruleMatch(rule, m);
            }
        }

        private void ruleMatch(NarrativeCatalog.Rule rule, Matcher m) {
            for (NarrativeCatalog.FactTemplate t : rule.facts()) {
                if (m.start(t.group()) >= 0 && isClaimed(m.start(t.group()), m.end(t.group()))) return;
            }
            if (aboutAnotherYear(m.start())) return;
            Map<String, String> vars = new HashMap<>();
            if (block.item() != null) vars.put("item", block.item().toString());
            if (rule.context() != null) {
                String ctx = context(rule.context(), m.start());
                if (ctx == null) return;
                vars.put("ctx", ctx);
            }
            for (NarrativeCatalog.FactTemplate t : rule.facts()) {
                if (m.start(t.group()) < 0) continue;
                String figure = fill(t.figure(), m, vars);
                String unit = fill(t.unit(), m, vars);
                add(figure, m.start(t.group()), m.end(t.group()), unit, m.start(), true);
            }
        }

        /** "上年收入合计…" or "2023年…" in a 2024 report states a figure of another year: not this scope's fact. */
        private boolean aboutAnotherYear(int matchStart) {
            // only the words before the wording count: a project name may well contain a year
            String lead = text.substring(clauseStart(matchStart), matchStart);
            if (catalog.otherYearWords() != null && catalog.otherYearWords().matcher(lead).find()) return true;
            if (block.year() == null) return false;
            Matcher y = YEAR.matcher(lead);
            while (y.find()) {
                if (Integer.parseInt(y.group(1)) != block.year()) return true;
            }
            return false;
        }

        /** The last context word before {@code pos} in the same sentence, e.g. 会议 for 人数 after 会议费. */
        private String context(Pattern p, int pos) {
            Matcher c = p.matcher(text);
            c.region(sentenceStart(pos), pos);
            String last = null;
            while (c.find()) last = c.group("ctx");
            return last;
        }

        void shares() {
            NarrativeCatalog.Share s = catalog.share();
            for (Found f : List.copyOf(found)) {
                int after = f.valueEnd();
                if (text.startsWith(f.unit(), after)) after += f.unit().length();
                Matcher m = s.pattern().matcher(text);
                m.region(after, text.length());
                if (!m.lookingAt() || isClaimed(m.start("a"), m.end("a"))) continue;
                String of = m.group("of");
                String suffix = of == null ? s.plain() : s.ofTemplate().replace("${of}", of);
                add(f.base() + "." + suffix, m.start("a"), m.end("a"), "%", f.quoteFrom(), false);
            }
        }

        void followers() {
            for (NarrativeCatalog.Follower fo : catalog.followers()) {
                Matcher m = fo.pattern().matcher(text);
                while (m.find()) {
                    if (isClaimed(m.start("a"), m.end("a"))) continue;
                    Found base = nearestBefore(m.start());
                    if (base == null) continue;
                    String figure = fo.overrides().get(base.base());
                    if (figure == null) figure = base.base() + "." + fill(fo.suffix(), m, Map.of());
                    add(figure, m.start("a"), m.end("a"), fo.unit(), m.start(), false);
                }
            }
        }

        void changes() {
            BitSet triggers = new BitSet();
            for (NarrativeCatalog.Trigger t : catalog.changes().triggers()) {
                Matcher m = t.regex().matcher(text);
                while (m.find()) {
                    if (!triggers.get(m.start(), m.end()).isEmpty()) continue;
                    triggers.set(m.start(), m.end());
                    String base = changeBase(m.start());
                    if (base != null) chain(t, base, m);
                }
            }
        }

        /** Reads "减少X万元，减少Y%" after a trigger; a printed placeholder like 增长（减少） follows the amount. */
        private void chain(NarrativeCatalog.Trigger t, String base, Matcher trigger) {
            NarrativeCatalog.Changes c = catalog.changes();
            int pos = trigger.end();
            Boolean down = null;
            Pattern p = firstChange;
            while (true) {
                Matcher m = p.matcher(text);
                m.region(pos, text.length());
                if (!m.lookingAt()) return;
                p = nextChange;
                pos = m.end();
                String verb = m.group("verb");
                String alt = m.group("alt");
                boolean verbDown = c.down().contains(verb);
                boolean dir = alt != null && down != null ? down : verbDown;
                String name;
                if (m.group("u").equals("%")) {
                    String printed = verbDown == dir ? verb : alt;
                    name = dir ? c.verbRates().getOrDefault(printed, t.downRate()) : c.upRate();
                } else {
                    name = dir ? c.downAmount() : c.upAmount();
                    down = dir;
                }
                if (isClaimed(m.start("a"), m.end("a"))) continue;
                add(base + "." + t.prefix() + name, m.start("a"), m.end("a"),
                        m.group("u"), trigger.start(), false);
            }
        }

        /**
         * The figure a change refers to: the nearest one before it in the sentence, else the one the
         * previous sentence is about when that sentence names a single figure.
         */
        private String changeBase(int pos) {
            Found near = nearestBefore(pos);
            if (near != null) return near.base();
            int start = sentenceStart(pos);
            if (start == 0) return null;
            int prevStart = sentenceStart(start - 1);
            Set<String> bases = new LinkedHashSet<>();
            for (Found f : found) {
                if (f.primary() && f.valueStart() >= prevStart && f.valueEnd() <= start) bases.add(f.base());
            }
            return bases.size() == 1 ? bases.iterator().next() : null;
        }

        /** Nearest figure found by a rule, before {@code pos} and in the same sentence. */
        private Found nearestBefore(int pos) {
            int start = sentenceStart(pos);
            Found best = null;
            for (Found f : found) {
                if (!f.primary() || f.valueEnd() > pos || f.valueStart() < start) continue;
                if (best == null || f.valueEnd() > best.valueEnd()) best = f;
            }
            return best;
        }

        private int sentenceStart(int pos) {
            for (int i = pos - 1; i >= 0; i--) {
                if (catalog.sentenceEnd().matcher(text.substring(i, i + 1)).matches()) return i + 1;
            }
            return 0;
        }

        private int clauseStart(int pos) {
            for (int i = pos - 1; i >= 0; i--) {
                if (catalog.clauseEnd().matcher(text.substring(i, i + 1)).matches()) return i + 1;
            }
            return 0;
        }

        private int clauseEnd(int pos) {
            for (int i = pos; i < text.length(); i++) {
                if (catalog.clauseEnd().matcher(text.substring(i, i + 1)).matches()) return i;
            }
            return text.length();
        }

        private boolean isClaimed(int from, int to) {
            return !claimed.get(from, to).isEmpty();
        }

        private void add(String figure, int from, int to, String unit, int quoteStart, boolean primary) {
            claimed.set(from, to);
            String value = text.substring(from, to).replace(",", "");
            found.add(new Found(figure, value, unit, from, to, clauseStart(quoteStart), clauseEnd(to), primary));
        }

        private String fill(String template, Matcher m, Map<String, String> vars) {
            Matcher v = TEMPLATE_VAR.matcher(template);
            StringBuilder sb = new StringBuilder();
            while (v.find()) {
                String name = v.group(1);
                String value = vars.containsKey(name) ? vars.get(name) : catalog.alias(m.group(name));
                v.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            v.appendTail(sb);
            return sb.toString();
        }
    }
}
