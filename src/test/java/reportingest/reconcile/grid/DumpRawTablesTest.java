package reportingest.reconcile.grid;

import org.junit.jupiter.api.Test;
import reportingest.reconcile.catalog.Catalog;

class DumpRawTablesTest {
    @Test
    void dump() {
        for (String f : new String[]{RealReports.FINANCE, RealReports.SOCIAL, RealReports.PLANNING, RealReports.CORRUPTED}) {
            System.out.println("docflags " + RealReports.reconciled(f).flags());
            var checks = new Identities(Catalog.load()).check(RealReports.reconciled(f).tables());
            System.out.println("#### " + f + " " + checks.stream().filter(c -> c.holds()).count() + "/" + checks.size());
            checks.stream().filter(c -> !c.holds()).forEach(System.out::println);
        }
    }
}
