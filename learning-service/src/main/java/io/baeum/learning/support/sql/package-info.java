/** SQL helpers shared by the features' persistence adapters (R2DBC, Spring's data-access exceptions). */
@NullMarked
package io.baeum.learning.support.sql;

import org.jspecify.annotations.NullMarked;
