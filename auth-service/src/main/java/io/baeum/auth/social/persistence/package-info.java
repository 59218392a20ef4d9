/** The social feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.auth.social.persistence;

import org.jspecify.annotations.NullMarked;
