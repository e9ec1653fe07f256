package reportingest.validate;

import org.junit.jupiter.api.Test;

class SeedDebugTest {
    @Test
    void dump() throws Exception {
        for (String seed : new String[]{"000_91c9528c206bc5a1", "001_a8898a713e576bc4", "002_2cbfc221691712bf",
                "003_1a3ae03f6167b21e", "004_d2f5081e5b89099b"}) {
            long t0 = System.nanoTime();
            Validation v = SeedRun.validate(SeedRun.seedText(seed));
            System.out.printf("== %s: %d checks, %d failed, %d ms%n", seed, v.outcomes().size(), v.failures().size(),
                    (System.nanoTime() - t0) / 1_000_000);
            for (Outcome o : v.failures()) System.out.println("  FAIL " + o.check().id() + " :: " + o.message());
            java.util.Map<String, Integer> bySource = new java.util.TreeMap<>();
            for (Outcome o : v.outcomes()) bySource.merge(o.check().source() + (o.holds() ? " ok" : " FAIL"), 1, Integer::sum);
            System.out.println("  " + bySource);
        }
    }
}
