/** The playback feature's persistence adapter (R2DBC, PostgreSQL). */
@NullMarked
package io.baeum.learning.playback.persistence;

import org.jspecify.annotations.NullMarked;
