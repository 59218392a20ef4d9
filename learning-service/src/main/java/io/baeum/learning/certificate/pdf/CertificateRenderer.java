package io.baeum.learning.certificate.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import io.baeum.learning.certificate.domain.Certificate;
import io.baeum.learning.certificate.domain.CertificateDocument;
import io.baeum.learning.certificate.domain.CertificateForm;
import io.baeum.learning.config.CertificateProperties;
import io.baeum.learning.config.LearningProperties;

/**
 * Draws a certificate on one A4 page with PDFBox: Korean text in the configured TrueType font (embedded as a
 * subset through {@link PDType0Font}), the institution's seal (an image, or a drawn one), and a QR code (ZXing) of
 * the public verification URL with the URL printed under it. Two layouts: the HRD form (numbered fields, the
 * training-law sentence) and a free form. Blocking (file and CPU): callers run it on a bounded-elastic thread.
 */
@Component
public class CertificateRenderer {

    private static final float QR_MODULE = 3f;
    private static final Color SEAL_RED = new Color(200, 30, 30);

    private final CertificateProperties properties;
    private final ZoneId zone;

    CertificateRenderer(CertificateProperties properties, LearningProperties learning) {
        this.properties = properties;
        this.zone = learning.zone();
    }

    public byte[] render(CertificateDocument doc, CertificateForm form, URI verificationUrl) {
        if (!Files.isReadable(properties.fontPath())) {
            throw new IllegalStateException("certificate font not found: " + properties.fontPath()
                    + " (install Debian's fonts-nanum: deploy/local/install.sh)");
        }
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(pdf, properties.fontPath().toFile());
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("수료증 " + doc.certificate().number());
            info.setCreator(properties.institutionName());
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                Page p = new Page(cs, font, page.getMediaBox());
                if (form == CertificateForm.HRD) {
                    hrd(p, doc);
                } else {
                    free(p, doc);
                }
                seal(pdf, p, 400, 150);
                qr(p, verificationUrl, 60, 60);
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void hrd(Page p, CertificateDocument doc) throws IOException {
        Certificate c = doc.certificate();
        p.border(30, 2f);
        p.border(36, 0.5f);
        p.text(10, 60, 780, "제 " + c.number() + " 호" + (doc.issueNo() > 1 ? " (재발급 " + doc.issueNo() + "회)" : ""));
        p.centered(34, 690, "수 료 증");
        float y = 600;
        y = p.field(y, "성       명", c.holderName());
        y = p.field(y, "과  정  명", doc.courseTitle());
        y = p.field(y, "훈련 기간", date(doc.studyFrom()) + " ~ " + date(doc.studyTo()));
        y = p.field(y, "훈련 시간", doc.hours() + "시간");
        y = p.field(y, "훈련 기관", properties.institutionName() + " (기관코드 " + properties.institutionCode() + ")");
        p.text(12, 90, y - 30, "위 사람은 근로자직업능력 개발법에 따른 원격훈련 과정을 성실히 이수하고");
        p.text(12, 90, y - 50, "소정의 수료 기준을 충족하였으므로 이 증서를 수여합니다.");
        p.centered(14, 250, date(LocalDate.ofInstant(doc.lastIssuedAt(), zone)));
        p.centered(18, 200, properties.institutionName() + " 장");
        p.text(8, 190, 70, "진위 확인 (Verification)");
        p.text(7, 190, 58, properties.verificationUrl(c.number()).toString());
        p.text(8, 190, 46, "보존 기한: " + date(c.keptUntil()));
    }

    private void free(Page p, CertificateDocument doc) throws IOException {
        Certificate c = doc.certificate();
        p.border(40, 1f);
        p.centered(12, 770, "No. " + c.number() + (doc.issueNo() > 1 ? "  (재발급 " + doc.issueNo() + "회)" : ""));
        p.centered(30, 700, "수료증");
        p.centered(14, 670, "CERTIFICATE OF COMPLETION");
        p.centered(24, 580, c.holderName());
        p.centered(14, 520, "과정: " + doc.courseTitle());
        p.centered(12, 495, "기간: " + date(doc.studyFrom()) + " ~ " + date(doc.studyTo()) + "   (" + doc.hours() + "시간)");
        p.centered(12, 440, "위 사람은 본 기관의 과정을 수료하였음을 증명합니다.");
        p.centered(12, 300, "발급일: " + date(LocalDate.ofInstant(doc.lastIssuedAt(), zone)));
        p.centered(18, 200, properties.institutionName());
        p.text(8, 190, 70, "진위 확인 (Verification)");
        p.text(7, 190, 58, properties.verificationUrl(c.number()).toString());
    }

    private void seal(PDDocument pdf, Page p, float x, float y) throws IOException {
        if (properties.sealImage() != null && Files.isReadable(properties.sealImage())) {
            PDImageXObject image = PDImageXObject.createFromFile(properties.sealImage().toString(), pdf);
            p.cs.drawImage(image, x, y - 20, 70, 70);
            return;
        }
        p.cs.setStrokingColor(SEAL_RED);
        p.cs.setNonStrokingColor(SEAL_RED);
        p.cs.setLineWidth(2.5f);
        p.cs.addRect(x, y - 20, 64, 64);
        p.cs.stroke();
        String name = properties.institutionName().replace(" ", "");
        p.text(11, x + 8, y + 22, name.length() > 4 ? name.substring(0, 4) : name);
        p.text(11, x + 8, y + 4, "직인");
        p.cs.setNonStrokingColor(Color.BLACK);
        p.cs.setStrokingColor(Color.BLACK);
    }

    private static void qr(Page p, URI url, float x, float y) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url.toString(), BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalStateException("verification URL does not fit a QR code: " + url, e);
        }
        int size = matrix.getWidth();
        p.cs.setNonStrokingColor(Color.BLACK);
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                if (matrix.get(col, row)) {
                    p.cs.addRect(x + col * QR_MODULE, y + (size - 1 - row) * QR_MODULE, QR_MODULE, QR_MODULE);
                }
            }
        }
        p.cs.fill();
    }

    private static String date(LocalDate d) {
        return d.getYear() + "년 " + d.getMonthValue() + "월 " + d.getDayOfMonth() + "일";
    }

    /** A page being drawn: the content stream, the font, the page box. */
    private record Page(PDPageContentStream cs, PDType0Font font, PDRectangle box) {

        void text(float size, float x, float y, String s) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(s);
            cs.endText();
        }

        void centered(float size, float y, String s) throws IOException {
            float width = font.getStringWidth(s) / 1000 * size;
            text(size, (box.getWidth() - width) / 2, y, s);
        }

        float field(float y, String label, String value) throws IOException {
            text(13, 90, y, label);
            text(13, 190, y, ":  " + value);
            return y - 34;
        }

        void border(float inset, float width) throws IOException {
            cs.setLineWidth(width);
            cs.addRect(inset, inset, box.getWidth() - 2 * inset, box.getHeight() - 2 * inset);
            cs.stroke();
        }
    }
}
