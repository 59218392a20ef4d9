package io.baeum.exam.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.baeum.exam.bank.domain.ItemSheet;

/** Question sheets (.xlsx) written in the test: the header and the given rows. */
public final class Sheets {

    private Sheets() {
    }

    public static byte[] withRows(List<List<String>> rows) {
        return xlsx(ItemSheet.COLUMNS, rows);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("문항");
            write(sheet.createRow(0), header);
            for (int r = 0; r < rows.size(); r++) {
                write(sheet.createRow(r + 1), rows.get(r));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row: type, difficulty, course, question, up to five choices, answer, points, explanation, tags. */
    public static List<String> row(String type, String difficulty, String course, String stem, List<String> choices, String answer,
                                   String points, String explanation, String tags) {
        String[] cells = new String[ItemSheet.COLUMNS.size()];
        cells[0] = type;
        cells[1] = difficulty;
        cells[2] = course;
        cells[3] = stem;
        for (int i = 0; i < 5; i++) {
            cells[4 + i] = i < choices.size() ? choices.get(i) : "";
        }
        cells[9] = answer;
        cells[10] = points;
        cells[11] = explanation;
        cells[12] = tags;
        return List.of(cells);
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
