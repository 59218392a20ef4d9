/** The account feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.account.persistence;

import org.jspecify.annotations.NullMarked;
