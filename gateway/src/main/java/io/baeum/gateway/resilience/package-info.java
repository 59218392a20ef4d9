/** Circuit-breaker fallbacks: 503 in the error envelope. */
@NullMarked
package io.baeum.gateway.resilience;

import org.jspecify.annotations.NullMarked;
