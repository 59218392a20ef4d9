package io.baeum.auth.account;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/**
 * Reads the member sheet of an .xlsx: the first sheet, a header row naming the columns
 * {@code email}, {@code name}, {@code phone} (Korean headers 이메일, 이름, 휴대폰 also accepted), one
 * member per row. Everything is read as text; blank rows are ignored.
 */
final class MemberSheet {

    static final int MAX_ROWS = 5000;

    static {
        // zip-bomb guards (POI's defaults, stated explicitly)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
    }

    private MemberSheet() {
    }

    record Line(int row, @Nullable String email, @Nullable String name, @Nullable String phone) {
    }

    static List<Line> read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            if (sheet == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw invalid("The file has no sheet with a header row.");
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> columns = new HashMap<>();
            for (Cell cell : header) {
                String name = formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "email", "이메일" -> columns.put("email", cell.getColumnIndex());
                    case "name", "이름" -> columns.put("name", cell.getColumnIndex());
                    case "phone", "휴대폰", "전화번호" -> columns.put("phone", cell.getColumnIndex());
                    default -> { }
                }
            }
            if (!columns.keySet().containsAll(List.of("email", "name", "phone"))) {
                throw invalid("The header row must name the columns email, name and phone.");
            }
            List<Line> lines = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String email = text(row, columns.get("email"), formatter);
                String name = text(row, columns.get("name"), formatter);
                String phone = text(row, columns.get("phone"), formatter);
                if (email == null && name == null && phone == null) {
                    continue;
                }
                if (lines.size() == MAX_ROWS) {
                    throw invalid("The file has more than " + MAX_ROWS + " members; split it.");
                }
                lines.add(new Line(r + 1, email, name, phone));
            }
            return lines;
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof DomainException domain) {
                throw domain;
            }
            throw invalid("The file is not a readable .xlsx workbook.");
        }
    }

    private static @Nullable String text(Row row, int column, DataFormatter formatter) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return null;
        }
        String value = formatter.formatCellValue(cell).strip();
        return value.isEmpty() ? null : value;
    }

    private static DomainException invalid(String why) {
        return new DomainException(ErrorKind.INVALID, "INVALID_IMPORT_FILE", why, why);
    }
}
