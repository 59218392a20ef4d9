/** The token feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.token.persistence;

import org.jspecify.annotations.NullMarked;
