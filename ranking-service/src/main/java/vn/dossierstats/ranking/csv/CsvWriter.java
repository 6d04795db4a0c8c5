package vn.dossierstats.ranking.csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 text: one header row, CRLF line ends, a field quoted when it holds a comma, a quote or a line break (its
 * quotes doubled). UTF-8 with a byte-order mark first: without it Excel reads the bytes in the machine's code page and
 * shows "Tá»‰nh" for "Tỉnh".
 */
final class CsvWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvWriter() {}

    static byte[] write(List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        line(text, header);
        for (List<String> row : rows) {
            line(text, row);
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(BOM.length + body.length);
        out.writeBytes(BOM);
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quoted = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
