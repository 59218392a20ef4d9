package io.baeum.exam.bank.sheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.baeum.common.error.DomainException;
import io.baeum.exam.bank.domain.ItemSheet;

/** The .xlsx side of the question-bank sheet (Apache POI): reading an upload, writing the template. */
public final class ItemWorkbook {

    private ItemWorkbook() {
    }

    /** The rows of the first sheet after its header; blank rows are skipped. */
    public static List<ItemSheet.Row> rows(byte[] xlsx, int maxRows) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw unreadable();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw DomainException.invalid("SHEET_WRONG_COLUMNS", "the sheet has no header row",
                        String.join(" | ", ItemSheet.COLUMNS));
            }
            ItemSheet.checkHeader(cells(header, formatter, Math.max(header.getLastCellNum(), ItemSheet.COLUMNS.size())));
            List<ItemSheet.Row> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> cells = cells(row, formatter, ItemSheet.COLUMNS.size());
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw DomainException.invalid("SHEET_TOO_MANY_ROWS", "at most " + maxRows + " items per sheet", maxRows);
                }
                rows.add(new ItemSheet.Row(r + 1, cells));
            }
            if (rows.isEmpty()) {
                throw DomainException.invalid("SHEET_EMPTY", "the sheet has no item rows");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw unreadable();
        }
    }

    private static List<String> cells(Row row, DataFormatter formatter, int count) {
        List<String> cells = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
        }
        return cells;
    }

    private static DomainException unreadable() {
        return DomainException.invalid("SHEET_UNREADABLE", "the file is not a readable .xlsx workbook");
    }

    /** The template: the header and two example rows. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("문항");
            write(sheet.createRow(0), ItemSheet.COLUMNS);
            write(sheet.createRow(1), List.of("단일선택", "중", "COURSE-ID", "자바에서 정수형 기본 타입은?", "String", "int", "Integer",
                    "double", "", "2", "5", "int는 기본 타입, Integer는 래퍼 클래스입니다.", "자료형,기초"));
            write(sheet.createRow(2), List.of("단답형", "하", "COURSE-ID", "객체의 설계도를 무엇이라 하는가?", "", "", "", "", "", "클래스|class",
                    "5", "", "객체지향"));
            for (int c = 0; c < ItemSheet.COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, c == 3 ? 40 * 256 : 12 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }
}
