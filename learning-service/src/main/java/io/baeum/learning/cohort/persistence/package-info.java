/** The cohort feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.learning.cohort.persistence;

import org.jspecify.annotations.NullMarked;
