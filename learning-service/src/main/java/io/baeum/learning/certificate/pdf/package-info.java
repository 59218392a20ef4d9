/** Renders certificates as PDF (PDFBox, a Korean TrueType font) with a QR code (ZXing) to the public verification URL. */
@NullMarked
package io.baeum.learning.certificate.pdf;

import org.jspecify.annotations.NullMarked;
