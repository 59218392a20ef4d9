package io.baeum.billing.receipt.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.baeum.billing.receipt.domain.Receipt;
import io.baeum.common.error.DomainException;

/**
 * Our receipt as a one-page A4 PDF. Korean needs a font with Hangul: the configured TrueType font
 * (Nanum Gothic, Debian's fonts-nanum) is embedded as a subset, so the PDF shows and extracts the same
 * text everywhere. Characters the font lacks print as '?'. Blocking: call it off the event loop.
 */
final class ReceiptPdf {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final Path font;
    private final ZoneId zone;
    private final String issuer;

    ReceiptPdf(Path font, ZoneId zone, String issuer) {
        this.font = font;
        this.zone = zone;
        this.issuer = issuer;
    }

    byte[] render(Receipt receipt) {
        if (!Files.isReadable(font)) {
            throw DomainException.unavailable("RECEIPT_FONT_MISSING", "the receipt font " + font + " is not installed");
        }
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font hangul = PDType0Font.load(document, font.toFile());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("영수증 " + receipt.orderId());
            info.setCreator(issuer);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                Writer w = new Writer(content, hangul, PDRectangle.A4.getHeight() - MARGIN);
                String currency = receipt.currency();
                w.line("영수증", 20);
                w.gap(8);
                w.pair("주문번호", receipt.orderId().toString(), 10);
                w.pair("결제번호", receipt.paymentId(), 10);
                w.pair("주문명", receipt.orderName(), 10);
                w.pair("결제일시", ReceiptHtml.WHEN.format(receipt.paidAt().atZone(zone)) + " (" + zone.getId() + ")", 10);
                w.gap(10);
                w.amount("과정", "금액", 11);
                for (Receipt.Line line : receipt.lines()) {
                    w.amount(line.courseTitle(), ReceiptHtml.won(line.price()) + " " + currency, 11);
                }
                w.amount("결제금액", ReceiptHtml.won(receipt.paid()) + " " + currency, 12);
                for (Receipt.RefundLine refund : receipt.refunds()) {
                    w.amount("환불 " + ReceiptHtml.WHEN.format(refund.completedAt().atZone(zone)) + " · " + refund.courseTitle(),
                            "-" + ReceiptHtml.won(refund.amount()) + " " + currency, 11);
                }
                w.amount("최종 결제금액", ReceiptHtml.won(receipt.net()) + " " + currency, 12);
                w.gap(10);
                if (receipt.receiptUrl() != null) {
                    w.line("카드사·PG 영수증 (PortOne): " + receipt.receiptUrl(), 8);
                }
                w.line("발행: " + issuer, 9);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines top-down; text is reduced to what the font can draw and cut to the line's width. */
    private static final class Writer {
        private final PDPageContentStream content;
        private final PDType0Font font;
        private float y;

        Writer(PDPageContentStream content, PDType0Font font, float top) {
            this.content = content;
            this.font = font;
            this.y = top;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size) throws IOException {
            y -= size * 1.5f;
            show(fit(text, size, WIDTH), size, MARGIN);
        }

        void pair(String label, String value, float size) throws IOException {
            y -= size * 1.6f;
            show(label, size, MARGIN);
            show(fit(value, size, WIDTH - 90), size, MARGIN + 90);
        }

        /** A label on the left and an amount flush right, with a rule below. */
        void amount(String label, String amount, float size) throws IOException {
            y -= size * 1.8f;
            String shown = fit(amount, size, WIDTH);
            float right = width(shown, size);
            show(fit(label, size, WIDTH - right - 12), size, MARGIN);
            show(shown, size, MARGIN + WIDTH - right);
            content.moveTo(MARGIN, y - 4);
            content.lineTo(MARGIN + WIDTH, y - 4);
            content.setLineWidth(0.3f);
            content.stroke();
        }

        private void show(String text, float size, float x) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private String fit(String text, float size, float max) throws IOException {
            String drawable = drawable(text);
            if (width(drawable, size) <= max) {
                return drawable;
            }
            int end = drawable.length();
            while (end > 0 && width(drawable.substring(0, end) + "…", size) > max) {
                end = drawable.offsetByCodePoints(end, -1);
            }
            return drawable.substring(0, end) + "…";
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private String drawable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                String one = Character.isISOControl(cp) ? " " : Character.toString(cp);
                try {
                    font.encode(one);
                    out.append(one);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            });
            return out.toString();
        }
    }
}
