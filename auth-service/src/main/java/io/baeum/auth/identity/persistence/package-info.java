/** The identity feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.identity.persistence;

import org.jspecify.annotations.NullMarked;
