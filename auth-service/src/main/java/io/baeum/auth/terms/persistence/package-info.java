/** The terms feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.terms.persistence;

import org.jspecify.annotations.NullMarked;
