package io.baeum.rag.document;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import io.baeum.common.error.DomainException;

/** The text of a PDF, page by page, pages separated by form feeds (the chunker keeps page numbers). */
final class PdfText {

    static final int MAX_PAGES = 2_000;

    private PdfText() {
    }

    static String extract(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw DomainException.invalid("MALFORMED_PDF", "the PDF is encrypted");
            }
            int pages = document.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw DomainException.invalid("MALFORMED_PDF", "the PDF has more than " + MAX_PAGES + " pages");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder out = new StringBuilder();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (page > 1) {
                    out.append('\f');
                }
                out.append(stripper.getText(document).replace('\f', '\n'));
            }
            return out.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException d) {
                throw d;
            }
            throw DomainException.invalid("MALFORMED_PDF", "the file is not a readable PDF");
        }
    }
}
