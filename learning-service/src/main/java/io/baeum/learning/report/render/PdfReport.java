package io.baeum.learning.report.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

import io.baeum.learning.report.domain.EvidenceReport;

/**
 * The evidence report as a PDF (A4, PDFBox) in a Korean TrueType font embedded as a subset (PDType0Font):
 * the same words as the HTML page, lines wrapped to the page, as many pages as it takes.
 */
public final class PdfReport {

    private static final float MARGIN = 40;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private PdfReport() {
    }

    /** @param font a TrueType font with Hangul glyphs (NanumGothic) */
    public static byte[] render(EvidenceReport report, ZoneId zone, Path font) {
        ReportText text = new ReportText(zone);
        try (PDDocument document = new PDDocument(); Writer out = new Writer(document, PDType0Font.load(document, font.toFile()))) {
            document.getDocumentInformation().setTitle(ReportText.TITLE + " " + report.header().enrollmentId());
            out.line(ReportText.TITLE, 16, 0);
            out.gap(6);
            for (String[] line : text.header(report)) {
                out.line(line[0] + ": " + line[1], 10, 0);
            }
            out.gap(6);
            out.line(ReportText.verdict(report.chain()), 11, 0);
            out.gap(8);
            out.line("차시별 진도", 13, 0);
            for (EvidenceReport.LessonLine lesson : report.lessons()) {
                out.line(ReportText.lesson(lesson), 9, 8);
            }
            out.gap(8);
            out.line("기록 (시간순)", 13, 0);
            for (EvidenceReport.Entry e : report.entries()) {
                out.line(text.time(e.at()) + "  [" + ReportText.category(e.category()) + "] " + (e.refusal() ? "※ " : "") + e.title()
                        + (e.seq() == null ? "" : "  (순번 " + e.seq() + ")"), 9, 0);
                out.line(e.detail(), 8, 12);
            }
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines top to bottom, a new page when one is full. */
    private static final class Writer implements AutoCloseable {

        private final PDDocument document;
        private final PDType0Font font;
        private final Map<Integer, Boolean> glyphs = new HashMap<>();
        private @Nullable PDPageContentStream stream;
        private float y;

        Writer(PDDocument document, PDType0Font font) {
            this.document = document;
            this.font = font;
        }

        void gap(float points) {
            y -= points;
        }

        /** A paragraph in {@code size} points, indented, wrapped at the right margin. */
        void line(String paragraph, float size, float indent) throws IOException {
            String printable = printable(paragraph);
            float width = WIDTH - indent;
            int start = 0;
            while (start < printable.length()) {
                int end = start;
                while (end < printable.length() && font.getStringWidth(printable.substring(start, end + 1)) / 1000 * size <= width) {
                    end++;
                }
                end = Math.max(end, start + 1);
                show(printable.substring(start, end), size, indent);
                start = end;
            }
            if (printable.isEmpty()) {
                show("", size, indent);
            }
        }

        private void show(String text, float size, float indent) throws IOException {
            float leading = size * 1.45f;
            if (stream == null || y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            PDPageContentStream s = java.util.Objects.requireNonNull(stream);
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(MARGIN + indent, y);
            s.showText(text);
            s.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        /** Control characters become spaces, characters without a glyph in the font a '?'. */
        private String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private boolean hasGlyph(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
