package reportingest.bench;

/**
 * @param rounds        interleaved rounds of the short measurements (medians are reported)
 * @param largePages    pages of the long scanned PDF (memory measurement)
 * @param budgetSeconds the short rounds stop early (after the first) when the next would end past this, counted from the start
 * @param keep          keep the generated inputs (their folder is printed)
 */
record BenchOptions(int rounds, int largePages, int budgetSeconds, boolean keep) {
    static BenchOptions parse(String[] args) {
        int rounds = 3, large = 200, budget = 540;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--large-pages" -> large = Integer.parseInt(args[++i]);
                case "--budget-seconds" -> budget = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "\nusage: bin/bench [--rounds N] [--large-pages N] [--budget-seconds N] [--keep]");
            }
        }
        if (rounds < 1 || large < 1) throw new IllegalArgumentException("--rounds and --large-pages must be positive");
        return new BenchOptions(rounds, large, budget, keep);
    }
}
