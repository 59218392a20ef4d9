/** The session feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.session.persistence;

import org.jspecify.annotations.NullMarked;
