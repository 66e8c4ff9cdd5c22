package com.buildnest.catalog;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * The catalogue's CSV (RFC 4180, UTF-8, a header line): one product a line, its columns named as
 * the fields of {@link ProductForm} except {@code category}, which holds the category's slug.
 * Price breaks are written {@code minQuantity=rupees|…}, packs {@code name=baseUnits|…}, attributes
 * {@code name=value|…} and images {@code url|…} (their alternative text is not in the file).
 * <p>
 * Spreadsheets run a cell that starts with {@code = + - @}, a tab or a carriage return as a formula
 * (CSV injection), so writing prefixes such a cell with a single quote, which a spreadsheet shows as
 * text; reading removes that quote again, so an export imports back exactly. To keep that exact, a
 * cell that already starts with quotes before such a character gets one more quote on the way out.
 * <p>
 * Reading refuses the file as a whole ({@code catalog.csv-malformed}) when it is not UTF-8, its
 * header is not exactly these columns, a quote is left open or it has too many rows; a line with the
 * wrong number of fields is reported against that line.
 */
final class CatalogCsv {

    static final List<String> COLUMNS = List.of("sku", "name", "brand", "category", "description", "unit", "hsnCode",
            "weightGrams", "minimumOrderQuantity", "orderStep", "maximumOrderQuantity", "prices", "packs", "active",
            "attributes", "images");
    static final int MAX_ROWS = 10_000;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    /** A cell a spreadsheet would run as a formula, possibly behind quotes that made it text. */
    private static final Pattern FORMULA = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);

    private CatalogCsv() {
    }

    /** A line of the file: its number (the header is line 1), and its fields by column, or null if it has the wrong count. */
    record Row(long line, Map<String, String> fields, int fieldCount) {
        String get(String column) {
            return fields.get(column);
        }

        boolean complete() {
            return fields != null;
        }
    }

    static String write(List<AdminProductLine> products) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(COLUMNS);
            for (AdminProductLine product : products) {
                printer.printRecord(product.values().stream().map(CatalogCsv::guarded).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /** A product as a line of the file, in {@link #COLUMNS} order. */
    record AdminProductLine(List<String> values) {
        static AdminProductLine of(Product product, String categorySlug) {
            OrderQuantityRule ordering = product.ordering();
            return new AdminProductLine(List.of(product.sku(), product.name(), product.brand(), categorySlug,
                    product.description() == null ? "" : product.description(), product.unit().code(),
                    product.hsnCode(), Long.toString(product.weightGrams()), Long.toString(ordering.minimum()),
                    Long.toString(ordering.step()), Long.toString(ordering.maximum()),
                    product.prices().breaks().stream().map(b -> b.minQuantity() + "=" + b.unitPrice().toRupees())
                            .collect(Collectors.joining("|")),
                    product.packs().stream().map(p -> p.name() + "=" + p.baseUnits())
                            .collect(Collectors.joining("|")),
                    Boolean.toString(product.active()),
                    product.attributes().stream().map(a -> a.name() + "=" + a.value())
                            .collect(Collectors.joining("|")),
                    product.images().stream().map(ProductImage::url).collect(Collectors.joining("|"))));
        }
    }

    /** The cell as written: a single quote before anything a spreadsheet would run as a formula. */
    static String guarded(String cell) {
        return FORMULA.matcher(cell).matches() ? "'" + cell : cell;
    }

    /** The cell as meant: the quote {@link #guarded} adds is removed; any other text is left as it is. */
    static String unguarded(String cell) {
        return cell.startsWith("'") && FORMULA.matcher(cell).matches() ? cell.substring(1) : cell;
    }

    static List<Row> read(byte[] bytes) {
        String text = decode(bytes);
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            LineCounter lines = new LineCounter(text);
            boolean header = true;
            for (CSVRecord record : parser) {
                if (header) {
                    requireHeader(record);
                    header = false;
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                if (rows.size() == MAX_ROWS) {
                    throw malformed("The file has more than " + MAX_ROWS + " products; split it.");
                }
                rows.add(row(record, lines.lineAt(record.getCharacterPosition())));
            }
            if (header) {
                throw malformed("The file is empty; it needs the header line " + String.join(",", COLUMNS) + ".");
            }
        } catch (IOException | UncheckedIOException | IllegalStateException unparseable) {
            throw malformed("The file is not valid CSV: " + unparseable.getMessage());
        }
        return rows;
    }

    private static Row row(CSVRecord record, long line) {
        if (record.size() != COLUMNS.size()) {
            return new Row(line, null, record.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            fields.put(COLUMNS.get(i), unguarded(record.get(i)));
        }
        return new Row(line, fields, record.size());
    }

    /** The line on which a character stands, for characters asked in increasing order. */
    private static final class LineCounter {
        private final String text;
        private int position;
        private long line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        long lineAt(long characterPosition) {
            for (; position < characterPosition && position < text.length(); position++) {
                if (text.charAt(position) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static void requireHeader(CSVRecord record) {
        List<String> header = record.stream().map(String::trim).toList();
        if (!header.equals(COLUMNS)) {
            throw malformed("The header must be exactly: " + String.join(",", COLUMNS) + ".");
        }
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw malformed("The file is not UTF-8 text; save it as CSV UTF-8.");
        }
    }

    static BusinessRuleViolation malformed(String message) {
        return BusinessRuleViolation.invalidField("catalog.csv-malformed", "file", message);
    }
}
