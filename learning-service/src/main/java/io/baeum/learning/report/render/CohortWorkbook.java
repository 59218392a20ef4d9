package io.baeum.learning.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import io.baeum.learning.report.domain.AuditExport;
import io.baeum.learning.report.domain.EvidenceTimeline;

/**
 * The auditor's cohort export (xlsx, POI): a sheet "훈련생" with one row per trainee and the completion
 * criteria, and a sheet "수료 기준" with the cohort and the policy in force. Numbers are numeric cells.
 */
public final class CohortWorkbook {

    public static final String TRAINEES = "훈련생";
    public static final String POLICY = "수료 기준";
    public static final String[] COLUMNS = {"계정", "수강 ID", "진도율(%)", "이수 차시", "전체 차시", "진행단계평가", "최종평가", "과제",
            "기한 초과 제출", "총점", "판정", "판정 일시", "기준별 결과", "수료증 번호", "수료증 취소"};

    private CohortWorkbook() {
    }

    public static byte[] render(AuditExport export, ZoneId zone) {
        ReportText text = new ReportText(zone);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);

            Sheet trainees = workbook.createSheet(TRAINEES);
            Row head = trainees.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                head.createCell(i).setCellValue(COLUMNS[i]);
                head.getCell(i).setCellStyle(bold);
            }
            int r = 1;
            for (AuditExport.Row row : export.rows()) {
                Row x = trainees.createRow(r++);
                x.createCell(0).setCellValue(row.accountId());
                x.createCell(1).setCellValue(row.enrollmentId().toString());
                x.createCell(2).setCellValue(row.progressPercent().doubleValue());
                x.createCell(3).setCellValue(row.completedLessons());
                x.createCell(4).setCellValue(export.cohort().totalLessons());
                number(x, 5, row.stageScore());
                number(x, 6, row.finalScore());
                number(x, 7, row.assignmentScore());
                x.createCell(8).setCellValue(row.lateResults());
                number(x, 9, row.totalScore());
                x.createCell(10).setCellValue(EvidenceTimeline.outcomeName(row.outcome()));
                x.createCell(11).setCellValue(row.decidedAt() == null ? "" : text.time(row.decidedAt()));
                x.createCell(12).setCellValue(row.criteria().stream().map(c -> c.criterion() + " " + c.value() + "/" + c.threshold()
                        + (c.met() ? " 충족" : " 미충족")).collect(Collectors.joining("; ")));
                x.createCell(13).setCellValue(row.certificateNumber() == null ? "" : row.certificateNumber());
                x.createCell(14).setCellValue(row.certificateRevoked() ? "취소" : "");
            }
            trainees.createFreezePane(0, 1);

            Sheet policy = workbook.createSheet(POLICY);
            AuditExport.Cohort c = export.cohort();
            String[][] lines = {{"과정", c.courseTitle()}, {"회차", c.cohortName()}, {"훈련 유형", c.trainingType()},
                    {"학습 기간", c.studyFrom() + " ~ " + c.studyTo()}, {"전체 차시", String.valueOf(c.totalLessons())},
                    {"작성 일시", text.time(export.generatedAt()) + " (" + zone.getId() + ")"}};
            int p = 0;
            for (String[] line : lines) {
                pair(policy.createRow(p++), line[0], line[1], bold);
            }
            AuditExport.Policy rule = export.policy();
            if (rule == null) {
                pair(policy.createRow(p), "수료 기준", "적용할 기준 없음", bold);
            } else {
                String[][] rules = {{"기준 버전", rule.version() + " (" + rule.effectiveFrom() + "부터)"},
                        {"최소 진도율(%)", String.valueOf(rule.minProgressPercent())}, {"최소 총점", String.valueOf(rule.minTotalScore())},
                        {"가중치: 최종평가/과제/진행단계평가", rule.finalWeight() + "/" + rule.assignmentWeight() + "/" + rule.stageWeight()},
                        {"기한 내 제출 필수", rule.requireOnTime() ? "예" : "아니오"}};
                for (String[] line : rules) {
                    pair(policy.createRow(p++), line[0], line[1], bold);
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, @Nullable BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        } else {
            row.createCell(column).setBlank();
        }
    }

    private static void pair(Row row, String label, String value, CellStyle bold) {
        row.createCell(0).setCellValue(label);
        row.getCell(0).setCellStyle(bold);
        row.createCell(1).setCellValue(value);
    }
}
