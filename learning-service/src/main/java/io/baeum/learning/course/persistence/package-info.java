/** The course feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.learning.course.persistence;

import org.jspecify.annotations.NullMarked;
