/** Configuration properties records and wiring shared by the features. */
@NullMarked
package io.baeum.auth.config;

import org.jspecify.annotations.NullMarked;
