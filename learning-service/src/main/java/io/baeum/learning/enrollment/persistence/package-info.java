/** The enrollment feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.learning.enrollment.persistence;

import org.jspecify.annotations.NullMarked;
