/** The report's SQL reads (no writes). */
@NullMarked
package io.baeum.learning.report.persistence;

import org.jspecify.annotations.NullMarked;
