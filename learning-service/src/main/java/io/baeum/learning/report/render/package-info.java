/** Renderers of the report: escaped HTML, PDF (PDFBox, a Korean TrueType font) and xlsx (POI). */
@NullMarked
package io.baeum.learning.report.render;

import org.jspecify.annotations.NullMarked;
