package dev.vocloop.gateway.console;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns feedback-service's CSV export into a file a spreadsheet opens safely, one row at a time
 * (nothing is held in memory): a UTF-8 byte order mark first, because Excel reads a CSV without it
 * in the machine's ANSI code page and garbles Chinese; and every cell that a spreadsheet would run
 * as a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe
 * (OWASP "CSV injection"). The service already guards the text column; customer ids, products and
 * topics come from API clients too, so every cell is checked here.
 */
final class FeedbackCsv {

    private static final CsvMapper CSV = new CsvMapper();
    /** Plain numbers such as -0.8 cannot run as formulas and stay numbers in the spreadsheet. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final char BOM = '\uFEFF';

    private FeedbackCsv() {
    }

    /** Reads CSV rows from {@code in} and writes them, made safe, to {@code out}; closes {@code in}. */
    static void copySafely(InputStream in, OutputStream out) throws IOException {
        CsvSchema any = CsvSchema.emptySchema();
        try (InputStream source = in;
                MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(any)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY)
                        .readValues(new InputStreamReader(source, StandardCharsets.UTF_8))) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(BOM);
            // RFC 4180 line ends; the writer is not closed here: the container owns the response stream.
            SequenceWriter sink = CSV.writer(any.withLineSeparator("\r\n")).writeValues(writer);
            boolean first = true;
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                if (first && row.length > 0 && row[0] != null && !row[0].isEmpty() && row[0].charAt(0) == BOM) {
                    row[0] = row[0].substring(1); // the file gets exactly one BOM, ours
                }
                first = false;
                for (int i = 0; i < row.length; i++) {
                    row[i] = cell(row[i]);
                }
                sink.write(row);
            }
            sink.flush();
            writer.flush();
        }
    }

    /** One cell as a spreadsheet may safely read it. */
    static String cell(String value) {
        if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0 || NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }
}
