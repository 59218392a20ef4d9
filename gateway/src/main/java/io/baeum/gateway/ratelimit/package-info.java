/** Rate limits per client and route. */
@NullMarked
package io.baeum.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
