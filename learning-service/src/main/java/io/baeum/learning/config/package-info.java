/** Configuration properties records and wiring shared by the features. */
@NullMarked
package io.baeum.learning.config;

import org.jspecify.annotations.NullMarked;
