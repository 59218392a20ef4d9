/** The audit feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.audit.persistence;

import org.jspecify.annotations.NullMarked;
