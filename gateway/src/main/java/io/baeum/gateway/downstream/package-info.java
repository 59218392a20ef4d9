/** Readiness of the downstream services. */
@NullMarked
package io.baeum.gateway.downstream;

import org.jspecify.annotations.NullMarked;
