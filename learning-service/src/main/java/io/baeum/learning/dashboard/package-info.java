/** The dashboards feature of learning: the trainee's classroom, the instructor's cohort, the admin's figures (read-only). */
@NullMarked
package io.baeum.learning.dashboard;

import org.jspecify.annotations.NullMarked;
