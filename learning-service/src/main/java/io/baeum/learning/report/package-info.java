/** The evidence report of a trainee's course (HTML, PDF) and the auditor's cohort export (xlsx). */
@NullMarked
package io.baeum.learning.report;

import org.jspecify.annotations.NullMarked;
