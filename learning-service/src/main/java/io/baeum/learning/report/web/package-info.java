/** The report's HTTP adapter: JSON, HTML, PDF and xlsx. */
@NullMarked
package io.baeum.learning.report.web;

import org.jspecify.annotations.NullMarked;
