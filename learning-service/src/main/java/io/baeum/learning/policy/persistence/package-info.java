/** The policy feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.learning.policy.persistence;

import org.jspecify.annotations.NullMarked;
