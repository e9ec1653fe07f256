package reportingest.reconcile.fin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountParserTest {

    @ParameterizedTest(name = "''{0}'' reads as {1} without a guess")
    @CsvSource({"'1,196.83',1196.83", "50.90,50.90", "0.00,0.00", "'  1552.69\u3000',1552.69",
            "'\u30004.94',4.94", "'１２３．４５',123.45", "100.00%,100.00%", "'12,345,678',12345678", "-3.20,-3.20"})
    void printedAmountsKeepPrecisionAndLoseSeparators(String raw, String value) {
        AmountParser.Amount a = AmountParser.parse(raw);
        assertThat(a.value()).isEqualTo(value);
        assertThat(a.guessed()).isFalse();
    }

    @ParameterizedTest(name = "blank cell ''{0}'' is null")
    @ValueSource(strings = {"", " ", "\u3000", "\u3000\u3000", "\t"})
    void blankAndFullWidthSpaceCellsAreNull(String raw) {
        assertThat(AmountParser.parse(raw).value()).isNull();
        assertThat(AmountParser.parse(raw).guessed()).isFalse();
    }

    @ParameterizedTest(name = "OCR-damaged ''{0}'' is repaired to {1} and flagged as a guess")
    @CsvSource({"1O5.20,105.20", "l2.50,12.50", "72。16,72.16", "10:75,10.75", "8;37,8.37"})
    void ocrConfusionsAreRepairedButReportedAsGuesses(String raw, String value) {
        AmountParser.Amount a = AmountParser.parse(raw);
        assertThat(a.value()).isEqualTo(value);
        assertThat(a.guessed() || raw.contains("。")).isTrue();
    }

    @Test
    void fullWidthStopIsADecimalPointNotAGuess() {
        assertThat(AmountParser.parse("72。16").value()).isEqualTo("72.16");
    }

    /** OCR's "72 29" for 72.29: joined it would be 7229, a hundred times the print, and no flag. */
    @ParameterizedTest(name = "''{0}'' reads as {1}, reported as a guess")
    @CsvSource({"'72 29',72.29", "'1234 5',1234.5", "'-8 50',-8.50", "'1 234',1234"})
    void digitsSetApartWhereThePointBelongsAreAGuessedPoint(String raw, String value) {
        AmountParser.Amount a = AmountParser.parse(raw);
        assertThat(a.value()).isEqualTo(value);
        // a gap before three digits is a thousands gap (1 234), read as printed
        assertThat(a.guessed()).isEqualTo(!"1234".equals(value));
    }

    @Test
    void wordsAreNotAmounts() {
        AmountParser.Amount a = AmountParser.parse("社会保障和就业支出");
        assertThat(a.value()).isNull();
        assertThat(a.numeric()).isFalse();
        assertThat(a.guessed()).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' reads as {1}, reported as a guess")
    @CsvSource({"'AP 7.22',7.22", "'7.22 ]',7.22", "'19.32 _',19.32"})
    void anAmountBesideStampMarksIsReadButReportedAsAGuess(String raw, String value) {
        AmountParser.Amount a = AmountParser.parse(raw);
        assertThat(a.value()).isEqualTo(value);
        assertThat(a.guessed()).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not read as an amount")
    @ValueSource(strings = {"一一203.39", "AP 7.22 8.10", "p47", "ENNS"})
    void marksThatCouldBeDigitsOrSignsOrTwoAmountsAreNotRead(String raw) {
        assertThat(AmountParser.parse(raw).value()).isNull();
    }
}
