package vn.dossierstats.metrics.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void startsWithAByteOrderMarkSoThatExcelReadsVietnameseNames() {
        byte[] csv = CsvWriter.write(List.of("unitName"), List.of(List.of("Tỉnh Hưng Yên")));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("unitName\r\nTỉnh Hưng Yên\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheirQuotes() {
        assertThat(CsvWriter.field("Phường 1, Quận 3")).isEqualTo("\"Phường 1, Quận 3\"");
        assertThat(CsvWriter.field("Sở \"Tư pháp\"")).isEqualTo("\"Sở \"\"Tư pháp\"\"\"");
        assertThat(CsvWriter.field("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvWriter.field("Xã Tân Lập")).isEqualTo("Xã Tân Lập");
    }

    @Test
    void writesAnAbsentValueAsAnEmptyField() {
        byte[] csv = CsvWriter.write(List.of("a", "b", "c"), List.of(Arrays.asList("1", null, "3")));

        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("a,b,c\r\n1,,3\r\n");
    }
}
